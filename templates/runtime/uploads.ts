/**
 * What a file field (`format: binary`, `contentMediaType`) or a raw body accepts: the values users actually hold,
 * in a browser or in Node. A Node `fs.ReadStream` is an async iterable of bytes with a `path`; it is recognized by
 * shape, so this module needs no Node types.
 */
export type Uploadable =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | Response
  | AsyncIterable<Uint8Array | string>;

/** A Blob with a file name: a `File` where the runtime has one (Node 20+, browsers), a named Blob otherwise. */
export type FileLike = Blob & { readonly name: string };

export interface FileOptions {
  /** The part's content type; defaults to the value's own (a Blob's or Response's), else none. */
  type?: string;
  lastModified?: number;
}

/**
 * Reads any Uploadable into a named file, keeping its name and content type: a File's own name, a Node stream's
 * file name, a Response's last URL segment. Streams are read whole, so a retried request can send them again.
 */
export async function toFile(
  value: Uploadable | PromiseLike<Uploadable>,
  name?: string,
  options: FileOptions = {},
): Promise<FileLike> {
  const resolved = await value;
  const fileName = name ?? nameOf(resolved) ?? 'file';
  const type = options.type ?? typeOf(resolved);
  if (
    isNamedBlob(resolved) &&
    resolved.name === fileName &&
    resolved.type === type &&
    options.lastModified === undefined
  ) {
    return resolved;
  }
  return makeFile([await toBlob(resolved)], fileName, type, options.lastModified);
}

/** True for every Uploadable kind; plain strings, arrays and objects are fields, not files. */
export function isUploadable(value: unknown): value is Uploadable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return (
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof ReadableStream === 'function' && value instanceof ReadableStream) ||
    (typeof Response === 'function' && value instanceof Response) ||
    Symbol.asyncIterator in value
  );
}

/** The bytes of an Uploadable as a Blob (type kept), read once so retries can resend them. */
export async function toBlob(value: Uploadable): Promise<Blob> {
  if (value instanceof Blob) return value;
  if (value instanceof ArrayBuffer) return new Blob([value]);
  if (ArrayBuffer.isView(value)) return new Blob([bytesOf(value)]);
  if (value instanceof Response) return value.blob();
  const chunks: BlobPart[] = [];
  const source: AsyncIterable<unknown> =
    value instanceof ReadableStream ? iterate(value) : (value as AsyncIterable<unknown>);
  for await (const chunk of source) {
    chunks.push(
      typeof chunk === 'string' ? chunk : ArrayBuffer.isView(chunk) ? bytesOf(chunk) : String(chunk),
    );
  }
  return new Blob(chunks);
}

/** A copy of exactly the view's bytes (a Node Buffer may be a window on a larger pool). */
function bytesOf(view: ArrayBufferView): BlobPart {
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}

/** ReadableStream is async-iterable in Node but not yet in every browser. */
async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
  } finally {
    reader.releaseLock();
  }
}

function isNamedBlob(value: unknown): value is FileLike {
  return value instanceof Blob && typeof (value as { name?: unknown }).name === 'string';
}

function nameOf(value: Uploadable): string | undefined {
  if (isNamedBlob(value) && value.name !== '') return value.name;
  if (value instanceof Response) return lastSegment(value.url);
  const path = (value as { path?: unknown }).path;
  if (typeof path === 'string') return lastSegment(path);
  return undefined;
}

function typeOf(value: Uploadable): string {
  if (value instanceof Blob) return value.type;
  if (value instanceof Response) return value.headers.get('content-type') ?? '';
  return '';
}

function lastSegment(path: string): string | undefined {
  const segment = path.split(/[\\/]/).filter(Boolean).pop()?.split(/[?#]/)[0];
  return segment ? decodeURIComponentSafe(segment) : undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function makeFile(parts: BlobPart[], name: string, type: string, lastModified: number | undefined): FileLike {
  const FileClass = (globalThis as { File?: typeof File }).File;
  if (typeof FileClass === 'function') {
    return new FileClass(parts, name, { type, ...(lastModified === undefined ? {} : { lastModified }) });
  }
  const blob = new Blob(parts, { type });
  Object.defineProperty(blob, 'name', { value: name, enumerable: true });
  return blob as FileLike;
}
