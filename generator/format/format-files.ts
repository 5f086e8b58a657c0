import * as prettier from 'prettier';

export const PRETTIER_OPTIONS: prettier.Options = { printWidth: 110, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' };

const PARSERS: Record<string, string> = { '.ts': 'typescript', '.json': 'json', '.md': 'markdown' };

/** Formats every file prettier knows, in a fixed configuration so output never depends on the machine. */
export async function formatFiles(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const entries = await Promise.all(
    [...files].map(async ([file, text]): Promise<[string, string]> => {
      const parser = PARSERS[file.slice(file.lastIndexOf('.'))];
      if (!parser) return [file, text];
      return [file, await prettier.format(text, { ...PRETTIER_OPTIONS, parser })];
    }),
  );
  return new Map(entries);
}
