import * as prettier from 'prettier';

export const PRETTIER_OPTIONS: prettier.Options = {
  printWidth: 110,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
};

const PARSERS: Record<string, string> = { '.ts': 'typescript', '.json': 'json', '.md': 'markdown' };

/**
 * Above these sizes a file keeps the layout it was emitted with: prettier takes ~3 s per MB of TypeScript and ~30 s
 * per MB of Markdown, and a 1,000-operation API has a 5 MB `models.ts` and a 4 MB `api.md`. TypeScript printed by
 * the compiler is re-indented to two spaces; Markdown comes from templates already laid out.
 */
export const PRETTIER_MAX_BYTES: Record<string, number> = {
  typescript: 512 * 1024,
  markdown: 64 * 1024,
  json: Infinity,
};

/** Above this much TypeScript in one package, none of it goes through prettier (GitHub's resources: 1.5 MB, 5 s). */
export const PRETTIER_MAX_TOTAL_TS_BYTES = 1024 * 1024;

/** Formats every file prettier knows, in a fixed configuration so output never depends on the machine. */
export async function formatFiles(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  let typescriptBytes = 0;
  for (const [file, text] of files) if (file.endsWith('.ts')) typescriptBytes += text.length;
  const tooMuchTypeScript = typescriptBytes > PRETTIER_MAX_TOTAL_TS_BYTES;
  const entries = await Promise.all(
    [...files].map(async ([file, text]): Promise<[string, string]> => {
      const parser = PARSERS[file.slice(file.lastIndexOf('.'))];
      if (!parser) return [file, text];
      if (parser === 'typescript' && tooMuchTypeScript) return [file, reindent(text)];
      if (text.length > (PRETTIER_MAX_BYTES[parser] ?? Infinity))
        return [file, parser === 'typescript' ? reindent(text) : text];
      return [file, await prettier.format(text, { ...PRETTIER_OPTIONS, parser })];
    }),
  );
  return new Map(entries);
}

/**
 * openapi-typescript's printer indents by four spaces; halve each leading group of four, keeping JSDoc's extra
 * space. Text already indented by two is left alone.
 */
export function reindent(text: string): string {
  const fourSpaced = /^ {4}\S/m.test(text) && !/^ {2}\S/m.test(text);
  const body = fourSpaced ? text.replace(/^( {4})+/gm, (indent) => ' '.repeat(indent.length / 2)) : text;
  return body.replace(/\n*$/, '\n');
}
