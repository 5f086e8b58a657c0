/**
 * Turns the TypeScript examples of a README into one module that a strict compiler can check: imports go first
 * (once each), the block that creates `client` runs at the top level, and every other block becomes the body of an
 * async function, so blocks that each declare `page` or `result` do not clash.
 */
export function readmeSnippetsModule(readme: string): string {
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  if (!blocks.length) throw new Error('the README has no ```ts examples');
  const imports = new Set<string>();
  const bodies = blocks.map((block) =>
    block
      .split('\n')
      .filter((line) => {
        if (!line.startsWith('import ')) return true;
        imports.add(line);
        return false;
      })
      .join('\n')
      .trim(),
  );
  const setup = bodies.findIndex((body) => /^const client = /m.test(body));
  if (setup === -1) throw new Error('no README example creates `client`');
  return [
    ...imports,
    '',
    '// The README reads credentials from the environment; this consumer compiles without @types/node.',
    'declare const process: { env: Record<string, string | undefined> };',
    '',
    bodies[setup],
    ...bodies.flatMap((body, i) =>
      i === setup ? [] : ['', `export async function example${i}(): Promise<void> {`, body, '}'],
    ),
    '',
  ].join('\n');
}
