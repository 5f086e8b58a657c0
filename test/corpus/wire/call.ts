/**
 * One operation of the wire test: the arguments its generated method gets (built from the document) and what came
 * of the call, told apart by who is at fault: a request Prism reports as violating the document, a response Prism
 * cannot build from the document, a documented error answer, or an exception in the client.
 */
import { lookupPointer } from '../../../generator/json-pointer.js';
import type { ManifestArgument, ManifestOperation } from '../../../generator/emit/package/manifest.js';
import { deref, parameterSample, sampleValue } from './sample.js';
import { allows } from './schema-check.js';

export type Outcome =
  | { kind: 'ok' }
  /** The server answered with an error status the document declares for the operation. */
  | { kind: 'documented-error'; status: number }
  | { kind: 'violation'; detail: string }
  /** Prism could not produce a response from the document (no example it can build, no response declared). */
  | { kind: 'mock-limit'; detail: string }
  | { kind: 'exception'; detail: string }
  /** Prism itself died on the request (a throw in its own deserializer); it is restarted for the next one. */
  | { kind: 'prism-crash'; detail: string }
  /** Prism logged no verdict on the request: nothing proves it right or wrong. */
  | { kind: 'unvalidated'; detail: string };

/** Prism's request-side problems (https://stoplight.io/prism/errors#...): each one is the client's fault. */
const REQUEST_PROBLEMS = new Set([
  'UNPROCESSABLE_ENTITY',
  'UNAUTHORIZED',
  'NOT_ACCEPTABLE',
  'NO_PATH_MATCHED_ERROR',
  'NO_METHOD_MATCHED_ERROR',
  'INVALID_CONTENT_TYPE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NO_SERVER_MATCHED_ERROR',
  'NO_SERVER_CONFIGURATION_PROVIDED_ERROR',
]);

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
  content?: Record<string, any>;
  example?: unknown;
  examples?: Record<string, any>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

/** The operation's parameters as OpenAPI merges them: the path item's, overridden by the operation's. */
function parametersOf(doc: unknown, op: ManifestOperation): RawParameter[] {
  const operation = lookupPointer(doc, op.pointer);
  const item = lookupPointer(doc, op.pointer.replace(/\/[^/]+$/, ''));
  const byKey = new Map<string, RawParameter>();
  for (const raw of [...(item?.parameters ?? []), ...(operation?.parameters ?? [])]) {
    const param = deref(raw, doc) as RawParameter;
    if (param && typeof param.name === 'string') byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

/** Whether the operation declares a header of this name (rclone's `Prefer: respond-async`). */
export function declaresHeader(doc: unknown, op: ManifestOperation, name: string): boolean {
  return parametersOf(doc, op).some((p) => p.in === 'header' && p.name.toLowerCase() === name);
}

function declaresSerialization(param: RawParameter): boolean {
  return (
    param.style !== undefined ||
    param.explode !== undefined ||
    param.content !== undefined ||
    param.allowReserved !== undefined
  );
}

/**
 * A header whose schema is an array or object: Prism 5.14's simple-style deserializer (`deserializers/style/simple.js`)
 * splits the header's text without checking it is there, so an absent one crashes the mock. Sending it keeps the
 * request checked, and proves its serialization besides.
 */
function structuredHeader(param: RawParameter, doc: unknown): boolean {
  const type = (deref(param.schema, doc) as any)?.type;
  return param.in === 'header' && (type === 'array' || type === 'object');
}

/**
 * The document's own examples for a parameter or body, those its schema allows: some documents' examples are not
 * valid for their own schema (GitHub's `POST /user/keys` key misses its pattern), and sending one proves nothing.
 */
function validExamples(holder: any, schema: unknown, doc: unknown): unknown[] {
  const named = Object.values(holder?.examples ?? {}).map((e) => (deref(e, doc) as any)?.value);
  return [holder?.example, ...named].filter((v) => v !== undefined && allows(schema, v, doc));
}

function parameterValue(param: RawParameter, doc: unknown): unknown {
  const [example] = validExamples(param, param.schema, doc);
  if (example !== undefined) return example;
  const media = param.content ? Object.values(param.content)[0] : undefined;
  const [mediaExample] = validExamples(media, media?.schema, doc);
  if (mediaExample !== undefined) return mediaExample;
  // OpenAPI's defaults: `form` in the query and cookies, `simple` in the path and headers; only `form` explodes.
  const style = param.style ?? (param.in === 'query' || param.in === 'cookie' ? 'form' : 'simple');
  const explode = param.explode ?? style === 'form';
  return parameterSample(media?.schema ?? param.schema ?? {}, doc, { in: param.in, explode });
}

function bodyMedia(doc: unknown, op: ManifestOperation, mediaType: string | undefined): any {
  const body = deref(lookupPointer(doc, op.pointer)?.requestBody, doc) as any;
  if (!body?.content) return undefined;
  const key =
    Object.keys(body.content).find((k) =>
      k
        .split(',')
        .map((t) => t.trim())
        .includes(mediaType ?? ''),
    ) ?? Object.keys(body.content)[0];
  return key === undefined ? undefined : body.content[key];
}

function bodyValue(media: any, doc: unknown): unknown {
  // Some documents write a JSON example as its text; a structured schema means the structure was meant.
  const type = (deref(media?.schema, doc) as any)?.type;
  const parsed = (example: unknown) => {
    if (typeof example !== 'string' || (type !== 'array' && type !== 'object')) return example;
    try {
      return JSON.parse(example);
    } catch {
      return example;
    }
  };
  const named = Object.values(media?.examples ?? {}).map((e) => (deref(e, doc) as any)?.value);
  const example = [media?.example, ...named]
    .filter((v) => v !== undefined)
    .map(parsed)
    .find((v) => allows(media?.schema, v, doc));
  return example !== undefined ? example : sampleValue(media?.schema ?? {}, doc);
}

/** One request media type of an operation, as the manifest lists it: the options that select it and its arguments. */
/** One request media type of an operation, as the manifest lists it. */
export type RequestForm = ManifestOperation['requestBodies'][number];

/** Each request media type to call the operation with: the manifest's list when it has several, else the default call. */
export function requestForms(op: ManifestOperation): (RequestForm | undefined)[] {
  return op.requestBodies.length > 1 ? op.requestBodies : [undefined];
}

/**
 * Prism builds an answer from a deep schema with no example slowly: Figma's `GET /v1/files/{file_key}` takes 30 s on
 * a loaded two-core machine (measured with curl), so a call may take that long before it counts as an exception.
 */
export const CALL_TIMEOUT_MS = 90_000;

/** Positional arguments for the method: every parameter, the body's required fields, or a whole body. */
export function buildArguments(doc: unknown, op: ManifestOperation, form?: RequestForm): unknown[] {
  const params = parametersOf(doc, op);
  const media = bodyMedia(doc, op, form?.mediaType ?? op.requestMediaTypes[0]);
  const args: unknown[] = [];
  for (const arg of (form?.arguments ?? op.arguments) as ManifestArgument[]) {
    switch (arg.kind) {
      case 'path': {
        const param = params.find((p) => p.in === 'path' && p.name === arg.wireName);
        args.push(param ? parameterValue(param, doc) : 'value');
        break;
      }
      case 'body':
        args.push(bodyValue(media, doc) ?? (arg.mediaType.startsWith('text/') ? 'text' : {}));
        break;
      case 'params': {
        const values: Record<string, unknown> = {};
        const body = bodyValue(media, doc);
        for (const field of arg.fields) {
          if (field.in === 'body') {
            if (body && typeof body === 'object' && Object.hasOwn(body, field.name))
              values[field.name] = (body as any)[field.name];
            continue;
          }
          const param = params.find(
            (p) =>
              p.in === field.in &&
              (field.in === 'header'
                ? p.name.toLowerCase() === field.name.toLowerCase()
                : p.name === field.name),
          );
          // Required ones, and optional ones that declare how they are written: their serialization is what is proven.
          if (param && (param.required || declaresSerialization(param) || structuredHeader(param, doc)))
            values[field.name] = parameterValue(param, doc);
        }
        args.push(values);
        break;
      }
      case 'options':
        args.push({ maxRetries: 0, timeout: CALL_TIMEOUT_MS, ...form?.options });
    }
  }
  return args;
}

/** The status codes the document declares for an operation (`4XX` ranges and `default` included). */
function declaredStatus(doc: unknown, op: ManifestOperation, status: number): boolean {
  const responses = Object.keys(lookupPointer(doc, op.pointer)?.responses ?? {});
  return (
    responses.includes(String(status)) ||
    responses.includes(`${String(status)[0]}XX`) ||
    responses.includes('default')
  );
}

/**
 * Whether the operation declares a success the mock can answer with. Without a 2xx (or `default`), Prism answers
 * with what is declared: a 1xx (interim) or 407 (handled by the agent) fetch cannot deliver, or a redirect whose
 * `Location`, taken from the document, leads off loopback.
 */
export function finalStatusDeclared(doc: unknown, op: ManifestOperation): boolean {
  return Object.keys(lookupPointer(doc, op.pointer)?.responses ?? {}).some(
    (code) => /^2/.test(code) || code === 'default',
  );
}

/** Calls the method and reads the whole result (first page, every streamed item), then says what happened. */
export async function callOperation(
  client: any,
  doc: unknown,
  op: ManifestOperation,
  form?: RequestForm,
): Promise<Outcome> {
  let args: unknown[];
  try {
    args = buildArguments(doc, op, form);
  } catch (error) {
    return { kind: 'exception', detail: `arguments: ${String(error)}` };
  }
  try {
    const resource = op.resource.split('.').reduce((parent: any, name) => parent[name], client);
    const result = await resource[op.methodName](...args);
    if (result && typeof result === 'object' && Symbol.asyncIterator in result && !op.paginated) {
      for await (const _item of result);
    }
    return { kind: 'ok' };
  } catch (error: any) {
    const problem =
      typeof error?.error?.type === 'string'
        ? /stoplight\.io\/prism\/errors#(\w+)/.exec(error.error.type)?.[1]
        : undefined;
    if (problem) {
      const why = error.error.validation ?? error.error.detail ?? error.error.title ?? '';
      const detail = `${error.status} ${problem}: ${JSON.stringify(why).slice(0, 400)}`;
      return REQUEST_PROBLEMS.has(problem) ? { kind: 'violation', detail } : { kind: 'mock-limit', detail };
    }
    if (error?.constructor?.name === 'APIConnectionError' && !finalStatusDeclared(doc, op)) {
      return {
        kind: 'mock-limit',
        detail:
          'the document declares no 2xx answer, and the 1xx, 3xx or 407 the mock gives instead cannot complete on loopback',
      };
    }
    if (
      typeof error?.status === 'number' &&
      error.constructor?.name !== 'InvalidResponseError' &&
      declaredStatus(doc, op, error.status)
    ) {
      return { kind: 'documented-error', status: error.status };
    }
    return {
      kind: 'exception',
      detail: `${error?.constructor?.name ?? typeof error}: ${String(error?.message ?? error).slice(0, 300)}`,
    };
  }
}
