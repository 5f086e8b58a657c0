import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, SDKError } from '../errors.js';

/**
 * One attempt's time limit and the caller's abort signal, in force from the credential lookup until the last byte
 * of the response body is read: a server that sends headers at once and then drips the body cannot outlast it.
 * The body is not wrapped: fetch errors a body being read with the abort reason of its signal (the fetch
 * standard; Node's undici and browsers do), so whoever reads it, the SDK or the caller of `asResponse()`, gets
 * the timeout or abort error itself. A class, not closures: one is made per attempt, on the hot path.
 */
export class Deadline {
  readonly #controller = new AbortController();
  /** Aborts the fetch, every redirect hop and the body when the time is up or the caller aborts. */
  readonly signal = this.#controller.signal;
  #failure: SDKError | undefined;
  /** What `race` waits on, rejected by `#stop` directly: cheaper per request than a listener on the signal. */
  readonly #racing: ((error: SDKError) => void)[] = [];
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onAbort = () => this.#stop(new APIUserAbortError());

  constructor(timeoutMs: number, caller: AbortSignal | undefined, timeoutMessage: string) {
    this.#caller = caller;
    this.#timer = setTimeout(() => this.#stop(new APIConnectionTimeoutError(timeoutMessage)), timeoutMs);
    caller?.addEventListener('abort', this.#onAbort, { once: true });
    if (caller?.aborted) this.#onAbort();
  }

  /** Why the attempt was stopped: APIConnectionTimeoutError or APIUserAbortError; undefined while it runs. */
  failure(): SDKError | undefined {
    return this.#failure;
  }

  /** Releases the timer and the caller's signal; called once the attempt needs neither. */
  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onAbort);
  }

  /** Stops the timer but keeps the caller's abort: a stream's body is read for as long as the server sends. */
  untimed(): void {
    clearTimeout(this.#timer);
  }

  /**
   * The headers are in. Node: a body left unread (asResponse() for the headers only) must not keep the process
   * alive until the timeout; a body being read keeps it alive through its socket.
   */
  unref(): void {
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Settles like `work`, or rejects with the failure when the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.#failure) reject(this.#failure);
      else this.#racing.push(reject);
      work.then(resolve, reject);
    });
  }

  /**
   * Reads the body (`work`) under the deadline and ends it: a timeout or abort wins over the error fetch gives,
   * and a connection lost midway is an APIConnectionError.
   */
  async read<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw (
        this.#failure ??
        (error instanceof SDKError
          ? error
          : new APIConnectionError('Connection lost while reading the response body.', { cause: error }))
      );
    } finally {
      this.end();
    }
  }

  #stop(error: SDKError): void {
    this.#failure ??= error;
    this.#controller.abort(this.#failure);
    for (const reject of this.#racing) reject(this.#failure);
  }
}
