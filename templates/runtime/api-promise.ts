/**
 * The result of every non-paginated call. The request is sent EAGERLY, when the method is called (like any
 * Promise-returning function), so an un-awaited `client.widgets.delete(id)` still happens; the body is decoded
 * only when the data is asked for, so `asResponse()` gets an unread Response.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #response: Promise<Response>;
  readonly #parse: (response: Response) => Promise<T>;
  #data: Promise<T> | undefined;

  constructor(response: Promise<Response>, parse: (response: Response) => Promise<T>) {
    this.#response = response;
    this.#parse = parse;
  }

  /** The raw Response, body unread; for headers, status or streaming. Do not also await the data. */
  asResponse(): Promise<Response> {
    return this.#response;
  }

  /** The decoded data together with the Response it came from (whose body has been read). */
  async withResponse(): Promise<{ data: T; response: Response }> {
    const [data, response] = await Promise.all([this.#parsed(), this.#response]);
    return { data, response };
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#response.then(this.#parse);
    return this.#data;
  }
}
