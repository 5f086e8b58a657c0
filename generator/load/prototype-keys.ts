/**
 * The bundler and linter (@redocly/openapi-core 1.34) look keys up on plain objects (`type.properties[name]`): a
 * schema or property named `hasOwnProperty`, `valueOf` or `toLocaleString` finds Object.prototype's method, calls
 * it, and crashes ("Cannot convert undefined or null to object"). Such keys are renamed with a marker before the
 * bundler sees a document (and each `$ref` or mapping that names them), and renamed back in what it returns.
 */
const MARKER = '\uE000sdkgen\uE000';
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

const isInherited = (key: string) => INHERITED.has(key);

/** Encodes every inherited-name key, and the same names as pointer segments in `$ref`s and mappings. Mutates. */
export function encodePrototypeKeys(document: unknown): boolean {
  let changed = false;
  transform(
    document,
    (key) => {
      if (!isInherited(key)) return key;
      changed = true;
      return key + MARKER;
    },
    encodeRef,
  );
  return changed;
}

/** Undoes `encodePrototypeKeys`. Mutates. */
export function decodePrototypeKeys(document: unknown): void {
  transform(document, (key) => (key.endsWith(MARKER) ? key.slice(0, -MARKER.length) : key), decodeText);
}

/** A pointer or message as the user wrote it. */
export function decodeText(text: string): string {
  return text.includes(MARKER) ? text.replaceAll(MARKER, '') : text;
}

function encodeRef(ref: string): string {
  const hash = ref.indexOf('#');
  if (hash === -1) return ref;
  const segments = ref.slice(hash + 1).split('/');
  return ref.slice(0, hash + 1) + segments.map((s) => (isInherited(s) ? s + MARKER : s)).join('/');
}

/** Rewrites keys (order kept) and `$ref` / discriminator mapping strings, iteratively. */
function transform(
  root: unknown,
  renameKey: (key: string) => string,
  rewriteRef: (ref: string) => string,
): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.some((key) => renameKey(key) !== key)) {
      const entries = keys.map((key) => [renameKey(key), record[key]] as const);
      for (const key of keys) delete record[key];
      for (const [key, value] of entries)
        Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    }
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (key === '$ref' && typeof value === 'string') record[key] = rewriteRef(value);
      else if (key === 'mapping' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const name of Object.keys(value)) {
          const target = (value as Record<string, unknown>)[name];
          // A mapping may name a schema instead of pointing at it (`dog: Dog`).
          if (typeof target === 'string')
            (value as Record<string, unknown>)[name] = /[#/]/.test(target)
              ? rewriteRef(target)
              : renameKey(target);
        }
        stack.push(value);
      } else stack.push(value);
    }
  }
}
