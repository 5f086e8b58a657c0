import { ConfigError } from '../errors.js';
import { unescapeToken } from '../json-pointer.js';
import type { PatchOperation } from '../providers.js';
import type { OpenAPIDocument } from './types.js';

/**
 * Applies the provider config's JSON Patch (RFC 6902 add/replace/remove) to the merged document, so corrections to
 * an upstream spec never edit the vendored text.
 */
export function applyPatches(document: OpenAPIDocument, patches: readonly PatchOperation[], configFile: string): OpenAPIDocument {
  if (!patches.length) return document;
  const result = structuredClone(document);
  for (const [index, patch] of patches.entries()) {
    const segments = parsePointer(patch.path, configFile, index);
    const key = segments.pop();
    let parent: any = result;
    for (const segment of segments) {
      parent = parent?.[segment];
      if (parent === undefined) throw new ConfigError(configFile, `patches[${index}]: ${patch.path} does not exist in the document`);
    }
    if (key === undefined || typeof parent !== 'object' || parent === null) {
      throw new ConfigError(configFile, `patches[${index}]: cannot apply ${patch.op} at ${patch.path}`);
    }
    if (patch.op === 'remove') {
      if (!(key in parent)) throw new ConfigError(configFile, `patches[${index}]: nothing to remove at ${patch.path}`);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (patch.op === 'replace' && !(key in parent)) {
      throw new ConfigError(configFile, `patches[${index}]: nothing to replace at ${patch.path}`);
    } else if (Array.isArray(parent) && key === '-') {
      parent.push(patch.value);
    } else {
      parent[key] = structuredClone(patch.value);
    }
  }
  return result;
}

function parsePointer(pointer: string, configFile: string, index: number): string[] {
  const text = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!text.startsWith('/')) throw new ConfigError(configFile, `patches[${index}].path must be a JSON pointer like /paths/~1x/get`);
  return text.slice(1).split('/').map(unescapeToken);
}
