import path from 'node:path';
import YAML from 'yaml';
import { SpecError } from '../errors.js';
import { pointer } from '../json-pointer.js';
import { fastYaml } from './fast-yaml.js';

/** Deeper than any real API description; recursive walkers downstream would overflow the stack long before. */
export const MAX_DEPTH = 256;
/** YAML aliases allowed per document: enough for anchors in real specs, too few for a "billion laughs" expansion. */
const MAX_ALIASES = 1000;
/**
 * Nodes (objects, arrays and scalars) a YAML document may have once every alias is expanded, as the bundler and
 * everything after it see it: four times GitHub's whole REST description (258k nodes), while one anchored array
 * aliased a thousand times (the yaml library's alias count lets that through) is tens of millions.
 */
export const MAX_EXPANDED_NODES = 1_000_000;

/**
 * Parses a document's text strictly before the bundler sees it, so hostile or broken input fails with a message a
 * person can act on (line and column for syntax, the pointer of the deepest node for nesting) instead of a hang,
 * an exponential alias expansion or a stack overflow later on.
 */
export function guardText(text: string, shown: string, json: boolean): unknown {
  if (text.includes('\0'))
    throw new SpecError(
      shown,
      '#',
      'not a text file (it contains NUL bytes)',
      'give the path of the OpenAPI document itself, in YAML or JSON',
    );
  const value = json ? parseJson(text, shown) : parseYaml(text, shown);
  checkShape(value, shown);
  return value;
}

function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : ` (${lineColumn(text, Number(position))})`;
    throw new SpecError(
      shown,
      '#',
      `invalid JSON${where}: ${printable(message.replace(/ in JSON at position \d+.*$/, ''))}`,
      'fix the JSON syntax there (a validator or your editor shows the exact spot)',
    );
  }
}

function parseYaml(text: string, shown: string): unknown {
  // The strict parser below takes 4 s on a 10 MB document: the fast one reads what it can vouch for.
  const fast = fastYaml(text);
  if (fast) return fast.value;
  return strictYaml(text, shown);
}

/** The `yaml` library, whose errors give line and column, with a unique-key check and an alias budget. */
export function strictYaml(text: string, shown: string): unknown {
  // The library's own unique-key check compares each key with every earlier one: 20,000 schemas took 5 s.
  const lineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { uniqueKeys: false, prettyErrors: true, lineCounter });
  const [error] = document.errors;
  if (error) {
    const at = error.linePos?.[0];
    const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new SpecError(
      shown,
      '#',
      `invalid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${printable(reason)}`,
      'fix the YAML syntax there',
    );
  }
  const duplicate = duplicateKey(document);
  if (duplicate) {
    const at = duplicate.range ? lineCounter.linePos(duplicate.range[0]) : undefined;
    throw new SpecError(
      shown,
      '#',
      `invalid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: Map keys must be unique`,
      'fix the YAML syntax there',
    );
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    throw new SpecError(
      shown,
      '#',
      `refused: ${firstLine((cause as Error).message)}`,
      'expand the YAML anchors and aliases by hand, or use $ref to components instead',
    );
  }
}

/** The first key that repeats in its mapping, each mapping checked with a set. */
function duplicateKey(document: YAML.Document): YAML.Scalar | undefined {
  let found: YAML.Scalar | undefined;
  YAML.visit(document, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const pair of map.items) {
        if (!YAML.isScalar(pair.key)) continue;
        if (keys.has(pair.key.value)) {
          found = pair.key;
          return YAML.visit.BREAK;
        }
        keys.add(pair.key.value);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Size after alias expansion and nesting depth, in one pass over the distinct nodes: an alias is the same object
 * as its anchor, so each is measured once and counted as often as it appears. Iterative, so depth cannot overflow.
 */
function checkShape(value: unknown, shown: string): void {
  const measured = new Map<object, { size: number; height: number }>();
  const entering = new Set<object>();
  const stack: { node: object; expanded: boolean }[] =
    value && typeof value === 'object' ? [{ node: value, expanded: false }] : [];
  let distinct = 0;
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (!frame.expanded) {
      if (measured.has(frame.node)) {
        stack.pop();
        continue;
      }
      if (entering.has(frame.node))
        throw new SpecError(
          shown,
          '#',
          'a YAML alias refers to a node that contains it',
          'expand the YAML anchors and aliases by hand, or use $ref to components instead',
        );
      entering.add(frame.node);
      frame.expanded = true;
      distinct++;
      if (entering.size > MAX_DEPTH + 1)
        throw depthError(
          shown,
          stack.filter((f) => f.expanded).map((f) => f.node),
        );
      for (const child of Object.values(frame.node)) {
        if (!child || typeof child !== 'object') continue;
        const known = measured.get(child);
        // An alias met again deeper down: its height is known, so is how deep it reaches from here.
        if (known && entering.size + known.height > MAX_DEPTH)
          throw depthError(shown, [...stack.filter((f) => f.expanded).map((f) => f.node), child]);
        if (!known) stack.push({ node: child, expanded: false });
      }
      continue;
    }
    stack.pop();
    entering.delete(frame.node);
    let size = 1;
    let height = 0;
    for (const child of Object.values(frame.node)) {
      const m = child && typeof child === 'object' ? measured.get(child)! : { size: 1, height: -1 };
      size += m.size;
      height = Math.max(height, m.height + 1);
    }
    measured.set(frame.node, { size, height });
  }
  const total = value && typeof value === 'object' ? measured.get(value)!.size : 1;
  if (total > MAX_EXPANDED_NODES && measured.size > 0 && total > distinctNodes(measured, distinct)) {
    throw new SpecError(
      shown,
      '#',
      `refused: YAML aliases expand the document to ${total.toLocaleString('en-US')} nodes, over the budget of ${MAX_EXPANDED_NODES.toLocaleString('en-US')}`,
      'expand the YAML anchors and aliases by hand, or use $ref to components instead',
    );
  }
}

/** Nodes without expansion: the distinct objects plus their scalar children. */
function distinctNodes(measured: Map<object, unknown>, distinct: number): number {
  let scalars = 0;
  for (const node of measured.keys())
    for (const child of Object.values(node)) if (!child || typeof child !== 'object') scalars++;
  return distinct + scalars;
}

function depthError(shown: string, chain: object[]): SpecError {
  const path: string[] = [];
  for (let i = 1; i < chain.length && path.length < 12; i++) {
    const parent = chain[i - 1] as Record<string, unknown>;
    path.push(Object.keys(parent).find((key) => parent[key] === chain[i]) ?? '?');
  }
  return new SpecError(
    shown,
    pointer(...path) + '/...',
    `nested more than ${MAX_DEPTH} levels deep`,
    'name the inner schemas as components and $ref them',
  );
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
