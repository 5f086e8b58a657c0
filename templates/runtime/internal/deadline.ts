import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, SDKError } from '../errors.js';

/**
 * One attempt's time limit and the caller's abort signal, in force from the credential lookup until the last byte
 * of the response body is read: a server that sends headers at once and then drips the body cannot outlast it.
 * The body is not wrapped: fetch errors a body being read with the abort reason of its signal (the fetch
 * standard; Node's undici and browsers do), so whoever reads it, the SDK or the caller of `asResponse()`, gets
 * the timeout or abort error itself.
 */
export interface Deadline {
  /** Aborts the fetch, every redirect hop and the body when the time is up or the caller aborts. */
  signal: AbortSignal;
  /** Why the attempt was stopped: APIConnectionTimeoutError or APIUserAbortError; undefined while it runs. */
  failure(): SDKError | undefined;
  /** Releases the timer and the caller's signal; called once the attempt needs neither. */
  end(): void;
  /** Stops the timer but keeps the caller's abort: a stream's body is read for as long as the server sends. */
  untimed(): void;
  /**
   * The headers are in. Node: a body left unread (asResponse() for the headers only) must not keep the process
   * alive until the timeout; a body being read keeps it alive through its socket.
   */
  unref(): void;
  /** Settles like `work`, or rejects with the failure when the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T>;
  /**
   * Reads the body (`work`) under the deadline and ends it: a timeout or abort wins over the error fetch gives,
   * and a connection lost midway is an APIConnectionError.
   */
  read<T>(work: Promise<T>): Promise<T>;
}

export function startDeadline(
  timeoutMs: number,
  caller: AbortSignal | undefined,
  timeoutMessage: string,
): Deadline {
  const controller = new AbortController();
  const { signal } = controller;
  let failure: SDKError | undefined;
  const stop = (error: SDKError) => {
    failure ??= error;
    controller.abort(failure);
  };
  const timer = setTimeout(() => stop(new APIConnectionTimeoutError(timeoutMessage)), timeoutMs);
  const onAbort = () => stop(new APIUserAbortError());
  caller?.addEventListener('abort', onAbort, { once: true });
  if (caller?.aborted) onAbort();
  const end = () => {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  };

  return {
    signal,
    failure: () => failure,
    end,
    untimed: () => clearTimeout(timer),
    unref: () => (timer as { unref?: () => void }).unref?.(),
    race: (work) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) reject(failure);
        else signal.addEventListener('abort', () => reject(failure), { once: true });
        work.then(resolve, reject);
      }),
    async read(work) {
      try {
        return await work;
      } catch (error) {
        throw (
          failure ??
          (error instanceof SDKError
            ? error
            : new APIConnectionError('Connection lost while reading the response body.', { cause: error }))
        );
      } finally {
        end();
      }
    },
  };
}
