import {
  astToString,
  NULL,
  resolveRef,
  scanDiscriminators,
  STRING,
  transformSchema,
  tsIntersection,
  tsLiteral,
  tsUnion,
  type GlobalContext,
  type OpenAPI3,
  type OpenAPITSOptions,
  type SchemaObject,
} from 'openapi-typescript';
import ts from 'typescript';
import { CLOSED_ENUM } from '../../model/request-enums.js';
import type { ApiModel, EnumModel } from '../../model/types.js';
import { blockComment, jsonValue, stringLiteral } from '../escape.js';

/**
 * Emits `models.ts`: the schema types from openapi-typescript, one exported alias per named type, and every enum
 * as a union type plus a runtime array of its values.
 */
export async function emitModels(model: ApiModel): Promise<string> {
  const open = model.enumStyle === 'open';
  let uploads = false;
  const nodes = transformDocument(withSafeAnnotations(model.typesDocument) as OpenAPI3, (schema) => {
    const file = binary(schema);
    uploads ||= file !== undefined;
    return (
      file ??
      (open && (schema as Record<string, unknown>)[CLOSED_ENUM] !== true ? openEnum(schema) : undefined)
    );
  });
  const components = nodes.filter(
    (node) => ts.isInterfaceDeclaration(node) && node.name.text === 'components',
  );
  const componentsText = astToString(components);
  const parts = [componentsText, ...helperTypes(nodes, componentsText)];
  if (uploads) parts.unshift(`import type { Uploadable } from './core/uploads.js';`);
  for (const type of model.types) {
    parts.push(
      `${docComment(type.description)}export type ${type.name} = components['schemas'][${stringLiteral(type.schemaKey)}];`,
    );
  }
  for (const enumModel of model.enums) {
    if (enumModel.kind === 'inline')
      parts.push(
        `${docComment(enumModel.description)}export type ${enumModel.typeName} = ${unionText(enumModel, open)};`,
      );
    // Names in backticks, not `{@link}`: tsc skips the JSDoc of .ts files unless it holds a link or `@see` tag,
    // and parsing and resolving one per enum cost GitHub's package 0.14 s of CPU and 10 MB (3,424 consts).
    parts.push(
      `/** Every value of \`${enumModel.typeName}\` the spec lists. */\nexport const ${enumModel.valuesName} = ${jsonValue(enumModel.values)} as const;`,
    );
  }
  return parts.join('\n\n') + '\n';
}

/** Schema keywords openapi-typescript writes into JSDoc as text (`lib/ts.ts`, addJSDocComment). */
const TEXT_ANNOTATIONS = ['title', 'summary', 'description', 'format'];
/** Keywords whose values are data, printed (if at all) as JSON. */
const DATA = ['example', 'examples', 'default', 'enum', 'const'];
/** Keywords whose keys are names (a property called `title` is a schema, not an annotation). */
const NAME_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas'];

/**
 * A copy of the document in which every annotation openapi-typescript prints as comment text has been through the
 * block-comment sink, and one that is not a string (it would call `.trim()` on it) is dropped. Values it prints
 * as JSON (`default`, `example`) keep their data: its printer escapes `*\/` in them.
 */
function withSafeAnnotations(document: Record<string, any>): Record<string, any> {
  const copy = (node: unknown, depth: number, names: boolean): unknown => {
    if (!node || typeof node !== 'object' || depth > 512) return node;
    if (Array.isArray(node)) return node.map((child) => copy(child, depth + 1, false));
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (!names && TEXT_ANNOTATIONS.includes(key)) {
        if (typeof value === 'string') result[key] = blockComment(value);
        continue;
      }
      const kept =
        !names && DATA.includes(key) ? value : copy(value, depth + 1, !names && NAME_MAPS.includes(key));
      // Defined, not assigned: a property named `__proto__` is a key like any other.
      Object.defineProperty(result, key, {
        value: kept,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  };
  return copy(document, 0, false) as Record<string, any>;
}

/**
 * openapi-typescript's own transform with the context `openapiTS()` builds, minus its validate-and-bundle pass: the
 * load stage has already bundled and checked this document, and a second pass costs seconds on big specs. The
 * context mirrors openapi-typescript 7.13 (pinned).
 */
function transformDocument(
  document: OpenAPI3,
  transform: NonNullable<OpenAPITSOptions['transform']>,
): ts.Node[] {
  const options: OpenAPITSOptions = {
    alphabetize: false,
    defaultNonNullable: false,
    exportType: false,
    silent: true,
    transform,
  };
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: false,
    discriminators: scanDiscriminators(document, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    silent: true,
    inject: undefined,
    transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref: string) => resolveRef(document, $ref, { silent: true }),
  } as unknown as GlobalContext;
  return transformSchema(document, ctx);
}

/** The declarations openapi-typescript adds next to `components` for itself, not for the schemas it types. */
const OWN_DECLARATIONS = new Set(['paths', 'webhooks', 'components', '$defs', 'operations']);

/**
 * The helper types openapi-typescript's output refers to (`WithRequired<T, K>` for an `allOf` member that adds
 * `required`; `$Read`/`$Write`, `ReadonlyArray`, `FlattenedDeepRequired` under options this generator leaves off),
 * taken from the declarations it emits itself, so their definitions always match what it references. Kept only
 * when `components` uses them, and not exported: they are implementation, not part of the package's surface.
 */
function helperTypes(nodes: ts.Node[], componentsText: string): string[] {
  return nodes
    .filter(
      (node): node is ts.TypeAliasDeclaration =>
        ts.isTypeAliasDeclaration(node) && !OWN_DECLARATIONS.has(node.name.text),
    )
    .filter((node) => new RegExp(`(^|[^\\w$])${node.name.text.replaceAll('$', '\\$')}<`).test(componentsText))
    .map(
      (node) =>
        `/** A helper type of openapi-typescript's output. */\n${astToString([node])
          .trim()
          .replace(/^export /, '')}`,
    );
}

/**
 * `format: binary` (or a 3.1 `contentMediaType` without `contentEncoding`) is file content: any value the runtime
 * can upload (`Uploadable`, templates/runtime/uploads.ts: Blob, File, bytes, streams, a Response), not a string.
 */
function binary(schema: SchemaObject): ts.TypeNode | undefined {
  const { type, format, contentMediaType, contentEncoding } = schema as {
    type?: unknown;
    format?: unknown;
    contentMediaType?: unknown;
    contentEncoding?: unknown;
  };
  const file =
    format === 'binary' ||
    (typeof contentMediaType === 'string' &&
      contentEncoding === undefined &&
      !/^(text\/|application\/(json|xml))/.test(contentMediaType));
  if (!file || !(type === undefined || type === 'string')) return undefined;
  return ts.factory.createTypeReferenceNode('Uploadable');
}

function openEnum(schema: SchemaObject): ts.TypeNode | undefined {
  const values = (schema as any).enum;
  // A one-value enum is a tag (a `const`, a discriminator value): opening it would stop unions from narrowing.
  if (!Array.isArray(values) || values.length < 2) return undefined;
  const strings = values.every((v) => typeof v === 'string' || v === null);
  if (!strings) return undefined;
  const type = (schema as any).type;
  const nullable =
    (schema as any).nullable === true ||
    (Array.isArray(type) && type.includes('null')) ||
    values.includes(null);
  const members = values.filter((v) => v !== null).map((v) => tsLiteral(v));
  members.push(tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]));
  if (nullable) members.push(NULL);
  return tsUnion(members);
}

function unionText(enumModel: EnumModel, openEnums: boolean): string {
  const literals = enumModel.values.map((v) => jsonValue(v));
  const open =
    openEnums &&
    !enumModel.closed &&
    enumModel.values.length > 1 &&
    enumModel.values.every((v) => typeof v === 'string' || v === null);
  return [...literals, ...(open ? ['(string & {})'] : [])].join(' | ') || 'never';
}

export function docComment(text: string | undefined): string {
  if (!text?.trim()) return '';
  const lines = blockComment(text.trim()).split('\n');
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}
