// Keeps credentials out of everything the SDK hands back or prints: error messages and bodies, log lines.

export const REDACTED = '***';

/** Header names that always carry secrets, whatever the security schemes say. */
export const ALWAYS_SENSITIVE_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/** The forms in which a credential can travel: raw, URL-encoded (query, cookie) and inside a Basic token. */
export function secretForms(credential: string, basicToken?: string): string[] {
  const forms = [credential, encodeURIComponent(credential)];
  if (basicToken) forms.push(basicToken);
  return [...new Set(forms.filter((form) => form.length > 0))];
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** Copies a decoded JSON value with every secret replaced inside strings (keys included). */
export function scrubDeep(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return scrubText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secrets));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrubText(key, secrets), scrubDeep(item, secrets)]),
    );
  }
  return value;
}

export function scrubHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, scrubText(value, secrets)));
  return out;
}

/** Headers as a plain object for logging, sensitive ones masked entirely. */
export function redactHeaders(
  headers: Headers,
  sensitive: ReadonlySet<string>,
  secrets: readonly string[],
): Record<string, string> {
  const out: [string, string][] = [];
  headers.forEach((value, name) => {
    out.push([name, sensitive.has(name.toLowerCase()) ? REDACTED : scrubText(value, secrets)]);
  });
  return Object.fromEntries(out);
}

/** A URL for logging, with sensitive query parameters masked. */
export function redactURL(
  url: string,
  sensitiveParams: ReadonlySet<string>,
  secrets: readonly string[],
): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) {
      if (sensitiveParams.has(name)) parsed.searchParams.set(name, REDACTED);
    }
    return scrubText(parsed.toString(), secrets);
  } catch {
    return scrubText(url, secrets);
  }
}
