/** The request id the server gave a response, from the first of the configured headers that is set. */
export function requestIdOf(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/**
 * Makes the request id reachable from the data itself (`(await client.x.retrieve(id))._request_id`), as a
 * non-enumerable property: it never shows up in JSON.stringify, spreads or equality checks of the data.
 */
export function withRequestId<T>(data: T, requestId: string | undefined): T {
  if (requestId !== undefined && typeof data === 'object' && data !== null && Object.isExtensible(data)) {
    Object.defineProperty(data, '_request_id', { value: requestId, enumerable: false, configurable: true });
  }
  return data;
}
