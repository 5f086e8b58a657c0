import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { BaseResolver, isAbsoluteUrl, type Document, Source } from '@redocly/openapi-core';
import { displayPath, guardText } from './guard.js';
import { encodePrototypeKeys } from './prototype-keys.js';
import { checkReferenceDepth } from './ref-depth.js';

/**
 * Resolves external `$ref`s only inside the document's own folder tree, never over the network: a spec must not
 * make the generator read arbitrary files or reach the internet. The folder and every file are compared by their
 * real paths (`fs.realpath`), so a symlink inside the folder (to a file, or a folder) cannot lead outside it.
 */
export class SandboxedResolver extends BaseResolver {
  private readonly realRoot: Promise<string>;

  /** `rootFile` is the document the user named: it may itself be a link, its `$ref`s may not. */
  constructor(
    private readonly root: string,
    private readonly rootFile?: string,
  ) {
    super();
    this.realRoot = realpath(root).catch(() => path.resolve(root));
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) {
      throw new Error(
        `remote $ref ${absoluteRef} is not followed; vendor the file next to the spec and reference it by a relative path`,
      );
    }
    if (!isInside(this.root, absoluteRef)) {
      throw new Error(
        `$ref to ${absoluteRef} leaves the spec's folder (${this.root}); move the file inside it`,
      );
    }
    if (absoluteRef === this.rootFile) return super.loadExternalRef(absoluteRef);
    const real = await realpath(absoluteRef).catch(() => undefined);
    // A missing file is the base resolver's to report, in its words.
    if (real === undefined) return super.loadExternalRef(absoluteRef);
    if (!isInside(await this.realRoot, real)) {
      throw new Error(
        `$ref to ${absoluteRef} is a link to ${real}, outside the spec's folder (${this.root}); copy the file into the folder instead of linking it`,
      );
    }
    if ((await lstat(real)).isDirectory())
      throw new Error(`Expected a file but received a folder at ${absoluteRef}.`);
    // Read by the real path just checked, not through the link again.
    const content = await readFile(real, 'utf8');
    return new Source(absoluteRef, content.replace(/\r\n/g, '\n'));
  }

  /** Every file, the root included, is parsed strictly first (guard.ts), then its inherited-name keys encoded (prototype-keys.ts). */
  override parseDocument(source: Source, isRoot = false): Document {
    const shown = displayPath(source.absoluteRef);
    const parsed = guardText(source.body, shown, /\.json$/i.test(source.absoluteRef));
    // Its own references too, before the bundler walks them recursively.
    const depth =
      parsed && typeof parsed === 'object'
        ? checkReferenceDepth(parsed as Record<string, unknown>, shown).error
        : undefined;
    if (depth) throw depth;
    const document = super.parseDocument(source, isRoot);
    encodePrototypeKeys(document.parsed);
    return document;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
