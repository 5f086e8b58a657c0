import { SDKError } from '../errors.js';
import { ALWAYS_SENSITIVE_HEADERS, secretForms } from './redact.js';

/** What a credential function is told: `refresh` is true on the one retry after a 401 (the last token expired). */
export interface CredentialContext {
  refresh: boolean;
}

/** Two credentials for HTTP Basic (an account id and a secret): what a single string cannot carry. */
export interface BasicCredentials {
  username: string;
  password: string;
}

export type Credential = string | BasicCredentials;

/** A fixed value, or a function called per request (for tokens that expire); either may give either form. */
export type CredentialSource =
  Credential | ((context: CredentialContext) => Credential | Promise<Credential>) | null | undefined;

/** The request a scheme puts the credential on. */
export interface AuthTarget {
  headers: Headers;
  /** Replaced by a scheme that adds a query parameter. */
  url: string;
  /** The client option holding the credential, named in errors (never the value). */
  option: string;
}

/**
 * One of the spec's components.securitySchemes, as the code that applies it: the generated client's config holds
 * `bearerAuth()`, `basicAuth()`, `apiKeyHeader(name)`, `apiKeyQuery(name)` or
 * `apiKeyCookie(name)` for the schemes its API declares, so a bundle carries only
 * the code of those.
 */
export interface SecurityScheme {
  /** Puts the credential on the request; returns another form of it to scrub (a Basic token), if any. */
  apply(target: AuthTarget, credential: Credential): string | undefined;
  /** A header (lower case) or query parameter that carries the credential: masked in logs, dropped across origins. */
  header?: string;
  query?: string;
}

export interface AuthPlan {
  schemes: string[];
  /** False when the operation also allows anonymous access (an empty alternative). */
  required: boolean;
}

/** undefined: send no credential. Otherwise the first non-empty alternative; one credential serves all schemes. */
export function planAuth(security: string[][] | undefined): AuthPlan | undefined {
  const first = security?.find((alternative) => alternative.length > 0);
  if (!security || !first) return undefined;
  return { schemes: first, required: !security.some((alternative) => alternative.length === 0) };
}

export async function resolveCredential(
  source: CredentialSource,
  context: CredentialContext = { refresh: false },
): Promise<Credential | undefined> {
  const value = typeof source === 'function' ? await source(context) : source;
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  const pair = value as Partial<BasicCredentials> | null | undefined;
  return typeof pair?.username === 'string' &&
    typeof pair.password === 'string' &&
    pair.username + pair.password !== ''
    ? { username: pair.username, password: pair.password }
    : undefined;
}

/**
 * Adds the credential to the request per scheme; returns every form of it that must be scrubbed. A scheme name
 * the config lacks is the generator's bug, reported as such.
 */
export function applyAuth(
  plan: AuthPlan,
  schemes: Readonly<Record<string, SecurityScheme>>,
  credential: Credential,
  target: AuthTarget,
): string[] {
  const forms: (string | undefined)[] = [];
  for (const name of plan.schemes) {
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    if (!scheme)
      throw new SDKError(`Unknown security scheme "${name}" (not in ClientConfig.securitySchemes).`);
    forms.push(scheme.apply(target, credential));
  }
  const extra = forms.find((form) => form !== undefined);
  if (typeof credential === 'string') return secretForms(credential, extra);
  return [...new Set([...secretForms(credential.password, extra), ...secretForms(credential.username)])];
}

/** `Authorization: Bearer <credential>`. */
export function bearerAuth(): SecurityScheme {
  return {
    header: 'authorization',
    apply: (target, credential) =>
      asHeader(target, 'authorization', `Bearer ${token(target, credential, 'bearer')}`),
  };
}

/** HTTP Basic: a string credential is the username with an empty password; `{ username, password }` sends both. */
export function basicAuth(): SecurityScheme {
  return {
    header: 'authorization',
    apply(target, credential) {
      const pair =
        typeof credential === 'string' ? `${credential}:` : `${credential.username}:${credential.password}`;
      const basicToken = base64Utf8(pair);
      target.headers.set('authorization', `Basic ${basicToken}`);
      return basicToken;
    },
  };
}

/** An API key in a header. */
export function apiKeyHeader(name: string): SecurityScheme {
  return {
    header: name.toLowerCase(),
    apply: (target, credential) =>
      asHeader(target, name, token(target, credential, `apiKey header "${name}"`)),
  };
}

/** An API key in a query parameter. */
export function apiKeyQuery(name: string): SecurityScheme {
  return {
    query: name,
    apply(target, credential) {
      const url = new URL(target.url);
      url.searchParams.set(name, token(target, credential, `apiKey query "${name}"`));
      target.url = url.href;
      return undefined;
    },
  };
}

/** An API key in a cookie (cookies cannot be set from browsers). */
export function apiKeyCookie(name: string): SecurityScheme {
  return {
    apply(target, credential) {
      const cookie = `${name}=${encodeURIComponent(token(target, credential, `apiKey cookie "${name}"`))}`;
      const existing = target.headers.get('cookie');
      target.headers.set('cookie', existing ? `${existing}; ${cookie}` : cookie);
      return undefined;
    },
  };
}

/** Header and query parameter names whose values are masked in logs and dropped on a redirect to another origin. */
export function sensitiveNames(schemes: Readonly<Record<string, SecurityScheme>>): {
  headers: Set<string>;
  query: Set<string>;
} {
  const headers = new Set(ALWAYS_SENSITIVE_HEADERS);
  const query = new Set<string>();
  for (const scheme of Object.values(schemes)) {
    if (scheme.header) headers.add(scheme.header);
    if (scheme.query) query.add(scheme.query);
  }
  return { headers, query };
}

/** The credential as one string, for the schemes that cannot send a username and a password. */
function token({ option }: Pick<AuthTarget, 'option'>, credential: Credential, scheme: string): string {
  if (typeof credential === 'string') return credential;
  throw new SDKError(
    `The \`${option}\` credential is a username and password, which the ${scheme} scheme cannot send.`,
  );
}

/** What an HTTP header value may hold (RFC 9110 field-value, Latin-1 as fetch's Headers accept): no CR, LF, NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Headers would throw a TypeError quoting the value itself: the error names the option instead. */
function asHeader({ headers, option }: AuthTarget, name: string, value: string): undefined {
  if (!HEADER_VALUE.test(value)) {
    throw new SDKError(
      `The \`${option}\` credential is not a valid HTTP header value (it contains a line break, a control ` +
        'character or a character above U+00FF).',
    );
  }
  headers.set(name, value);
  return undefined;
}

/** btoa only takes Latin-1, so encode to UTF-8 bytes first. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
