import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder sdkgen is installed in (its package.json, `templates/`, `schema/`), found by walking up from this
 * module: the same answer from the TypeScript sources and from any chunk of the bundle in `dist/`.
 */
export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sdkgen'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`sdkgen: no sdkgen package.json above ${start}`);
  }
}

const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string> & { typescript: string };
};

export const SDKGEN_VERSION = manifest.version;

/** The exact versions sdkgen depends on, for what it scaffolds (a repository, a package's build). */
export const DEPENDENCY_VERSIONS = manifest.dependencies;

/** The Node.js range sdkgen is tested on (what CI runs): generated packages claim the same. */
export const NODE_ENGINE = manifest.engines.node;
