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

/** One operation of a generated package, from its manifest.json: the class call and the standalone function. */
export interface SdkgenOperation {
  /** `resolutionCenterCases` or a dotted path (`repos.pages`). */
  resource: string;
  method: string;
  functionName: string;
  /** The function's module under `src/funcs/`, without extension. */
  functionFile: string;
  coreClassName: string;
  httpMethod: string;
  path: string;
}

export async function sdkgenOperation(
  packageDir: string,
  operationId: string,
): Promise<SdkgenOperation | undefined> {
  const manifest = JSON.parse(await readFile(path.join(packageDir, 'manifest.json'), 'utf8')) as {
    packageName: string;
    clientName: string;
    operations: {
      operationId: string;
      method: string;
      path: string;
      resource: string;
      methodName: string;
      function: { name: string; module: string };
    }[];
  };
  const op = manifest.operations.find((o) => o.operationId === operationId);
  if (!op) return undefined;
  return {
    resource: op.resource,
    method: op.methodName,
    functionName: op.function.name,
    functionFile: op.function.module.slice(`${manifest.packageName}/funcs/`.length),
    coreClassName: `${manifest.clientName}Core`,
    httpMethod: op.method.toLowerCase(),
    path: op.path,
  };
}

/** An app that constructs the sdkgen core client and calls one standalone function. */
export function sdkgenFunctionApp(packageDir: string, op: SdkgenOperation, args: unknown[]): string {
  const src = path.join(packageDir, 'src');
  return [
    `import { ${op.coreClassName} } from ${JSON.stringify(path.join(src, 'core.ts'))};`,
    `import { ${op.functionName} } from ${JSON.stringify(path.join(src, 'funcs', `${op.functionFile}.ts`))};`,
    `const client = new ${op.coreClassName}({ apiKey: 'key' });`,
    `${op.functionName}(${['client', ...args.map((a) => JSON.stringify(a))].join(', ')}).then((r) => console.log(r));`,
  ].join('\n');
}

/** The hey-api SDK function that sends `method path`, read from its sdk.gen.ts. */
export async function heyApiFunctionFor(
  outDir: string,
  method: string,
  urlPath: string,
): Promise<string | undefined> {
  const sdk = await readFile(path.join(outDir, 'sdk.gen.ts'), 'utf8');
  for (const chunk of sdk.split(/^export const /m).slice(1)) {
    if (chunk.includes(`.${method}<`) && chunk.includes(`url: '${urlPath}'`))
      return /^(\w+)/.exec(chunk)?.[1];
  }
  return undefined;
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
