import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { configProblems } from './config-schema.js';
import { ConfigError, GenerationErrors } from './errors.js';
import { DEPENDENCY_VERSIONS, NODE_ENGINE } from './package-root.js';
import type { PatchOperation } from './load/patch.js';
import { words } from './model/identifiers.js';
import type { PaginationDeclaration } from './model/types.js';

export type QueryArrayFormat = 'brackets' | 'repeat' | 'comma' | 'indices';

export interface SourceConfig {
  /** Vendored document, relative to the provider folder. */
  file: string;
  /** Where the document is published; a docs page that embeds it is fine. */
  upstream?: string;
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
  /** npm's object form, from the config's URL. */
  repository?: { type: 'git'; url: string };
  homepage?: string;
  bugs?: string;
  author?: string;
  license: string;
  /** The copyright holder named in LICENSE. */
  licenseHolder: string;
  /** What a generated package builds with and claims to run on: sdkgen's own TypeScript and Node.js range. */
  toolchain: { typescript: string; node: string };
}

export const CONFIG_FILE = 'sdkgen.json';

export async function loadProviders(
  specsDir: string,
  only: readonly string[] = [],
): Promise<ProviderConfig[]> {
  const entries = await readdir(specsDir, { withFileTypes: true }).catch(() => []);
  const ids = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length) {
    throw new ConfigError(
      specsDir,
      `no provider named ${unknown.join(', ')} (known: ${ids.join(', ') || 'none'})`,
    );
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

/**
 * Validates a raw config object against the config schema (every problem at once) and fills in the defaults: the
 * one place they are decided.
 */
export function resolveProviderConfig(raw: unknown, dir: string, configFile: string): ProviderConfig {
  const problems = configProblems(raw, configFile);
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new GenerationErrors(problems);
  const config = raw as RawConfig;
  const clientName = config.clientName;
  const envPrefix = config.envPrefix ?? clientName.toUpperCase();
  const option = config.credential?.option ?? 'apiKey';
  const repository = config.repository;
  const github =
    repository && /^https:\/\/github\.com\/[^/]+\/[^/]+?(\.git)?$/.test(repository)
      ? repository.replace(/\.git$/, '')
      : undefined;
  const author = config.author;
  return {
    id: path.basename(dir),
    dir,
    configFile,
    packageName: config.packageName,
    version: config.version ?? '0.1.0',
    description: config.description ?? `TypeScript client for the ${clientName} API`,
    clientName,
    envPrefix,
    credential: {
      option,
      // Named after the option, so `accessToken` reads ACME_ACCESS_TOKEN, not a generic ACME_API_KEY.
      env:
        config.credential?.env ??
        `${envPrefix}_${words(option)
          .map((w) => w.toUpperCase())
          .join('_')}`,
      description: config.credential?.description ?? 'Your API key.',
    },
    sources: config.sources,
    include: config.include ?? 'all',
    pagination: config.pagination ?? [],
    inferPagination: config.inferPagination ?? true,
    queryFormat: { arrays: config.queryFormat?.arrays ?? 'repeat' },
    errorMessagePaths: config.errorMessagePaths ?? [],
    enums: config.enums ?? 'open',
    resources: config.resources ?? {},
    patches: config.patches ?? [],
    ...(repository
      ? {
          repository: {
            type: 'git' as const,
            url: repository.startsWith('https://')
              ? `git+${repository.replace(/(\.git)?$/, '.git')}`
              : repository,
          },
        }
      : {}),
    ...(config.homepage || github ? { homepage: config.homepage ?? `${github}#readme` } : {}),
    ...(config.bugs || github ? { bugs: config.bugs ?? `${github}/issues` } : {}),
    ...(author ? { author } : {}),
    license: config.license ?? 'MIT',
    licenseHolder: config.licenseHolder ?? author ?? `the authors of ${config.packageName}`,
    toolchain: { typescript: DEPENDENCY_VERSIONS.typescript, node: NODE_ENGINE },
  };
}

/** What the schema guarantees about a config that passed it. */
interface RawConfig {
  packageName: string;
  version?: string;
  description?: string;
  clientName: string;
  envPrefix?: string;
  credential?: { option?: string; env?: string; description?: string };
  sources: SourceConfig[];
  include?: string[] | 'all';
  pagination?: PaginationDeclaration[];
  inferPagination?: boolean;
  queryFormat?: { arrays?: QueryArrayFormat };
  errorMessagePaths?: string[][];
  enums?: 'open' | 'closed';
  resources?: Record<string, string>;
  patches?: PatchOperation[];
  repository?: string;
  homepage?: string;
  bugs?: string;
  author?: string;
  license?: string;
  licenseHolder?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
