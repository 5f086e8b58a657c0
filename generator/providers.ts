import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './errors.js';
import type { PaginationDeclaration } from './model/types.js';

export type QueryArrayFormat = 'brackets' | 'repeat' | 'comma' | 'indices';

export interface SourceConfig {
  /** Vendored document, relative to the provider folder. */
  file: string;
  /** Where the document is published; a docs page that embeds it is fine. */
  upstream?: string;
}

/** A JSON Patch (RFC 6902) operation applied to the merged document: corrections live here, not in vendored text. */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** One provider, with every default filled in: the only place defaults are decided. */
export interface ProviderConfig {
  id: string;
  dir: string;
  configFile: string;
  packageName: string;
  version: string;
  description: string;
  clientName: string;
  envPrefix: string;
  credential: { option: string; env: string; description: string };
  sources: SourceConfig[];
  include: string[] | 'all';
  pagination: PaginationDeclaration[];
  /** Apply the pagination `sdkgen suggest` infers (and verifies) to lists the config does not declare; default true. */
  inferPagination: boolean;
  queryFormat: { arrays: QueryArrayFormat };
  errorMessagePaths: string[][];
  enums: 'open' | 'closed';
  resources: Record<string, string>;
  patches: PatchOperation[];
  repository?: string;
  license: string;
}

export const CONFIG_FILE = 'sdkgen.json';

export async function loadProviders(specsDir: string, only: readonly string[] = []): Promise<ProviderConfig[]> {
  const entries = await readdir(specsDir, { withFileTypes: true }).catch(() => []);
  const ids = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length) {
    throw new ConfigError(specsDir, `no provider named ${unknown.join(', ')} (known: ${ids.join(', ') || 'none'})`);
  }
  const chosen = only.length ? ids.filter((id) => only.includes(id)) : ids;
  return Promise.all(chosen.map((id) => loadProvider(path.join(specsDir, id))));
}

export async function loadProvider(dir: string): Promise<ProviderConfig> {
  const configFile = path.join(dir, CONFIG_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(configFile, 'utf8'));
  } catch (error) {
    throw new ConfigError(configFile, `cannot read provider config: ${(error as Error).message}`);
  }
  return resolveProviderConfig(raw, dir, configFile);
}

/** Validates a raw config object and fills in the defaults. */
export function resolveProviderConfig(raw: unknown, dir: string, configFile: string): ProviderConfig {
  if (!isRecord(raw)) throw new ConfigError(configFile, 'must be a JSON object');
  const id = path.basename(dir);
  const str = (key: string, fallback?: string): string => {
    const value = raw[key] ?? fallback;
    if (typeof value !== 'string' || !value) throw new ConfigError(configFile, `"${key}" must be a non-empty string`);
    return value;
  };
  const clientName = str('clientName');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(clientName)) {
    throw new ConfigError(configFile, `"clientName" must be a PascalCase identifier, got "${clientName}"`);
  }
  const envPrefix = str('envPrefix', clientName.toUpperCase());
  const credential = isRecord(raw.credential) ? raw.credential : {};
  const sources = Array.isArray(raw.sources) ? raw.sources : [];
  if (!sources.length) throw new ConfigError(configFile, '"sources" must list at least one document');
  for (const [i, source] of sources.entries()) {
    if (!isRecord(source) || typeof source.file !== 'string') {
      throw new ConfigError(configFile, `"sources[${i}].file" must be a string`);
    }
  }
  const include = raw.include ?? 'all';
  if (include !== 'all' && !(Array.isArray(include) && include.every((s) => typeof s === 'string'))) {
    throw new ConfigError(configFile, '"include" must be "all" or a list of operationIds');
  }
  const arrays = (isRecord(raw.queryFormat) ? raw.queryFormat.arrays : undefined) ?? 'repeat';
  if (!['brackets', 'repeat', 'comma', 'indices'].includes(arrays as string)) {
    throw new ConfigError(configFile, '"queryFormat.arrays" must be brackets, repeat, comma or indices');
  }
  if (raw.inferPagination !== undefined && typeof raw.inferPagination !== 'boolean') throw new ConfigError(configFile, '"inferPagination" must be true or false');
  const enums = raw.enums ?? 'open';
  if (enums !== 'open' && enums !== 'closed') throw new ConfigError(configFile, '"enums" must be "open" or "closed"');
  return {
    id,
    dir,
    configFile,
    packageName: str('packageName'),
    version: str('version', '0.1.0'),
    description: str('description', `TypeScript client for the ${clientName} API`),
    clientName,
    envPrefix,
    credential: {
      option: typeof credential.option === 'string' ? credential.option : 'apiKey',
      env: typeof credential.env === 'string' ? credential.env : `${envPrefix}_API_KEY`,
      description: typeof credential.description === 'string' ? credential.description : 'Your API key.',
    },
    sources: sources as SourceConfig[],
    include: include as string[] | 'all',
    pagination: (Array.isArray(raw.pagination) ? raw.pagination : []) as PaginationDeclaration[],
    inferPagination: raw.inferPagination !== false,
    queryFormat: { arrays: arrays as QueryArrayFormat },
    errorMessagePaths: (Array.isArray(raw.errorMessagePaths) ? raw.errorMessagePaths : []) as string[][],
    enums,
    resources: (isRecord(raw.resources) ? raw.resources : {}) as Record<string, string>,
    patches: (Array.isArray(raw.patches) ? raw.patches : []) as PatchOperation[],
    ...(typeof raw.repository === 'string' ? { repository: raw.repository } : {}),
    license: typeof raw.license === 'string' ? raw.license : 'MIT',
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
