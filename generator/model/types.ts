/**
 * The model: everything the emitters need, as plain data, and the only thing they read. Variants are tagged on
 * `kind`, so an emitter is a `switch` with no fallbacks; names are decided here, once. Nothing downstream of the
 * model reads the raw spec, except the types emitter, which hands `typesDocument` to openapi-typescript.
 *
 * This module imports no configuration and no runtime types: the provider config is read into these types by
 * `build-model.ts`, and a unit test checks that a verified pagination is a declaration the runtime accepts.
 */
import type { HttpMethod } from '../http-methods.js';
import type { OpenAPIDocument } from '../load/types.js';

export type { HttpMethod };

// Pagination: declared (by the provider config or a spec extension), then verified against the spec.

interface CursorPaging {
  /** Relay-style: items plus a page-info object with flags and cursors. Fields below are paths inside `pageInfo`. */
  style: 'cursor';
  items: string;
  pageInfo: string;
  hasNextPage: string;
  hasPreviousPage?: string;
  endCursor: string;
  startCursor?: string;
  afterParam: string;
  beforeParam?: string;
  firstParam?: string;
  lastParam?: string;
}

interface HasMorePaging {
  style: 'has_more';
  items: string;
  hasMore: string;
  idField: string;
  startingAfterParam: string;
  endingBeforeParam?: string;
}

interface PageNumberPaging {
  style: 'page_number';
  items?: string;
  pageParam: string;
  sizeParam: string;
  defaultSize: number;
  firstPage: number;
}

interface OffsetPaging {
  style: 'offset';
  items?: string;
  offsetParam: string;
  limitParam: string;
  defaultLimit: number;
  total?: string;
}

interface NextCursorPaging {
  style: 'next_cursor';
  items?: string;
  nextCursor: string;
  cursorParam: string;
}

interface LinkHeaderPaging {
  style: 'link_header';
  items?: string;
}

/**
 * How one list operation pages, every name checked against the spec and every number filled in. Field names are
 * dot paths into the JSON body, params are wire names. Emitted as the runtime's `PaginationSpec`.
 */
export type VerifiedPagination =
  CursorPaging | HasMorePaging | PageNumberPaging | OffsetPaging | NextCursorPaging | LinkHeaderPaging;

export type PaginationStyle = VerifiedPagination['style'];

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** Pagination as stated, before verification: the numbers a spec default can supply may be left out. */
export type PaginationDeclaration = { operation: string } & (
  | CursorPaging
  | HasMorePaging
  | Optional<PageNumberPaging, 'defaultSize' | 'firstPage'>
  | Optional<OffsetPaging, 'defaultLimit'>
  | NextCursorPaging
  | LinkHeaderPaging
);

// Types the generated code refers to.

/** A type in generated code: one models.ts exports (and a file using it imports), or a TypeScript built-in. */
export type TypeRef = { kind: 'model'; name: string } | { kind: 'builtin'; text: string };

// Parameters, bodies, responses, calls.

interface ParamBase {
  /** The name on the wire, untouched. */
  wireName: string;
  required: boolean;
  description?: string;
  /** An example value from the spec, for documentation. */
  example?: unknown;
  /** JSON pointer of the parameter in the merged document. */
  pointer: string;
}

/**
 * How a query/header/cookie parameter or a form field is written (OpenAPI `style`, `explode`, `allowReserved`,
 * `content`); mirrors the runtime's `Serialization` (internal/styles.ts), checked by a unit test. Absent when the
 * plain writers suffice.
 */
export interface SerializationModel {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple';
  explode?: boolean;
  allowReserved?: boolean;
  /** A `content`-encoded parameter or a field with a JSON `encoding.contentType`: sent as JSON text. */
  json?: boolean;
  /** Arrays inside a deepObject: `a[]=x` or `a[0]=x` (from the provider's queryFormat). */
  arrays?: 'brackets' | 'indices';
}

/** A path parameter's `simple`, `label` or `matrix` style; mirrors the runtime's `PathSerialization`. */
export interface PathSerializationModel {
  style: 'simple' | 'label' | 'matrix';
  explode?: boolean;
}

/** A multipart field's part encoding: the declared content type of a file part; mirrors the runtime's `PartEncoding`. */
export interface PartEncodingModel {
  contentType: string;
}

/**
 * A path parameter. The last one is a positional argument of the method; the others are required fields of the
 * params object (`client.users.checkAccess(resourceId, { id })`), as in Stainless SDKs.
 */
export interface PathParamModel extends ParamBase {
  in: 'path';
  /** A legal identifier for the argument. */
  argName: string;
  positional: boolean;
  serialization?: PathSerializationModel;
}

/** A query, header or cookie parameter: a property of the params object, by wire name. */
export interface OptionParamModel extends ParamBase {
  in: 'query' | 'header' | 'cookie';
  serialization?: SerializationModel;
}

export type ParamModel = PathParamModel | OptionParamModel;
export type ParamLocation = ParamModel['in'];

export type BodyEncoding = 'json' | 'multipart' | 'form' | 'text' | 'binary';

export type BodyModel =
  | {
      /** A plain object whose writable properties are spread into the params object (no name clash). */
      kind: 'flattened';
      encoding: 'json' | 'multipart' | 'form';
      contentType: string;
      required: boolean;
      /** Wire names of the flattened properties. */
      properties: string[];
      /** Per field, as the Encoding Object says: a form field's serialization, a multipart file part's type. */
      fieldEncodings?: Record<string, SerializationModel | PartEncodingModel>;
    }
  | {
      /** Passed whole, as the `body` argument. */
      kind: 'whole';
      encoding: BodyEncoding;
      contentType: string;
      required: boolean;
      type: TypeRef;
    }
  | {
      /**
       * Passed whole, as the params object's `body` field: an alternative form whose main form spreads its fields
       * into the params object, so every form of the method takes the same arguments.
       */
      kind: 'field';
      encoding: BodyEncoding;
      contentType: string;
      required: boolean;
      type: TypeRef;
    };

/**
 * Another request media type of an operation than its main one, chosen per call with the `contentType` request
 * option. It takes the same arguments as the main form (so options are always the last one): a body spread into the
 * params object when the main form's is, else the body argument, whole.
 */
export interface RequestFormModel {
  body: BodyModel;
  /** The params type of this form: the operation's parameters plus its own body fields. */
  params?: ParamsModel;
}

/** A media type the success response can be asked for with the `accept` request option, and what it returns. */
export interface ResponseFormModel {
  mediaType: string;
  response: ResponseModel;
}

/** The params object of a method: its exported type, and whether a caller must pass it. */
export interface ParamsModel {
  typeName: string;
  required: boolean;
}

/** What the runtime hands back for the success response (it decodes by the actual Content-Type). */
export type ResponseModel =
  | { kind: 'none' }
  /** JSON; a wildcard media type (`*\/*`) can be anything and is a built-in `unknown`. */
  | { kind: 'json'; type: TypeRef }
  | { kind: 'text' }
  | { kind: 'binary' }
  /**
   * `text/event-stream` or NDJSON, read item by item: a `Stream` of events (sse) or values (ndjson). `json`: each
   * item is JSON of `item`'s type; otherwise an event's data is a string.
   */
  | { kind: 'stream'; format: 'sse' | 'ndjson'; item: TypeRef; json: boolean };

/** The runtime module and factory of one pagination style, read from `templates/runtime/internal/pages/`. */
export interface PageStyleModule {
  /** Path inside the copied runtime, e.g. `internal/pages/cursor.js`. */
  module: string;
  factory: string;
}

export type CallModel =
  | { kind: 'request'; response: ResponseModel }
  | {
      /** A list: awaitable to its first page, async-iterable over every item. */
      kind: 'paginated';
      pagination: VerifiedPagination;
      pageStyle: PageStyleModule;
      /** Exported type of one item. */
      itemTypeName: string;
      /** Exported type of the whole page body. */
      pageTypeName: string;
    };

export interface OperationModel {
  operationId: string;
  /** JSON pointer of the operation in the merged document. */
  pointer: string;
  method: HttpMethod;
  /** The Paths Object key as the document writes it (a `#fragment` included). */
  path: string;
  /** What is sent: the template without any `#fragment`, then the key's literal `?query` if it has one. */
  urlPath: string;
  /** The request body's media types, the one the method sends first (JSON when there is one). */
  requestMediaTypes: string[];
  /** The success response's media types, the one the return type describes first. */
  responseMediaTypes: string[];
  /** Sent as `Accept`: the media type the return type describes. */
  accept: string;
  /** Which source file the operation came from (for messages and provenance). */
  source: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Method name on the resource: list, retrieve, create, update, delete or a camelCase verb. */
  methodName: string;
  /**
   * The standalone function (`resolutionCenterCasesRetrieve`): the resource's path and the method, unique in the
   * package, and distinct from every runtime export a function file imports.
   */
  functionName: string;
  /** Its module under `src/funcs/`, without extension, kebab-case (`resolution-center-cases-retrieve`). */
  functionFile: string;
  /** In the order they appear in the path. */
  pathParams: PathParamModel[];
  /** Query, header and cookie params, minus any that the security schemes already send. */
  optionParams: OptionParamModel[];
  body?: BodyModel;
  /** Present when the method takes a params object (option params, or a flattened body). */
  params?: ParamsModel;
  /** The request media types after the main one (`body`), in `requestMediaTypes` order. */
  requestForms: RequestFormModel[];
  /**
   * Every success media type a caller may ask for, the main one (`accept`) first; empty when there is only one
   * choice or the call is a list (pages are JSON).
   */
  responseForms: ResponseFormModel[];
  call: CallModel;
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
  /** The path from the client, dotted (`affiliates.overrides`): `client.<accessor>.<method>()`. */
  accessor: string;
  /** Sub-resources (`/affiliates/{id}/overrides` -> `affiliates.overrides`), mounted as properties of this one. */
  children: ResourceModel[];
}

/** How a credential is sent. oauth2 and openIdConnect end in a bearer token too. */
export type SecuritySchemeModel =
  | { kind: 'bearer' }
  | { kind: 'basic' }
  | { kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

/** A named type the types emitter must export; `schemaKey` is what openapi-typescript will type. */
export interface NamedTypeModel {
  name: string;
  /** Component schema name in the normalized document (`components.schemas[key]`). */
  schemaKey: string;
  description?: string;
  /** True for types the model synthesized (params, inline responses). */
  synthesized: boolean;
}

export interface EnumModel {
  /**
   * `named`: a component schema whose named type already exists (only the values array is new); `inline`: an enum
   * nested in a schema, exported as its own union type.
   */
  kind: 'named' | 'inline';
  /** Exported type name of the union. */
  typeName: string;
  /** Exported const name of the runtime array of values. */
  valuesName: string;
  values: (string | number | boolean | null)[];
  /** A request-side copy (`request-enums.ts`): closed whatever the enum style. */
  closed: boolean;
  description?: string;
  pointer: string;
}

/** The runtime's error classes, re-exported by `errors.ts`; typed by the spec's error body when it has one. */
export type ErrorsModel =
  | { kind: 'typed'; bodyTypeName: string; httpClasses: string[]; otherClasses: string[]; baseName: string }
  | { kind: 'untyped'; httpClasses: string[]; otherClasses: string[]; baseName: string };

/** The client class and its transport settings (provider config, defaults applied). */
export interface ClientModel {
  className: string;
  /** The core client (`<className>Core`): configuration and transport, no resources; what functions take. */
  coreClassName: string;
  /** Sent in the User-Agent; the package version. */
  version: string;
  /** Prefix of the environment variables the client reads (`<PREFIX>_BASE_URL`). */
  envPrefix: string;
  credential: { option: string; env: string; description: string };
  queryFormat: { arrays: 'brackets' | 'repeat' | 'comma' | 'indices' };
  /** Where the error body keeps its message. */
  errorMessagePaths: string[][];
}

/** What package.json and the README say about the package. */
export interface PackageModel {
  name: string;
  version: string;
  description: string;
  license: string;
  /** Who the LICENSE names; defaults to the author, then to the package's authors. */
  licenseHolder: string;
  /** The TypeScript version the package builds with and the Node.js range it claims. */
  toolchain: { typescript: string; node: string };
  repository?: { type: 'git'; url: string };
  homepage?: string;
  bugs?: string;
  author?: string;
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

export interface InferredPagination {
  operationId: string;
  style: PaginationStyle;
  pointer: string;
}

export interface ApiModel {
  title: string;
  version: string;
  description?: string;
  defaultBaseURL: string;
  client: ClientModel;
  package: PackageModel;
  /** Open enums accept values the spec does not list yet, so a new server value never breaks a client. */
  enumStyle: 'open' | 'closed';
  securitySchemes: Record<string, SecuritySchemeModel>;
  resources: ResourceModel[];
  types: NamedTypeModel[];
  enums: EnumModel[];
  errors: ErrorsModel;
  /** Lists whose pagination was inferred (not declared) and applied: the generate summary names them. */
  inferredPagination: InferredPagination[];
  /** The document's own security (OR of AND lists of scheme names): what `client.get(path)` and friends send. */
  defaultSecurity: string[][];
  /** The events of a 3.1 document's `webhooks`, which `client.webhooks.unwrap()` verifies and returns. */
  webhooks?: WebhooksModel;
  /** The document with synthesized component schemas, ready for openapi-typescript. */
  typesDocument: OpenAPIDocument;
  warnings: Warning[];
}

/** What the model needs to know of the runtime core, read from its source by `runtime-names.ts`. */
export interface RuntimeSurface {
  /** Names the public runtime modules export, plus globals generated code relies on. */
  reservedTypeNames: string[];
  /** Names the private runtime modules (`internal/`) export. */
  internalNames: string[];
  /** Members of BaseClient and APIResource, and of every object: a client property must not shadow them. */
  clientMembers: string[];
  /** Members of APIResource and of every object: a method or sub-resource must not shadow them. */
  resourceMembers: string[];
  /** Exported error classes in declaration order: APIError and its subclasses (`http`), and the others. */
  errorClasses: { http: string[]; other: string[] };
  /** The module and factory of each pagination style, by style name. */
  pageStyles: Record<string, PageStyleModule>;
}
