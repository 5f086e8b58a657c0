/** An OpenAPI 3.0 or 3.1 document, as parsed JSON. Deliberately loose: the model narrows what it reads. */
export type OpenAPIDocument = Record<string, any>;

export interface BundledDocument {
  /** Path as given to the user (relative to the working directory when possible). */
  file: string;
  document: OpenAPIDocument;
  /** `3.0` or `3.1`. */
  version: '3.0' | '3.1';
}

export interface LoadWarning {
  file: string;
  pointer: string;
  message: string;
}
