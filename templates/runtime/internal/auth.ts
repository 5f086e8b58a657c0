import { SDKError } from '../errors.js';
import { ALWAYS_SENSITIVE_HEADERS, secretForms } from './redact.js';

/** The security schemes sdkgen supports, as declared in the spec's components.securitySchemes. */
export type SecurityScheme =
  | { type: 'http'; scheme: 'bearer' }
  /** The credential is the username; the password is empty. */
  | { type: 'http'; scheme: 'basic' }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

/** What a credential function is told: `refresh` is true on the one retry after a 401 (the last token expired). */
export interface CredentialContext {
  refresh: boolean;
}

/** A fixed value, or a function called per request (for tokens that expire). */
export type CredentialSource =
  string | ((context: CredentialContext) => string | Promise<string>) | null | undefined;

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
): Promise<string | undefined> {
  const value = typeof source === 'function' ? await source(context) : source;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** What an HTTP header value may hold (RFC 9110 field-value, Latin-1 as fetch's Headers accept): no CR, LF, NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Adds the credential to headers/URL per scheme; returns every form of it that must be scrubbed. `option` names
 * the client option in errors: Headers would throw a TypeError quoting the value itself.
 */
export function applyAuth(
  plan: AuthPlan,
  schemes: Readonly<Record<string, SecurityScheme>>,
  credential: string,
  headers: Headers,
  url: URL,
  option: string,
): string[] {
  let basicToken: string | undefined;
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
      asHeader('authorization', `Bearer ${credential}`);
    } else if (scheme.type === 'http') {
      basicToken = base64Utf8(`${credential}:`);
      headers.set('authorization', `Basic ${basicToken}`);
    } else if (scheme.in === 'header') {
      asHeader(scheme.name, credential);
    } else if (scheme.in === 'query') {
      url.searchParams.set(scheme.name, credential);
    } else {
      const cookie = `${scheme.name}=${encodeURIComponent(credential)}`;
      const existing = headers.get('cookie');
      headers.set('cookie', existing ? `${existing}; ${cookie}` : cookie);
    }
  }
  return secretForms(credential, basicToken);
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
