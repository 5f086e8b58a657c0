import { SpecError } from '../errors.js';
import { lookupPointer, pointer, pointerSegment } from '../json-pointer.js';
import type { LoadWarning, OpenAPIDocument } from '../load/types.js';
import { operationSites } from './operations.js';

/** Names the file a pointer of the (merged) document came from. */
export type FileOf = (at: string) => string;

/**
 * What the generator relies on and no repair can supply: the base URL (`servers`). A document that gets it wrong
 * would generate with exit 0 and then have no base URL at all, so each violation is an error with its pointer.
 * Checked on the merged, patched document, so a provider's patch can correct it. The other structural cases are
 * decided in docs/repairs.md: the linter's struct rule refuses a wrong type where the model reads (paths,
 * operations, parameters, responses, schemas), the repair rules correct what has one reading, and what generates
 * but not as written is a warning ({@link structureWarnings}).
 */
export function validateStructure(document: OpenAPIDocument, fileOf: FileOf): SpecError[] {
  const servers: unknown = document.servers;
  const at = pointer('servers');
  if (servers === undefined) return [];
  if (!Array.isArray(servers)) {
    return [
      new SpecError(
        fileOf(at),
        at,
        `"servers" must be an array of Server Objects, got ${describe(servers)}`,
        'write it as a list: `servers: [{ url: https://api.example.com }]`',
      ),
    ];
  }
  return servers.flatMap((server: unknown, i): SpecError[] => {
    const entry = `${at}/${i}`;
    if (!server || typeof server !== 'object' || Array.isArray(server)) {
      return [
        new SpecError(
          fileOf(entry),
          entry,
          `a server must be an object with a "url", got ${describe(server)}`,
          'write the entry as `{ url: https://api.example.com }`',
        ),
      ];
    }
    const { url, variables } = server as { url?: unknown; variables?: unknown };
    if (typeof url !== 'string') {
      const problem =
        url === undefined
          ? 'the server has no "url"'
          : `the server "url" must be a string, got ${describe(url)}`;
      return [
        new SpecError(
          fileOf(`${entry}/url`),
          `${entry}/url`,
          problem,
          'give the server its base URL as a string',
        ),
      ];
    }
    if (
      variables !== undefined &&
      (!variables || typeof variables !== 'object' || Array.isArray(variables))
    ) {
      return [
        new SpecError(
          fileOf(`${entry}/variables`),
          `${entry}/variables`,
          `server "variables" must be an object, got ${describe(variables)}`,
          'map each {name} of the url to `{ default: value }`',
        ),
      ];
    }
    return [];
  });
}

/**
 * A document's own top-level `security`, checked on each file as loaded: the merge copies it onto every operation
 * of its file, where a warning would be said once per operation and at the wrong place.
 */
export function documentSecurityWarnings(document: OpenAPIDocument, file: string): LoadWarning[] {
  return securityWarnings(document.security, pointer('security'), () => file);
}

/**
 * What generates, but not as the document says: a relative server url (`/v3`, resolved against where the document
 * is served, which a client does not know); a url `{variable}` without a string default (the placeholder stays in
 * the default base URL); servers of one path or operation (not used: every request goes to the client's base
 * URL); an operation `security` that is not a list of requirements (read as no requirement).
 */
export function structureWarnings(document: OpenAPIDocument, fileOf: FileOf): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  const warn = (at: string, message: string) => warnings.push({ file: fileOf(at), pointer: at, message });
  const first = (Array.isArray(document.servers) ? document.servers[0] : undefined) as
    { url?: unknown; variables?: Record<string, any> } | undefined;
  if (typeof first?.url === 'string') {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(first.url) && !/^\{[^}]+\}/.test(first.url)) {
      warn(
        pointer('servers', 0, 'url'),
        `server url "${first.url}" is relative: the client has no base URL of its own; pass \`baseURL\` when creating it`,
      );
    }
    for (const name of [...first.url.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!)) {
      const variable =
        first.variables && Object.hasOwn(first.variables, name) ? first.variables[name] : undefined;
      if (typeof variable?.default !== 'string')
        warn(
          pointer('servers', 0, 'variables'),
          `the server url uses {${name}}, which has no string default: the default base URL keeps the placeholder; pass \`baseURL\``,
        );
    }
  }
  const seen = new Set<string>();
  for (const site of operationSites(document)) {
    const item = site.pointer.slice(0, site.pointer.lastIndexOf('/'));
    for (const [at, servers] of [
      [`${item}/servers`, lookupPointer(document, `${item}/servers`)],
      [`${site.pointer}/servers`, site.op.servers],
    ] as const) {
      if (servers === undefined || seen.has(at)) continue;
      seen.add(at);
      warn(at, "servers of a path or operation are not used: its requests go to the client's base URL");
    }
    warnings.push(...securityWarnings(site.op.security, `${site.pointer}/security`, fileOf));
  }
  return warnings;
}

/** OpenAPI 3.1 §4.8.30: a list of Security Requirement Objects, each a map of scheme name -> list of scopes. */
function securityWarnings(security: unknown, at: string, fileOf: FileOf): LoadWarning[] {
  if (security === undefined) return [];
  if (!Array.isArray(security)) {
    return [
      {
        file: fileOf(at),
        pointer: at,
        message: `"security" must be an array of security requirements, got ${describe(security)}: read as no requirement, so requests are sent without credentials`,
      },
    ];
  }
  return security.flatMap((requirement: unknown, i): LoadWarning[] => {
    const entry = `${at}/${i}`;
    if (!requirement || typeof requirement !== 'object' || Array.isArray(requirement)) {
      return [
        {
          file: fileOf(entry),
          pointer: entry,
          message: `a security requirement must be an object of scheme names, got ${describe(requirement)}: it names no scheme the client can send`,
        },
      ];
    }
    return Object.entries<unknown>(requirement as Record<string, unknown>)
      .filter(([, scopes]) => !Array.isArray(scopes))
      .map(([name, scopes]) => ({
        file: fileOf(entry),
        pointer: `${entry}/${pointerSegment(name)}`,
        message: `the scopes of "${name}" must be an array, got ${describe(scopes)}: ignored (a client sends the credential, not scopes)`,
      }));
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
