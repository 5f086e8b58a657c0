import { SpecError } from '../errors.js';
import { lookupPointer, pointer, pointerSegment } from '../json-pointer.js';
import type { LoadWarning, OpenAPIDocument } from '../load/types.js';
import { operationSites } from './operations.js';

/** Names the file a pointer of the (merged) document came from. */
export type FileOf = (at: string) => string;

/**
 * What the generator relies on and no repair can supply: the base URL (`servers`) and which credentials an
 * operation sends (`security`). A document that gets these wrong would generate with exit 0 and then fail at
 * run time (an undefined base URL, requests sent without auth), so each violation is an error with its pointer.
 * Checked on the merged, patched document, so a provider's patch can correct it. The other structural cases are
 * decided in docs/repairs.md: the linter's struct rule refuses a wrong type where the model reads (paths,
 * operations, parameters, responses, schemas), and the repair rules correct the rest.
 */
export function validateStructure(document: OpenAPIDocument, fileOf: FileOf): SpecError[] {
  return [
    ...validateServers(document.servers, pointer('servers'), fileOf),
    ...operationSites(document).flatMap((site) =>
      validateSecurity(site.op.security, `${site.pointer}/security`, fileOf),
    ),
  ];
}

/**
 * A document's own top-level `security`, checked on each file as loaded: the merge copies it onto every operation
 * of its file, where an error would be reported once per operation and at the wrong place.
 */
export function validateDocumentSecurity(document: OpenAPIDocument, file: string): SpecError[] {
  return validateSecurity(document.security, pointer('security'), () => file);
}

/**
 * What generates, but not as the document says: a relative server url (`/v3`) is legal, resolved against where the
 * document is served, which a client does not know (pass `baseURL`); servers of one operation or path are not
 * used (every request goes to the client's base URL).
 */
export function structureWarnings(document: OpenAPIDocument, fileOf: FileOf): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  const servers: unknown[] = Array.isArray(document.servers) ? document.servers : [];
  const first = servers[0] as { url?: unknown } | undefined;
  if (
    typeof first?.url === 'string' &&
    !/^[a-z][a-z0-9+.-]*:\/\//i.test(first.url) &&
    !/^\{[^}]+\}/.test(first.url)
  ) {
    const at = pointer('servers', 0, 'url');
    warnings.push({
      file: fileOf(at),
      pointer: at,
      message: `server url "${first.url}" is relative: the client has no base URL of its own; pass \`baseURL\` when creating it`,
    });
  }
  const seen = new Set<string>();
  for (const site of operationSites(document)) {
    const item = site.pointer.slice(0, site.pointer.lastIndexOf('/'));
    for (const at of [`${item}/servers`, `${site.pointer}/servers`]) {
      const own =
        at === `${site.pointer}/servers` ? site.op.servers : lookupPointer(document, `${item}/servers`);
      if (own === undefined || seen.has(at)) continue;
      seen.add(at);
      warnings.push({
        file: fileOf(at),
        pointer: at,
        message: "servers of a path or operation are not used: its requests go to the client's base URL",
      });
    }
  }
  return warnings;
}

/** OpenAPI 3.1 §4.8.5: an array of Server Objects, each with a `url` string; every variable needs a `default`. */
function validateServers(servers: unknown, at: string, fileOf: FileOf): SpecError[] {
  if (servers === undefined) return [];
  const file = fileOf(at);
  if (!Array.isArray(servers)) {
    return [
      new SpecError(
        file,
        at,
        `"servers" must be an array of Server Objects, got ${describe(servers)}`,
        'write it as a list: `servers: [{ url: https://api.example.com }]`',
      ),
    ];
  }
  return servers.flatMap((server, i): SpecError[] => {
    const entry = `${at}/${i}`;
    if (!server || typeof server !== 'object' || Array.isArray(server)) {
      return [
        new SpecError(
          file,
          entry,
          `a server must be an object with a "url", got ${describe(server)}`,
          'write the entry as `{ url: https://api.example.com }`',
        ),
      ];
    }
    if (typeof server.url !== 'string') {
      return [
        new SpecError(
          file,
          `${entry}/url`,
          server.url === undefined
            ? 'the server has no "url"'
            : `the server "url" must be a string, got ${describe(server.url)}`,
          'give the server its base URL as a string',
        ),
      ];
    }
    const variables = server.variables;
    if (
      variables !== undefined &&
      (!variables || typeof variables !== 'object' || Array.isArray(variables))
    ) {
      return [
        new SpecError(
          file,
          `${entry}/variables`,
          `server "variables" must be an object, got ${describe(variables)}`,
          'map each {name} of the url to `{ default: value }`',
        ),
      ];
    }
    const errors: SpecError[] = [];
    for (const name of [...server.url.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!)) {
      const variable = variables && Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (typeof variable?.default !== 'string') {
        errors.push(
          new SpecError(
            file,
            `${entry}/variables`,
            `the url uses {${name}}, which has no string default in "variables"`,
            `add \`${name}: { default: ... }\` so the base URL can be built`,
          ),
        );
      }
    }
    return errors;
  });
}

/** OpenAPI 3.1 §4.8.30: a list of Security Requirement Objects, each a map of scheme name -> list of scopes. */
function validateSecurity(security: unknown, at: string, fileOf: FileOf): SpecError[] {
  if (security === undefined) return [];
  const file = fileOf(at);
  if (!Array.isArray(security)) {
    return [
      new SpecError(
        file,
        at,
        `"security" must be an array of security requirements, got ${describe(security)}`,
        'write it as a list: `security: [{ bearerAuth: [] }]`',
      ),
    ];
  }
  return security.flatMap((requirement, i) => {
    if (!requirement || typeof requirement !== 'object' || Array.isArray(requirement)) {
      return [
        new SpecError(
          file,
          `${at}/${i}`,
          `a security requirement must be an object of scheme names, got ${describe(requirement)}`,
          'write the entry as `{ schemeName: [] }`',
        ),
      ];
    }
    return Object.entries<unknown>(requirement)
      .filter(([, scopes]) => !Array.isArray(scopes))
      .map(
        ([name]) =>
          new SpecError(
            file,
            `${at}/${i}/${pointerSegment(name)}`,
            `the scopes of "${name}" must be an array, got ${describe(requirement[name])}`,
            'write `[]` for a scheme without scopes',
          ),
      );
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
