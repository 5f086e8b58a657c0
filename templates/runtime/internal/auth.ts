import { SDKError } from '../errors.js';
import { ALWAYS_SENSITIVE_HEADERS, secretForms } from './redact.js';

/** The security schemes sdkgen supports, as declared in the spec's components.securitySchemes. */
export type SecurityScheme =
  | { type: 'http'; scheme: 'bearer' }
  /** A string credential is the username with an empty password; `{ username, password }` sends both. */
  | { type: 'http'; scheme: 'basic' }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

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

/** What an HTTP header value may hold (RFC 9110 field-value, Latin-1 as fetch's Headers accept): no CR, LF, NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Adds the credential to headers/URL per scheme; returns the URL and every form of the credential to scrub. `option` names
 * the client option in errors: Headers would throw a TypeError quoting the value itself.
 */
export function applyAuth(
  plan: AuthPlan,
  schemes: Readonly<Record<string, SecurityScheme>>,
  credential: Credential,
  headers: Headers,
  url: string,
  option: string,
): { url: string; secrets: string[] } {
  let basicToken: string | undefined;
  // A URL object only for an apiKey in the query: the others leave the URL string as it is.
  let parsed: URL | undefined;
  const token = (scheme: string): string => {
    if (typeof credential === 'string') return credential;
    throw new SDKError(
      `The \`${option}\` credential is a username and password, which the ${scheme} scheme cannot send.`,
    );
  };
  const asHeader = (name: string, value: string) => {
    if (!HEADER_VALUE.test(value)) {
      throw new SDKError(
        `The \`${option}\` credential is not a valid HTTP header value (it contains a line break, a control ` +
          'character or a character above U+00FF).',
      );
    }
    headers.set(name, value);
  };
  for (const name of plan.schemes) {
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    if (!scheme)
      throw new SDKError(`Unknown security scheme "${name}" (not in ClientConfig.securitySchemes).`);
    if (scheme.type === 'http' && scheme.scheme === 'bearer') {
      asHeader('authorization', `Bearer ${token('bearer')}`);
    } else if (scheme.type === 'http') {
      const pair =
        typeof credential === 'string' ? `${credential}:` : `${credential.username}:${credential.password}`;
      basicToken = base64Utf8(pair);
      headers.set('authorization', `Basic ${basicToken}`);
    } else if (scheme.in === 'header') {
      asHeader(scheme.name, token(`apiKey header "${scheme.name}"`));
    } else if (scheme.in === 'query') {
      parsed ??= new URL(url);
      parsed.searchParams.set(scheme.name, token(`apiKey query "${scheme.name}"`));
    } else {
      const cookie = `${scheme.name}=${encodeURIComponent(token(`apiKey cookie "${scheme.name}"`))}`;
      const existing = headers.get('cookie');
      headers.set('cookie', existing ? `${existing}; ${cookie}` : cookie);
    }
  }
  const secrets =
    typeof credential === 'string'
      ? secretForms(credential, basicToken)
      : [...new Set([...secretForms(credential.password, basicToken), ...secretForms(credential.username)])];
  return { url: parsed ? parsed.href : url, secrets };
}

/** Header and query parameter names whose values are masked in logs. */
export function sensitiveNames(schemes: Readonly<Record<string, SecurityScheme>>): {
  headers: Set<string>;
  query: Set<string>;
} {
  const headers = new Set(ALWAYS_SENSITIVE_HEADERS);
  const query = new Set<string>();
  for (const scheme of Object.values(schemes)) {
    if (scheme.type !== 'apiKey') continue;
    if (scheme.in === 'header') headers.add(scheme.name.toLowerCase());
    if (scheme.in === 'query') query.add(scheme.name);
  }
  return { headers, query };
}

/** btoa only takes Latin-1, so encode to UTF-8 bytes first. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
