// Every error the SDK throws extends SDKError, so `catch (e) { if (e instanceof Acme.SDKError) ... }` is enough.
// Errors never hold request headers, and every message/body they hold has had the credential scrubbed out
// before construction (the stack is captured from the message, so scrubbing later would be too late).

export class SDKError extends Error {
  override name = 'SDKError';
}

/**
 * A request failed: the API answered with a non-2xx status, or (APIConnectionError) no answer came at all, in
 * which case `status` and `headers` are undefined. `error` is the parsed (scrubbed) response body.
 */
export class APIError<TBody = unknown> extends SDKError {
  override name = 'APIError';
  readonly status: number | undefined;
  /** Response headers (request headers are never kept). */
  readonly headers: Headers | undefined;
  readonly error: TBody;
  readonly requestID: string | undefined;
  /** Bytes in the response body as received; past 64 KB, `error` holds only the start of it, as text. */
  readonly bodyLength: number;

  constructor(
    status: number | undefined,
    error: TBody,
    message: string,
    headers: Headers | undefined,
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

/** Base of the errors of one status class: the API answered, so status and headers are always there. */
export class APIStatusError<T = unknown> extends APIError<T> {
  override name = 'APIStatusError';
  declare readonly status: number;
  declare readonly headers: Headers;
}

export class BadRequestError<T = unknown> extends APIStatusError<T> {
  override name = 'BadRequestError';
}
export class AuthenticationError<T = unknown> extends APIStatusError<T> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError<T = unknown> extends APIStatusError<T> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError<T = unknown> extends APIStatusError<T> {
  override name = 'NotFoundError';
}
export class ConflictError<T = unknown> extends APIStatusError<T> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError<T = unknown> extends APIStatusError<T> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError<T = unknown> extends APIStatusError<T> {
  override name = 'RateLimitError';
}
export class InternalServerError<T = unknown> extends APIStatusError<T> {
  override name = 'InternalServerError';
}

const byStatus: Record<number, typeof APIStatusError> = {
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

/**
 * No response was received (DNS, refused or reset connection...). Retried before being thrown. An APIError, as
 * users of other SDKs expect (`catch (e) { if (e instanceof APIError) ... }` catches it), with no status.
 */
export class APIConnectionError extends APIError<undefined> {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(undefined, undefined, message, undefined, undefined);
    if (options?.cause !== undefined) this.cause = options.cause;
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
