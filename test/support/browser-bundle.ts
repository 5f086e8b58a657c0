import { build } from 'esbuild';

/** An app for the browser: its source, the folder its imports resolve from, and whether it is TypeScript. */
export interface BrowserApp {
  source: string;
  resolveDir: string;
  loader?: 'ts' | 'js';
}

/**
 * esbuild's browser bundle of an app (an ES2022 module, minified unless `minify: false`): the script a page loads,
 * which the browser tests run in chromium and the tree-shaking tests search for other code.
 */
export async function browserBundle(app: BrowserApp, { minify = true } = {}): Promise<string> {
  const result = await build({
    stdin: {
      contents: app.source,
      loader: app.loader ?? 'ts',
      resolveDir: app.resolveDir,
      sourcefile: 'app.ts',
    },
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
