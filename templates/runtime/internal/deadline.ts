import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type SDKError,
} from '../errors.js';

/**
 * One attempt's time limit and the caller's abort signal, in force from the credential lookup until the last byte
 * of the response body is read: a server that sends headers at once and then drips the body cannot outlast it.
 */
export interface Deadline {
  /** Aborts the fetch (and every redirect hop) when the time is up or the caller aborts. */
  signal: AbortSignal;
  /** Why the attempt was stopped: APIConnectionTimeoutError or APIUserAbortError; undefined while it runs. */
  failure(): SDKError | undefined;
  /** Releases the timer and the caller's signal; called once the attempt needs neither. */
  end(): void;
  /** Stops the timer but keeps the caller's abort: a stream's body is read for as long as the server sends. */
  untimed(): void;
  /** Settles like `work`, or rejects with the failure when the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T>;
  /** The same response with its body read under the deadline; `end()` runs when the body is done. */
  guard(response: Response): Response;
}

export function startDeadline(
  timeoutMs: number,
  caller: AbortSignal | undefined,
  timeoutMessage: string,
): Deadline {
  const controller = new AbortController();
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
  const whenStopped = (then: () => void) =>
    controller.signal.aborted ? then() : controller.signal.addEventListener('abort', then, { once: true });

  return {
    signal: controller.signal,
    failure: () => failure,
    end,
    untimed: () => clearTimeout(timer),
    race: (work) =>
      new Promise((resolve, reject) => {
        whenStopped(() => reject(failure));
        work.then(resolve, reject);
      }),
    guard(response) {
      const source = response.body;
      // Bodiless and opaque responses (204, 304, HEAD, a browser's opaque redirect) cannot be rebuilt.
      if (source === null || response.status < 200 || [204, 205, 304].includes(response.status)) {
        end();
        return response;
      }
      // Node: a body left unread (asResponse() for the headers only) must not keep the process alive until the
      // timeout; a body being read keeps it alive through its socket.
      (timer as { unref?: () => void }).unref?.();
      const reader = source.getReader();
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          whenStopped(() => {
            stream.error(failure);
            reader.cancel(failure).catch(() => undefined);
          });
        },
        async pull(stream) {
          try {
            const chunk = await reader.read();
            if (chunk.done) {
              end();
              stream.close();
            } else stream.enqueue(chunk.value);
          } catch (error) {
            end();
            stream.error(
              failure ??
                new APIConnectionError('Connection lost while reading the response body.', { cause: error }),
            );
          }
        },
        cancel(reason) {
          end();
          return reader.cancel(reason);
        },
      });
      const guarded = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // Pagination resolves Link headers against the URL the page came from.
      Object.defineProperty(guarded, 'url', { value: response.url });
      return guarded;
    },
  };
}
