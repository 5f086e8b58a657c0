import { applyPatch, type Operation } from 'rfc6902';
import { ConfigError, GenerationErrors } from '../errors.js';
import type { OpenAPIDocument } from './types.js';

/** A JSON Patch (RFC 6902) operation from a provider config: add, remove, replace, move, copy or test. */
export type PatchOperation = Operation;

/**
 * Applies the provider config's JSON Patch to the merged document, so corrections to an upstream spec never edit the
 * vendored text. RFC 6902 semantics come from `rfc6902` (insert at an array index, move, copy, test); a patch applies
 * as a whole or not at all, and every failing operation is reported with its index.
 */
export function applyPatches(
  document: OpenAPIDocument,
  patches: readonly PatchOperation[],
  configFile: string,
): OpenAPIDocument {
  if (!patches.length) return document;
  const result = structuredClone(document);
  const operations = patches.map((patch, index) => normalize(patch, index, configFile));
  const problems = applyPatch(result, operations)
    .map((error, index) =>
      error
        ? new ConfigError(
            configFile,
            `patches[${index}]: cannot ${patches[index]!.op} at ${patches[index]!.path}: ${error.message}`,
          )
        : undefined,
    )
    .filter((error) => error !== undefined);
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new GenerationErrors(problems);
  return result;
}

/** Accepts `#/a/b` as well as `/a/b`; refuses pointers that would reach an object's prototype. */
function normalize(patch: PatchOperation, index: number, configFile: string): PatchOperation {
  const pointers = { path: patch.path, ...('from' in patch ? { from: patch.from } : {}) };
  const fixed: Record<string, string> = {};
  for (const [field, pointer] of Object.entries(pointers)) {
    const text = pointer.startsWith('#') ? pointer.slice(1) : pointer;
    if (text !== '' && !text.startsWith('/'))
      throw new ConfigError(
        configFile,
        `patches[${index}].${field} must be a JSON pointer like /paths/~1x/get`,
      );
    if (
      text
        .split('/')
        .some((segment) => segment === '__proto__' || segment === 'prototype' || segment === 'constructor')
    ) {
      throw new ConfigError(configFile, `patches[${index}].${field}: ${pointer} reaches an object prototype`);
    }
    fixed[field] = text;
  }
  return { ...patch, ...fixed } as PatchOperation;
}
