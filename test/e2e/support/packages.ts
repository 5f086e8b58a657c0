import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from '../../../scripts/build-packages.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface BuiltPackage {
  /** Provider id: the folder under generated/. */
  id: string;
  name: string;
  version: string;
  dir: string;
}

/**
 * Copies every package under generated/ to `dir` and builds it there with `npm run build`'s own code, so tests never
 * write into the repository, and a regeneration running meanwhile cannot pull a package from under them.
 */
export async function buildGeneratedPackages(dir: string): Promise<BuiltPackage[]> {
  const generated = path.join(REPO_ROOT, 'generated');
  const ids = (await readdir(generated, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const packages = await Promise.all(
    ids.map(async (id) => {
      const target = path.join(dir, id);
      await cp(path.join(generated, id), target, {
        recursive: true,
        filter: (source) => !['dist', 'node_modules'].includes(path.basename(source)),
      });
      const { name, version } = JSON.parse(await readFile(path.join(target, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      return { id, name, version, dir: target };
    }),
  );
  const failures = await buildPackages(packages.map((p) => p.dir));
  if (failures.length) throw new Error(failures.map((f) => f.message).join('\n'));
  return packages;
}
