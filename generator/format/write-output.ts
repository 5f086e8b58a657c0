import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces each output folder as a whole: files are written to a sibling staging folder, then swapped in with
 * renames. A failure before the swap leaves the old output exactly as it was.
 */
export async function writeOutputs(outputs: ReadonlyMap<string, ReadonlyMap<string, string>>): Promise<void> {
  const staged: { dir: string; staging: string }[] = [];
  try {
    for (const [dir, files] of outputs) {
      const staging = `${dir}.sdkgen-staging-${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      staged.push({ dir, staging });
      for (const file of [...files.keys()].sort()) {
        const target = path.join(staging, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, files.get(file)!);
      }
    }
  } catch (error) {
    await Promise.all(staged.map(({ staging }) => rm(staging, { recursive: true, force: true })));
    throw error;
  }
  for (const { dir, staging } of staged) {
    const previous = `${dir}.sdkgen-previous-${process.pid}`;
    await rm(previous, { recursive: true, force: true });
    await rename(dir, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, dir);
    await rm(previous, { recursive: true, force: true });
  }
}
