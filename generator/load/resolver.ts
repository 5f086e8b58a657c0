import path from 'node:path';
import { BaseResolver, isAbsoluteUrl, type Document, type Source } from '@redocly/openapi-core';
import { displayPath, guardText } from './guard.js';

/**
 * Resolves external `$ref`s only inside the document's own folder tree, never over the network: a spec must not
 * make the generator read arbitrary files or reach the internet.
 */
export class SandboxedResolver extends BaseResolver {
  constructor(private readonly root: string) {
    super();
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) {
      throw new Error(`remote $ref ${absoluteRef} is not followed; vendor the file next to the spec and reference it by a relative path`);
    }
    const relative = path.relative(this.root, absoluteRef);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error(`$ref to ${absoluteRef} leaves the spec's folder (${this.root}); move the file inside it`);
    }
    return super.loadExternalRef(absoluteRef);
  }

  /** Every file, the root included, is parsed strictly first: see guard.ts. */
  override parseDocument(source: Source, isRoot = false): Document {
    guardText(source.body, displayPath(source.absoluteRef), /\.json$/i.test(source.absoluteRef));
    return super.parseDocument(source, isRoot);
  }
}
