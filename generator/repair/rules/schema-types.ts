import { lookupPointer } from '../../json-pointer.js';
import type { OpenAPIDocument } from '../../load/types.js';
import { ruleOf } from '../rule.js';
import { forEachSchema } from '../schemas.js';
import type { Finding } from '../types.js';

const TYPES_3_0 = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean']);
const TYPES_3_1 = new Set([...TYPES_3_0, 'null']);

const is30 = (document: OpenAPIDocument) =>
  typeof document.openapi === 'string' && document.openapi.startsWith('3.0');
const typesOf = (schema: Record<string, any>): unknown[] =>
  Array.isArray(schema.type) ? schema.type : [schema.type];

/** Schemas whose `type` satisfies `test`, each turned into a finding by `make`. */
function findTypes(
  document: OpenAPIDocument,
  test: (type: unknown[]) => boolean,
  make: (
    schema: Record<string, any>,
    at: string,
  ) => Omit<Finding, 'apply'> & { fix: (schema: Record<string, any>) => void },
): Finding[] {
  const findings: Finding[] = [];
  forEachSchema(document, (schema, pointerOf) => {
    if (schema.type === undefined || !test(typesOf(schema))) return;
    const at = pointerOf();
    const { fix, ...note } = make(schema, at);
    findings.push({ ...note, apply: (copy) => fix(lookupPointer(copy, at)) });
  });
  return findings;
}

/**
 * `type: 'null'` (or `[string, 'null']`) in a 3.0 document, where `null` is not a type and `nullable` says it
 * (OpenAPI 3.0.3 §4.7.24). The 3.1 spelling is what the author meant; it becomes `nullable: true`.
 */
export const nullTypeIn30 = ruleOf((document) => {
  if (!is30(document)) return [];
  return findTypes(
    document,
    (types) => types.includes('null'),
    (schema, at) => {
      const rest = typesOf(schema).filter((t) => t !== 'null');
      return {
        rule: 'null-type-in-3-0',
        pointer: `${at}/type`,
        problem: `type ${JSON.stringify(schema.type)} uses the 3.1 null type in an OpenAPI 3.0 document`,
        repair: rest.length
          ? `read as type ${JSON.stringify(rest.length === 1 ? rest[0] : rest)} with nullable: true`
          : 'read as the value null (nullable: true, enum: [null])',
        fix(target) {
          if (rest.length) target.type = rest.length === 1 ? rest[0] : rest;
          else {
            delete target.type;
            target.enum = [null];
          }
          target.nullable = true;
        },
      };
    },
  );
});

/** `type: file`, Swagger 2.0's file upload, left in a converted document: in OpenAPI 3 it is a binary string. */
export const swaggerFileType = ruleOf((document) =>
  findTypes(
    document,
    (types) => types.includes('file'),
    (_schema, at) => ({
      rule: 'swagger-file-type',
      pointer: `${at}/type`,
      problem: 'type "file" is Swagger 2.0, not OpenAPI 3',
      repair: 'read as type "string", format "binary" (file content)',
      fix(target) {
        const replaced = [...new Set(typesOf(target).map((t) => (t === 'file' ? 'string' : t)))];
        target.type = replaced.length === 1 ? replaced[0] : replaced;
        target.format = 'binary';
      },
    }),
  ),
);

/**
 * A `type` outside the standard set (JSON Schema §6.1.1; `null` only from 3.1 on): nothing can be known about such
 * values, so the unknown entries are dropped, and a schema left with no type at all accepts anything (`unknown`).
 */
export const unknownType = ruleOf((document) => {
  const known = is30(document) ? TYPES_3_0 : TYPES_3_1;
  return findTypes(
    document,
    (types) => types.some((t) => typeof t !== 'string' || !known.has(t)),
    (schema, at) => {
      const rest = typesOf(schema).filter((t) => typeof t === 'string' && known.has(t));
      return {
        rule: 'unknown-type',
        pointer: `${at}/type`,
        problem: `type ${JSON.stringify(schema.type)} is not a JSON Schema type`,
        repair: rest.length
          ? `kept only ${JSON.stringify(rest.length === 1 ? rest[0] : rest)}`
          : 'dropped the type: the value is typed unknown',
        fix(target) {
          if (rest.length) target.type = rest.length === 1 ? rest[0] : rest;
          else delete target.type;
        },
      };
    },
  );
});
