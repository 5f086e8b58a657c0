import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from './processes.js';
import type { Registry } from './registry.js';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * Tests never reach the internet, so a registry on loopback serves what an install needs: this finds the packages a
 * manifest's `dependencies` pull in (transitively, every version installed) as they are in the local node_modules.
 */
export function installedClosure(fromDir: string, dependencies: Record<string, string>): string[] {
  const found = new Map<string, string>();
  const visit = (dir: string, names: string[]) => {
    for (const name of names) {
      const installed = resolveInstalled(name, dir);
      if (!installed) continue;
      const real = realpathSync(installed);
      if (found.has(real)) continue;
      found.set(real, installed);
      const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Manifest;
      const requiredPeers = Object.keys(manifest.peerDependencies ?? {}).filter(
        (peer) => !manifest.peerDependenciesMeta?.[peer]?.optional,
      );
      visit(installed, [
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.optionalDependencies ?? {}),
        ...requiredPeers,
      ]);
    }
  };
  visit(fromDir, Object.keys(dependencies));
  return [...found.values()].sort();
}

function resolveInstalled(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Publishes installed package folders to the registry as they are (tarred as `package/`, the layout npm packs),
 * through the registry's publish endpoint: one request each, no npm process per package.
 */
export async function mirrorPackages(registry: Registry, packageDirs: readonly string[]): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'sdkgen-mirror-'));
  try {
    for (const [index, dir] of packageDirs.entries()) {
      const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest &
        Record<string, unknown>;
      const tarball = path.join(work, `${index}.tgz`);
      const tar = await runCommand('tar', [
        '-czf',
        tarball,
        '--exclude=node_modules',
        `--transform=s,^\\.,package,`,
        '-C',
        dir,
        '.',
      ]);
      if (tar.code !== 0) throw new Error(`tar ${dir}: ${tar.stderr}`);
      await publishTarball(registry, manifest, await readFile(tarball));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function publishTarball(
  registry: Registry,
  manifest: Manifest & Record<string, unknown>,
  data: Buffer,
): Promise<void> {
  const { name, version } = manifest;
  const file = `${name.split('/').pop()}-${version}.tgz`;
  const body = {
    _id: name,
    name,
    'dist-tags': { latest: version },
    versions: {
      [version]: {
        ...manifest,
        _id: `${name}@${version}`,
        dist: {
          shasum: createHash('sha1').update(data).digest('hex'),
          integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
          tarball: new URL(`${name}/-/${file}`, registry.url).href,
        },
      },
    },
    _attachments: {
      [file]: {
        content_type: 'application/octet-stream',
        data: data.toString('base64'),
        length: data.length,
      },
    },
  };
  const response = await fetch(new URL(name.replace('/', '%2f'), registry.url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sdkgen-e2e' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(
      `publishing ${name}@${version} to the test registry: HTTP ${response.status} ${await response.text()}`,
    );
}
