/**
 * A key of the Paths Object split into what the URL carries: the template before any `?` or `#`, a literal query
 * some documents write into the key (`/responses?beta=true`), and a `#fragment` some use to tell apart two
 * operations on one path (`/files/{file_id}#get_shared_link`). A fragment never reaches the server, and the literal
 * query is merged with the query the call adds.
 */
export interface PathKey {
  template: string;
  /** Without the `?`; empty when the key has none. */
  query: string;
  /** Without the `#`; empty when the key has none. */
  fragment: string;
}

export function splitPathKey(key: string): PathKey {
  const hash = key.indexOf('#');
  const beforeHash = hash === -1 ? key : key.slice(0, hash);
  const fragment = hash === -1 ? '' : key.slice(hash + 1);
  const question = beforeHash.indexOf('?');
  return {
    template: question === -1 ? beforeHash : beforeHash.slice(0, question),
    query: question === -1 ? '' : beforeHash.slice(question + 1),
    fragment,
  };
}

/** The path a request is sent to: the template, then the literal query (if any). */
export function requestPath(key: PathKey): string {
  return key.query === '' ? key.template : `${key.template}?${key.query}`;
}
