import { essence } from '../../model/media-types.js';
import { objectLiteral, propertyKey, stringLiteral } from '../escape.js';
import type {
  BodyModel,
  OperationModel,
  OptionParamModel,
  PathParamModel,
  ResponseModel,
} from '../../model/types.js';

/** A runtime export a method needs for its wire format, imported only by the resource files that use it. */
export interface WireImport {
  module: string;
  name: string;
  typeOnly?: boolean;
}

/**
 * The RequestSpec entries for an operation's parameters, body and response beyond plain JSON: styled parameters,
 * encoded bodies, the declared media types, streams. Each entry names the runtime function that writes it, so a
 * resource file imports (and a bundle carries) only the encoders its operations use.
 */
export function wireParts(
  op: OperationModel,
  access: (name: string) => string,
  imports: WireImport[],
  values: { body?: string; accept?: string; stream?: string } = {},
): string[] {
  const parts: string[] = [];
  const styled = op.optionParams.filter((p) => p.in === 'query' && p.serialization);
  if (styled.length) {
    imports.push({ module: 'internal/styles.js', name: 'styledQuery' });
    parts.push(`encodedQuery: styledQuery([${styled.map((p) => styledEntry(p, access)).join(', ')}])`);
  }
  if (op.body) parts.push(...bodyParts(op.body, access, imports, values.body));
  // `values` carry a method's per-call choices: the body argument as its form types it, the caller's Accept.
  if (values.accept) parts.push(values.accept === 'accept' ? 'accept' : `accept: ${values.accept}`);
  else if (op.accept !== 'application/json') parts.push(`accept: ${stringLiteral(op.accept)}`);
  if (values.stream) parts.push(`stream: ${values.stream}`);
  else if (!values.accept && op.call.kind === 'request' && op.call.response.kind === 'stream')
    parts.push('stream: true');
  return parts;
}

/** Query names the plain writer sends (no declared style); a styled one goes through `styledQuery`. */
export function plainQuery(op: OperationModel): string[] {
  return op.optionParams.filter((p) => p.in === 'query' && !p.serialization).map((p) => p.wireName);
}

/** A header's value expression: `styledHeader` for an object or JSON header, the value itself otherwise. */
export function headerValue(
  param: OptionParamModel,
  access: (name: string) => string,
  imports: WireImport[],
): string {
  if (!param.serialization) return access(param.wireName);
  imports.push({ module: 'internal/styles.js', name: 'styledHeader' });
  return `styledHeader(${access(param.wireName)}, ${objectLiteral(param.serialization)})`;
}

/** The Cookie header of an operation's cookie parameters, each in its style. */
export function cookieValue(
  params: OptionParamModel[],
  access: (name: string) => string,
  imports: WireImport[],
): string {
  imports.push({ module: 'internal/styles.js', name: 'styledCookies' });
  return `styledCookies([${params.map((p) => styledEntry(p, access)).join(', ')}])`;
}

/**
 * A path parameter inside the `path` tag: written in its style when it has one. `value` is where it is read from:
 * its argument, or the params object for the path params before the last.
 */
export function pathValue(
  param: PathParamModel,
  imports: WireImport[],
  value: string = param.argName,
): string {
  if (!param.serialization) return value;
  imports.push({ module: 'internal/styles.js', name: 'styledPath' });
  return `styledPath(${stringLiteral(param.wireName)}, ${value}, ${objectLiteral(param.serialization)})`;
}

function styledEntry(param: OptionParamModel, access: (name: string) => string): string {
  return `[${stringLiteral(param.wireName)}, ${access(param.wireName)}, ${objectLiteral(param.serialization ?? {})}]`;
}

function bodyParts(
  body: BodyModel,
  access: (name: string) => string,
  imports: WireImport[],
  given: string | undefined,
): string[] {
  if (body.kind !== 'flattened' && body.encoding === 'binary')
    imports.push({ module: 'uploads.js', name: 'Uploadable', typeOnly: true });
  const value =
    body.kind === 'flattened'
      ? objectOf(body.properties, access)
      : (given ?? (body.kind === 'field' ? access('body') : 'body'));
  const fields = objectLiteral(body.kind === 'flattened' ? (body.fieldEncodings ?? {}) : {});
  // An optional whole body left out sends none: no encoder runs.
  const when = (encoder: string) =>
    body.kind !== 'flattened' && !body.required
      ? `content: ${value} === undefined ? undefined : () => ${encoder}`
      : `content: () => ${encoder}`;
  const type = stringLiteral(body.contentType);
  switch (body.encoding) {
    case 'json':
      return [`body: ${value}`, ...(body.contentType === 'application/json' ? [] : [`contentType: ${type}`])];
    case 'form':
      imports.push({ module: 'internal/form.js', name: 'formBody' });
      return [when(`formBody(${value}, ${fields}, ${type})`)];
    case 'multipart':
      imports.push({ module: 'internal/multipart.js', name: 'multipartBody' });
      // multipart/form-data is what fetch writes for a FormData; another multipart type is named to the encoder.
      return [
        when(
          `multipartBody(${value}, ${fields}${essence(body.contentType) === 'multipart/form-data' ? '' : `, ${type}`})`,
        ),
      ];
    case 'binary':
      imports.push({ module: 'internal/raw-body.js', name: 'binaryBody' });
      return [when(`binaryBody(${value}, ${type})`)];
    case 'text':
      imports.push({ module: 'internal/raw-body.js', name: 'textBody' });
      return [when(`textBody(${value}, ${type})`)];
  }
}

/** An object literal of wire names, each read with `access`. */
export function objectOf(names: string[], access: (name: string) => string): string {
  return `{ ${names.map((n) => `${propertyKey(n)}: ${access(n)}`).join(', ')} }`;
}

/** Imports grouped by module (values and types apart), in a fixed order: output is byte-deterministic. */
export function groupImports(
  imports: readonly WireImport[],
): { module: string; names: string[]; typeOnly: boolean }[] {
  const groups = new Map<string, Set<string>>();
  for (const { module, name, typeOnly } of imports) {
    const key = `${module}\0${typeOnly ? 'type' : 'value'}`;
    groups.set(key, (groups.get(key) ?? new Set()).add(name));
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, names]) => ({
      module: key.split('\0')[0]!,
      names: [...names].sort(),
      typeOnly: key.endsWith('\0type'),
    }));
}

/** What a stream response resolves to, and the decoder the method hands to `request`. */
export function streamResult(
  response: Extract<ResponseModel, { kind: 'stream' }>,
  item: string,
  imports: WireImport[],
): { type: string; decode: string } {
  imports.push({ module: 'streaming.js', name: 'Stream', typeOnly: true });
  if (response.format === 'sse') {
    imports.push(
      { module: 'streaming.js', name: 'ServerSentEvent', typeOnly: true },
      { module: 'internal/sse.js', name: 'sseStream' },
    );
    return {
      type: `Stream<ServerSentEvent<${item}>>`,
      decode: `(response) => sseStream<${item}>(response, ${response.json})`,
    };
  }
  imports.push({ module: 'internal/ndjson.js', name: 'ndjsonStream' });
  return { type: `Stream<${item}>`, decode: `(response) => ndjsonStream<${item}>(response)` };
}
