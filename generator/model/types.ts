/**
 * The model: everything the emitters need, as plain data. Nothing downstream of the model reads the raw spec,
 * except the types emitter, which hands the (normalized) document to openapi-typescript.
 */
import type { PaginationSpec } from '../../templates/runtime/pagination.js';
import type { OpenAPIDocument } from '../load/types.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** Pagination as the provider config declares it (or a spec extension implies it), before verification. */
export type PaginationDeclaration = { operation: string } & PaginationModel;

/**
 * How one list operation pages: the runtime's own declaration type, so the generator can only emit declarations the
 * runtime understands. Field names are dot paths into the JSON body, params are wire names.
 */
export type PaginationModel = PaginationSpec;

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParamModel {
  /** The name on the wire, untouched. */
  wireName: string;
  /** A legal identifier for a positional argument (path params only). */
  argName: string;
  /**
   * Path params only: the last one is a positional argument, the others are required fields of the params object
   * (`client.users.checkAccess(resourceId, { id })`), as in Stainless SDKs.
   */
  positional?: boolean;
  in: ParamLocation;
  required: boolean;
  description?: string;
  /** An example value from the spec, for documentation. */
  example?: unknown;
  /** JSON pointer of the parameter in the merged document. */
  pointer: string;
}

export type BodyType = 'json' | 'multipart' | 'form' | 'text' | 'binary';

export interface BodyModel {
  type: BodyType;
  contentType: string;
  required: boolean;
  /** Body properties are flattened into the params object when the body is a plain object with no name clash. */
  flattened: boolean;
  /** Wire names of the flattened properties. */
  properties: string[];
  /** TypeScript type of a body passed whole (not flattened): a model type name or a built-in type. */
  typeExpression?: string;
  /** Set when `typeExpression` is a type exported by models.ts (and so must be imported). */
  modelTypeName?: string;
}

export interface OperationModel {
  operationId: string;
  /** JSON pointer of the operation in the merged document. */
  pointer: string;
  method: HttpMethod;
  path: string;
  /** Which source file the operation came from (for messages and provenance). */
  source: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Method name on the resource: list, retrieve, create, update, delete or a camelCase verb. */
  methodName: string;
  pathParams: ParamModel[];
  /** Query, header and cookie params, minus any that the security schemes already send. */
  optionParams: ParamModel[];
  body?: BodyModel;
  /** Name of the exported params type, when the method takes a params object. */
  paramsTypeName?: string;
  paramsRequired: boolean;
  /** Name of the exported response type (a schema name or a synthesized one); undefined for no content. */
  responseTypeName?: string;
  responseKind: 'json' | 'text' | 'binary' | 'none';
  /** Name of the exported type of the items, for paginated operations. */
  itemTypeName?: string;
  pagination?: PaginationModel;
  /** OR of AND lists of security scheme names; [] means no auth. */
  security: string[][];
  /** Error status codes documented with a JSON body. */
  errorStatuses: string[];
  codeSamples: { lang: string; source: string }[];
}

export interface ResourceModel {
  /** Property name on the client, camelCase. */
  propertyName: string;
  /** Class name, PascalCase. */
  className: string;
  /** File name without extension, kebab-case. */
  fileName: string;
  /** Singular PascalCase stem for type names (`ResolutionCenterCase`). */
  singular: string;
  description?: string;
  operations: OperationModel[];
  /** Sub-resources (`/affiliates/{id}/overrides` -> `affiliates.overrides`), mounted as properties of this one. */
  children: ResourceModel[];
}

export type SecuritySchemeModel =
  | { type: 'http'; scheme: 'bearer' }
  | { type: 'http'; scheme: 'basic' }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

/** A named type the types emitter must export; `schema` is what openapi-typescript will type. */
export interface NamedTypeModel {
  name: string;
  /** Component schema name in the normalized document (`components.schemas[key]`). */
  schemaKey: string;
  description?: string;
  /** True for types the model synthesized (params, inline responses). */
  synthesized: boolean;
}

export interface EnumModel {
  /** Exported type name of the union. */
  typeName: string;
  /** Exported const name of the runtime array of values. */
  valuesName: string;
  values: (string | number | boolean | null)[];
  /** False when the enum is a component schema whose named type already exists; true when nested inline. */
  inline: boolean;
  /** A request-side copy: closed whatever the provider's enum style (`request-enums.ts`). */
  closed?: boolean;
  description?: string;
  pointer: string;
}

export interface Warning {
  pointer: string;
  message: string;
}

export interface WebhooksModel {
  /** Exported union of every event body. */
  unionTypeName: string;
  events: { name: string; typeName: string }[];
}

/** A list whose pagination was inferred (not declared) and applied: the generate summary lists them. */
export interface InferredPagination {
  operationId: string;
  style: PaginationModel['style'];
  pointer: string;
}

export interface ApiModel {
  title: string;
  version: string;
  description?: string;
  defaultBaseURL: string;
  securitySchemes: Record<string, SecuritySchemeModel>;
  resources: ResourceModel[];
  types: NamedTypeModel[];
  enums: EnumModel[];
  inferredPagination: InferredPagination[];
  /** The document's own security (OR of AND lists of scheme names): what `client.get(path)` and friends send. */
  defaultSecurity: string[][];
  /** The events of a 3.1 document's `webhooks`, which `client.webhooks.unwrap()` verifies and returns. */
  webhooks?: WebhooksModel;
  /** Name of the exported error-body type, if the spec documents one. */
  errorTypeName?: string;
  /** The document with synthesized component schemas, ready for openapi-typescript. */
  typesDocument: OpenAPIDocument;
  warnings: Warning[];
}
