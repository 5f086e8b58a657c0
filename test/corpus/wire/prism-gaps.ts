/**
 * Where Prism 5.14 cannot check a request, and the wire test's own check in its place.
 *
 * Prism's `spaceDelimited` and `pipeDelimited` deserializer (prism-http `validator/deserializers/style/delimited.js`)
 * throws "only applicable to array parameter" for any other schema, present or absent, in the query or a form body's
 * `encoding`, and the throw kills the process. OpenAPI defines both styles for objects too (3.0.3 and 3.1 §4.8.12.4,
 * "Style Values"). Prism gets a copy of the document without those parameters (and with a form field's schema
 * opened to `{}`, its encoding dropped), and this module deserializes them from the request as sent and validates
 * them against their schema, as Prism would have. A multipart field's `style` is dropped from Prism's copy too: Prism
 * applies it (OpenAPI says it is ignored there), and reads an absent delimited array as '' instead of no value.
 */
import { HTTP_METHODS } from '../../../generator/http-methods.js';
import type { RecordedRequest } from './recorder.js';
import { deref } from './sample.js';
import { schemaValidator } from './schema-check.js';

export interface Gap {
  /** The operation's JSON pointer, as the manifest writes it (`#/paths/~1a/get`). */
  operation: string;
  /**
   * `multipart` gaps are no gap in the document: OpenAPI says `style` is ignored unless the body is
   * `application/x-www-form-urlencoded`, so Prism gets the document without it and checks the field itself.
   */
  in: 'query' | 'body' | 'multipart';
  name: string;
  /** `spaceDelimited` or `pipeDelimited` (any declared style for a multipart field). */
  style: string;
  explode: boolean;
  required: boolean;
  schema: unknown;
}

const FORM = 'application/x-www-form-urlencoded';
const DELIMITED = new Set(['spaceDelimited', 'pipeDelimited']);
const SEPARATOR = { spaceDelimited: ' ', pipeDelimited: '|' } as const;

function pointerOf(path: string, method: string): string {
  return `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`;
}

function isArraySchema(schema: unknown, doc: unknown): boolean {
  const s = deref(schema, doc) as any;
  return s?.type === 'array' || (Array.isArray(s?.type) && s.type.includes('array'));
}

/** Every delimited-style query parameter or urlencoded field whose schema is not an array; every styled multipart field. */
export function findGaps(doc: any): Gap[] {
  const gaps: Gap[] = [];
  for (const [path, rawItem] of Object.entries<any>(doc?.paths ?? {})) {
    const item = deref(rawItem, doc) as any;
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const operation = pointerOf(path, method);
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = deref(raw, doc) as any;
        if (p?.in === 'query' && DELIMITED.has(p.style) && !isArraySchema(p.schema, doc))
          gaps.push({
            operation,
            in: 'query',
            name: p.name,
            style: p.style,
            explode: p.explode === true,
            required: p.required === true,
            schema: p.schema ?? {},
          });
      }
      const body = deref(op.requestBody, doc) as any;
      for (const [type, form] of Object.entries<any>(body?.content ?? {})) {
        if (type !== FORM && type !== 'multipart/form-data') continue;
        const schema = deref(form?.schema, doc) as any;
        for (const [name, encoding] of Object.entries<any>(form?.encoding ?? {})) {
          // Prism applies a multipart field's style anyway, and reads an absent delimited array as '' (not an array).
          const multipart = type !== FORM && encoding?.style !== undefined;
          if (
            !multipart &&
            (!DELIMITED.has(encoding?.style) || isArraySchema(schema?.properties?.[name], doc))
          )
            continue;
          gaps.push({
            operation,
            in: type === FORM ? 'body' : 'multipart',
            name,
            style: encoding.style,
            explode: encoding.explode === true,
            required: Array.isArray(schema?.required) && schema.required.includes(name),
            schema: schema?.properties?.[name] ?? {},
          });
        }
      }
    }
  }
  return gaps;
}

/** The document Prism is given: each gap's parameter removed, each gap's form field unchecked (this module checks it). */
export function withoutGaps(doc: any, gaps: Gap[]): any {
  const copy = structuredClone(doc);
  for (const gap of gaps) {
    const [, , path, method] = gap.operation.split('/');
    const item = copy.paths[path!.replaceAll('~1', '/').replaceAll('~0', '~')];
    const op = item[method!];
    if (gap.in === 'query') {
      const other = (raw: unknown) => {
        const p = deref(raw, copy) as any;
        return !(p?.in === 'query' && p?.name === gap.name);
      };
      op.parameters = (op.parameters ?? []).filter(other);
      if (item.parameters) item.parameters = item.parameters.filter(other);
      continue;
    }
    const body = deref(op.requestBody, copy) as any;
    if (gap.in === 'multipart') {
      const {
        style: _style,
        explode: _explode,
        ...rest
      } = body.content['multipart/form-data'].encoding[gap.name];
      body.content['multipart/form-data'].encoding[gap.name] = rest;
      continue;
    }
    const form = body.content[FORM];
    const schema = structuredClone(deref(form.schema, copy)) as any;
    schema.properties = { ...schema.properties, [gap.name]: {} };
    form.schema = schema;
    delete form.encoding[gap.name];
  }
  return copy;
}

/** A delimited value as OpenAPI writes it: an object as `k1<sep>v1<sep>k2<sep>v2`, any other value as it is. */
export function deserializeDelimited(
  text: string,
  gap: Pick<Gap, 'style' | 'schema'>,
  doc: unknown,
): unknown {
  const s = deref(gap.schema, doc) as any;
  if (s?.type !== 'object') return text;
  const parts = text.split(SEPARATOR[gap.style as keyof typeof SEPARATOR] ?? ',');
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]!] = parts[i + 1]!;
  if (parts.length % 2 !== 0) out[''] = parts[parts.length - 1]!;
  return out;
}

/** The violations of one operation's gaps in the request as sent: missing when required, or not the schema's. */
export function checkGaps(request: RecordedRequest, gaps: Gap[], doc: any): string[] {
  const problems: string[] = [];
  for (const gap of gaps) {
    if (gap.in === 'multipart') continue;
    const sent = gap.in === 'body' ? new URLSearchParams(request.body) : new URL(request.url).searchParams;
    const values = sent.getAll(gap.name);
    if (values.length === 0) {
      if (gap.required) problems.push(`${gap.in} ${gap.name}: required, not sent`);
      continue;
    }
    if (values.length > 1) {
      problems.push(`${gap.in} ${gap.name}: sent ${values.length} times, a ${gap.style} value is one`);
      continue;
    }
    const value = deserializeDelimited(values[0]!, gap, doc);
    const validate = schemaValidator(gap.schema, doc, true);
    if (validate && !validate(value))
      problems.push(
        `${gap.in} ${gap.name} (${gap.style}) ${JSON.stringify(value)}: ${validate.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
      );
  }
  return problems;
}
