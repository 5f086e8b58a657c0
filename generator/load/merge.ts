import { isDeepStrictEqual } from 'node:util';
import { GenerationErrors, SpecError } from '../errors.js';
import { HTTP_METHODS, isHttpMethod } from '../http-methods.js';
import { pointer } from '../json-pointer.js';
import type { BundledDocument, OpenAPIDocument } from './types.js';

export const SOURCE_EXTENSION = 'x-sdkgen-source';

/**
 * Merges a provider's documents into one API. Identical components are kept once; a component or operation
 * defined differently in two documents is an error naming both files and the pointer. Each document's top-level
 * `security` is pushed down into its operations, so merging never changes which operations need auth.
 * The documents are handed over, not copied: the first becomes the merged one and the others' parts move into it
 * (every caller has just loaded them; a copy of GitHub's description cost a quarter of a second and its garbage).
 */
export function mergeDocuments(documents: readonly BundledDocument[]): BundledDocument {
  const [first, ...rest] = documents;
  if (!first) throw new Error('mergeDocuments needs at least one document');
  const merged: OpenAPIDocument = first.document;
  const origin = new Map<string, string>();
  const errors: SpecError[] = [];
  annotate(merged, first.file, origin);
  for (const next of rest) {
    const doc = next.document;
    annotate(doc, next.file, origin);
    if (next.version !== first.version) {
      errors.push(
        new SpecError(
          next.file,
          '#/openapi',
          `OpenAPI ${next.version} differs from ${first.file} (${first.version})`,
          'vendor documents of one OpenAPI version per provider',
        ),
      );
    }
    mergePaths(merged, doc, next.file, origin, errors);
    mergeComponents(merged, doc, next.file, origin, errors);
    mergeTags(merged, doc);
  }
  if (errors.length) throw new GenerationErrors(errors);
  delete merged.security;
  return { file: first.file, document: merged, version: first.version };
}

function annotate(doc: OpenAPIDocument, file: string, origin: Map<string, string>): void {
  for (const [route, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op || typeof op !== 'object') continue;
      if (op.security === undefined && doc.security !== undefined) op.security = doc.security;
      op[SOURCE_EXTENSION] = file;
      if (!origin.has(pointer('paths', route, method))) origin.set(pointer('paths', route, method), file);
    }
  }
  for (const [section, entries] of Object.entries<any>(doc.components ?? {})) {
    for (const name of Object.keys(entries ?? {})) {
      const at = pointer('components', section, name);
      if (!origin.has(at)) origin.set(at, file);
    }
  }
}

function mergePaths(
  into: OpenAPIDocument,
  from: OpenAPIDocument,
  file: string,
  origin: Map<string, string>,
  errors: SpecError[],
) {
  into.paths ??= {};
  for (const [route, item] of Object.entries<any>(from.paths ?? {})) {
    const target = ownEntry(into.paths, route);
    for (const [key, value] of Object.entries<any>(item ?? {})) {
      if (!Object.hasOwn(target, key)) {
        define(target, key, value);
        continue;
      }
      const same = isHttpMethod(key)
        ? isDeepStrictEqual(withoutSource(target[key]), withoutSource(value))
        : isDeepStrictEqual(target[key], value);
      if (!same) {
        const at = pointer('paths', route, key);
        errors.push(
          new SpecError(
            file,
            at,
            `conflicts with the definition in ${origin.get(at) ?? 'another document'}`,
            'make both documents agree, or include the operation from one of them only',
          ),
        );
      }
    }
  }
}

function mergeComponents(
  into: OpenAPIDocument,
  from: OpenAPIDocument,
  file: string,
  origin: Map<string, string>,
  errors: SpecError[],
) {
  for (const [section, entries] of Object.entries<any>(from.components ?? {})) {
    into.components ??= {};
    const target = ownEntry(into.components, section);
    for (const [name, value] of Object.entries<any>(entries ?? {})) {
      if (!Object.hasOwn(target, name)) {
        define(target, name, value);
      } else if (!isDeepStrictEqual(target[name], value)) {
        const at = pointer('components', section, name);
        const firstFile = origin.get(at);
        errors.push(
          new SpecError(
            file,
            at,
            `differs from the same component in ${firstFile && firstFile !== file ? firstFile : 'another document'}`,
            'rename one of them, or make them identical',
          ),
        );
      }
    }
  }
}

function mergeTags(into: OpenAPIDocument, from: OpenAPIDocument) {
  if (!Array.isArray(from.tags)) return;
  into.tags ??= [];
  const known = new Set(into.tags.map((t: any) => t?.name));
  for (const tag of from.tags) if (!known.has(tag?.name)) into.tags.push(tag);
}

/**
 * Keys are spec text: `paths['__proto__'] ??= {}` would find Object.prototype and write into it. Own properties
 * only, defined rather than assigned.
 */
function ownEntry(parent: Record<string, any>, key: string): Record<string, any> {
  if (!Object.hasOwn(parent, key) || !parent[key] || typeof parent[key] !== 'object') define(parent, key, {});
  return parent[key];
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function withoutSource(op: any) {
  const { [SOURCE_EXTENSION]: _source, ...rest } = op ?? {};
  return rest;
}
