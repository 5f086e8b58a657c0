import { readEnv } from './env.js';

/**
 * Extra headers from `<PREFIX>_CUSTOM_HEADERS`, one `Name: value` per line (as proxies and gateways that need a
 * header of their own are configured without code changes). Lines without a colon or with an empty name are
 * ignored rather than sent half-formed.
 */
export function customHeadersFromEnv(envPrefix: string): Record<string, string> {
  const text = readEnv(`${envPrefix}_CUSTOM_HEADERS`);
  const headers: Record<string, string> = {};
  for (const line of (text ?? '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (name && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}
