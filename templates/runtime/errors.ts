// Every error the SDK throws extends SDKError, so `catch (e) { if (e instanceof Acme.SDKError) ... }` is enough.
// Errors never hold request headers, and every message/body they hold has had the credential scrubbed out
// before construction (the stack is captured from the message, so scrubbing later would be too late).

export class SDKError extends Error {
  override name = 'SDKError';
}

/** The API answered with a non-2xx status. `error` is the parsed (scrubbed) response body. */
export class APIError<TBody = unknown> extends SDKError {
  override name = 'APIError';
  readonly status: number;
  /** Response headers (request headers are never kept). */
  readonly headers: Headers;
  readonly error: TBody;
  readonly requestID: string | undefined;
  /** Bytes in the response body as received; past 64 KB, `error` holds only the start of it, as text. */
  readonly bodyLength: number;

  constructor(
    status: number,
    error: TBody,
    message: string,
    headers: Headers,
    requestID: string | undefined,
    bodyLength = 0,
  ) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.requestID = requestID;
    this.bodyLength = bodyLength;
  }
}

export class BadRequestError<T = unknown> extends APIError<T> {
  override name = 'BadRequestError';
}
export class AuthenticationError<T = unknown> extends APIError<T> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError<T = unknown> extends APIError<T> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError<T = unknown> extends APIError<T> {
  override name = 'NotFoundError';
}
export class ConflictError<T = unknown> extends APIError<T> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError<T = unknown> extends APIError<T> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError<T = unknown> extends APIError<T> {
  override name = 'RateLimitError';
}
export class InternalServerError<T = unknown> extends APIError<T> {
  override name = 'InternalServerError';
}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Picks the most specific APIError subclass for a status. */
export function makeAPIError(
  status: number,
  body: unknown,
  message: string,
  headers: Headers,
  requestID: string | undefined,
  bodyLength: number,
): APIError {
  const ErrorClass = byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(status, body, message, headers, requestID, bodyLength);
}

/** No response was received (DNS, refused or reset connection...). Retried before being thrown. */
export class APIConnectionError extends SDKError {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt exceeded `timeout` ms. Retried before being thrown. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(message = 'Request timed out.') {
    super(message);
  }
}

/** The caller's `signal` aborted the request. Never retried. */
export class APIUserAbortError extends SDKError {
  override name = 'APIUserAbortError';
  constructor(message = 'Request was aborted.') {
    super(message);
  }
}

/** A 2xx response whose body could not be decoded (e.g. malformed JSON). Not retried. */
export class InvalidResponseError extends SDKError {
  override name = 'InvalidResponseError';
  readonly status: number;
  readonly headers: Headers;
  /** The start of the raw body, scrubbed, for debugging. */
  readonly bodySnippet: string;

  constructor(message: string, status: number, headers: Headers, bodySnippet: string) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.bodySnippet = bodySnippet;
  }
}

/** The server's pagination data is inconsistent (repeated cursor, empty page claiming more, foreign next URL). */
export class PaginationError extends SDKError {
  override name = 'PaginationError';
}

/** An operation needs a credential and neither the client option nor the environment variable provides one. */
export class MissingCredentialError extends SDKError {
  override name = 'MissingCredentialError';
}
