/**
 * What Prism concluded about one request, read from its log (prism-http `mocker/index.js`): the answer alone cannot
 * say, since a request that fails validation is answered with the document's own 400 or 422 when it declares one,
 * which looks like any documented error.
 */
export interface Verdict {
  passed: boolean;
  /** Prism's messages for a request that did not pass. */
  failures: string[];
}

const PASSED = 'The request passed the validation rules';
const FAILED = 'Request did not pass the validation rules';

/** The verdict in the log written since the request was sent, or undefined while Prism has logged none. */
export function verdictOf(log: string): Verdict | undefined {
  if (log.includes(FAILED)) {
    const failures = [...log.matchAll(/\[VALIDATOR\] ✖\s+error\s+(.*)/g)].map((m) => m[1]!.trim());
    return { passed: false, failures };
  }
  if (log.includes(PASSED)) return { passed: true, failures: [] };
  return undefined;
}

/**
 * Waits for the verdict: Prism logs it before it answers, but its output and its answer reach the test by
 * different pipes, so the answer can arrive first.
 */
export async function awaitVerdict(log: () => string, ms = 2_000): Promise<Verdict | undefined> {
  const until = Date.now() + ms;
  for (;;) {
    const verdict = verdictOf(log());
    if (verdict || Date.now() >= until) return verdict;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
