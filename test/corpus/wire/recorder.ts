/**
 * The fetch the wire test gives each client: it keeps the last request as sent on the wire (for the checks Prism
 * cannot make, and to name the request Prism crashed on), and asks Prism for a schema-built answer when the
 * document's own example does not match its schema.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as text (form bodies are what is checked); empty for none or a binary one. */
  body: string;
}

export interface Sent {
  request: RecordedRequest;
  dynamic: boolean;
  dropped: boolean;
  /** The schema-built answer took too long and was given up: Prism is still busy building it. */
  abandoned: boolean;
}

export interface Recorder {
  fetch: typeof fetch;
  /** Whether a schema-built answer may be asked for: not when the operation declares a `Prefer` header itself. */
  allowDynamic: (allowed: boolean) => void;
  /**
   * The last request sent, whether its answer came from `Prefer: dynamic=true`, and whether the connection failed
   * (a Prism crash shows first as that).
   */
  last: () => Sent | undefined;
}

/**
 * A 500 in which every violation Prism lists is in the response: the request passed, and only the answer Prism
 * built from the document's example is wrong. Prism builds a second one from the schema when asked with
 * `Prefer: dynamic=true`, which is the same document, so that answer is tried before the call counts as a mock limit.
 */
async function responseOnlyViolations(response: Response): Promise<boolean> {
  if (response.status !== 500 || !response.headers.get('content-type')?.includes('problem+json'))
    return false;
  const problem = (await response.clone().json()) as {
    type?: string;
    validation?: { location?: string[] }[];
  };
  return (
    problem.type?.endsWith('#VIOLATIONS') === true &&
    Array.isArray(problem.validation) &&
    problem.validation.length > 0 &&
    problem.validation.every((v) => v.location?.[0] === 'response')
  );
}

const DYNAMIC_TIMEOUT_MS = 5_000;

export function createRecorder(): Recorder {
  let last: Sent | undefined;
  let dynamicAllowed = true;
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const again = request.clone();
    const type = request.headers.get('content-type') ?? '';
    const text = /json|x-www-form-urlencoded|^text\//.test(type) ? await request.clone().text() : '';
    last = {
      request: {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: text,
      },
      dynamic: false,
      dropped: false,
      abandoned: false,
    };
    const sent = last;
    const send = async (req: Request) => {
      try {
        return await fetch(req);
      } catch (error) {
        sent.dropped = true;
        throw error;
      }
    };
    const response = await send(request);
    if (!dynamicAllowed || !(await responseOnlyViolations(response))) return response;
    again.headers.set('prefer', 'dynamic=true');
    try {
      // Prism builds some answers from a deep schema for longer than a call may take (Figma's file): then the
      // example's answer stands, and the call is a mock limit (and the test restarts the busy Prism).
      const dynamic = await fetch(again, { signal: AbortSignal.timeout(DYNAMIC_TIMEOUT_MS) });
      sent.dynamic = true;
      return dynamic;
    } catch {
      sent.abandoned = true;
      return response;
    }
  };
  return {
    fetch: recordingFetch,
    allowDynamic: (allowed) => (dynamicAllowed = allowed),
    last: () => last,
  };
}
