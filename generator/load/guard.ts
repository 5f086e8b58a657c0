import path from 'node:path';
import YAML from 'yaml';
import { SpecError } from '../errors.js';
import { pointer } from '../json-pointer.js';

/** Deeper than any real API description; recursive walkers downstream would overflow the stack long before. */
export const MAX_DEPTH = 256;
/** YAML aliases allowed per document: enough for anchors in real specs, too few for a "billion laughs" expansion. */
const MAX_ALIASES = 1000;

/**
 * Parses a document's text strictly before the bundler sees it, so hostile or broken input fails with a message a
 * person can act on (line and column for syntax, the pointer of the deepest node for nesting) instead of a hang,
 * an exponential alias expansion or a stack overflow later on.
 */
export function guardText(text: string, shown: string, json: boolean): unknown {
  const value = json ? parseJson(text, shown) : parseYaml(text, shown);
  checkDepth(value, shown);
  return value;
}

function parseJson(text: string, shown: string): unknown {
  if (text.includes('\0')) throw new SpecError(shown, '#', 'not a text file (it contains NUL bytes)', 'give the path of the OpenAPI document itself, in YAML or JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : ` (${lineColumn(text, Number(position))})`;
    throw new SpecError(shown, '#', `invalid JSON${where}: ${printable(message.replace(/ in JSON at position \d+.*$/, ''))}`, 'fix the JSON syntax there (a validator or your editor shows the exact spot)');
  }
}

function parseYaml(text: string, shown: string): unknown {
  if (text.includes('\0')) throw new SpecError(shown, '#', 'not a text file (it contains NUL bytes)', 'give the path of the OpenAPI document itself, in YAML or JSON');
  const document = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [error] = document.errors;
  if (error) {
    const at = error.linePos?.[0];
    const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new SpecError(shown, '#', `invalid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${printable(reason)}`, 'fix the YAML syntax there');
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    throw new SpecError(shown, '#', `refused: ${firstLine((cause as Error).message)}`, 'expand the YAML anchors and aliases by hand, or use $ref to components instead');
  }
}

function checkDepth(value: unknown, shown: string): void {
  const stack: { node: unknown; path: string[] }[] = [{ node: value, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      throw new SpecError(shown, pointer(...path.slice(0, 12)) + '/...', `nested more than ${MAX_DEPTH} levels deep`, 'name the inner schemas as components and $ref them');
    }
    for (const [key, child] of Object.entries(node)) if (child && typeof child === 'object') stack.push({ node: child, path: [...path, key] });
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

const firstLine = (text: string) => text.split('\n')[0] ?? text;
/** Control characters from a binary file would garble the terminal; long excerpts drown the message. */
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?').slice(0, 200);

/** A path as shown to the user: relative to the working directory when inside it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') ? relative : absolute;
}
