import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleResult {
  name: string;
  minBytes: number;
  gzipBytes: number;
  failure?: string;
}

/** Minified, gzipped (level 9) browser bundle of a one-file app; `source` imports by absolute path. */
export async function measureBundle(name: string, source: string): Promise<BundleResult> {
  try {
    const result = await build({
      stdin: { contents: source, loader: 'js', resolveDir: process.cwd(), sourcefile: `${name}.js` },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    return { name, minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
  } catch (error) {
    return {
      name,
      minBytes: Number.NaN,
      gzipBytes: Number.NaN,
      failure: (error as Error).message.split('\n').slice(0, 3).join(' '),
    };
  }
}

/** An app that constructs the sdkgen client and calls one method: `resource.method(...args)`. */
export function sdkgenApp(indexFile: string, resource: string, method: string, args: unknown[]): string {
  return [
    `import Client from ${JSON.stringify(indexFile)};`,
    `const client = new Client({ apiKey: 'key' });`,
    `client.${resource}.${method}(${args.map((a) => JSON.stringify(a)).join(', ')}).then((r) => console.log(r));`,
  ].join('\n');
}

/** An app that calls one hey-api SDK function (its client is configured by the generated client.gen.ts). */
export function heyApiApp(sdkFile: string, fn: string): string {
  return [
    `import { ${fn} } from ${JSON.stringify(sdkFile)};`,
    `${fn}({ path: {} }).then((r) => console.log(r.data));`,
  ].join('\n');
}

/** The floor: the same call written with fetch alone. */
export function rawFetchApp(): string {
  return `fetch('https://api.example.com/v1/things/1', { headers: { authorization: 'Bearer key' } }).then((r) => r.json()).then((r) => console.log(r));`;
}

/** The first resource mount in a generated client.ts and the first method of its class, so any spec's output can be bundled. */
export async function firstSdkgenMethod(
  packageDir: string,
): Promise<{ resource: string; method: string } | undefined> {
  const client = await readFile(path.join(packageDir, 'src/client.ts'), 'utf8');
  const mount = /readonly (\w+): (\w+) = new \2\(this\)/.exec(client);
  if (!mount) return undefined;
  const importLine = new RegExp(`import \\{ ${mount[2]} \\} from '\\./resources/([\\w-]+)\\.js'`).exec(
    client,
  );
  if (!importLine) return undefined;
  const resource = await readFile(path.join(packageDir, 'src/resources', `${importLine[1]}.ts`), 'utf8');
  const method = /^ {2}(\w+)\(/m.exec(resource);
  return method ? { resource: mount[1]!, method: method[1]! } : undefined;
}

/** The first function a hey-api sdk.gen.ts exports. */
export async function firstHeyApiFunction(outDir: string): Promise<string | undefined> {
  const sdk = await readFile(path.join(outDir, 'sdk.gen.ts'), 'utf8');
  return /^export const (\w+) =/m.exec(sdk)?.[1];
}
