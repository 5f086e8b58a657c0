import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundle, createConfig, lintDocument, Source, type NormalizedProblem } from '@redocly/openapi-core';
import { GenerationErrors, SpecError } from '../errors.js';
import { lookupPointer } from '../json-pointer.js';
import { displayPath, guardText } from './guard.js';
import { checkRefs } from './check-refs.js';
import { aliasRefCycle } from '../repair/rules/alias-ref-cycle.js';
import { byteOrderMark } from '../repair/rules/byte-order-mark.js';
import type { RepairNote } from '../repair/types.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { decodePrototypeKeys, decodeText, encodePrototypeKeys } from './prototype-keys.js';
import { checkReferenceDepth } from './ref-depth.js';
import { SandboxedResolver } from './resolver.js';
import type { BundledDocument, LoadWarning } from './types.js';

export interface BundleOptions {
  /** Documents larger than this are refused before parsing. */
  maxBytes?: number;
}

export { DEFAULT_MAX_BYTES };

/**
 * Rules whose violations make a document impossible to generate from; others become warnings. Path parameters
 * that do not match their template and duplicate operationIds are the repair stage's (`undeclared-path-param`,
 * `unused-path-param`, `duplicate-operation-id`), so the linter's rules for them are off (the first would also
 * reject every non-ASCII template name).
 */
const FATAL_RULES = new Set([
  'no-unresolved-refs',
  'operation-parameters-unique',
  'path-declaration-must-exist',
  'bundler',
]);

const LINT_RULES = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'operation-operationId-unique': 'off',
  'path-parameters-defined': 'off',
  'operation-parameters-unique': 'error',
  'path-declaration-must-exist': 'error',
  'no-identical-paths': 'warn',
} as const;

/**
 * Reads one OpenAPI 3.0/3.1 document, resolves its `$ref`s into one document (internal refs kept), and checks it.
 * Throws every fatal problem at once, each with file and JSON pointer; returns the rest as warnings, and the
 * repairs that had to be made before parsing (a byte order mark) or bundling (alias-only `$ref` cycles, which the
 * bundler cannot follow).
 */
export async function bundleSpec(
  file: string,
  options: BundleOptions = {},
): Promise<{
  bundled: BundledDocument;
  warnings: LoadWarning[];
  repairs: (RepairNote & { file: string })[];
}> {
  const absolute = path.resolve(file);
  const shown = displayPath(absolute);
  const size = await stat(absolute).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0)
    throw new SpecError(shown, '#', 'file not found', 'check the path in the provider config or --spec');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    throw new SpecError(
      shown,
      '#',
      `document is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit`,
      'split it, or raise the limit with --max-size',
    );
  }
  // The root is parsed and checked here first, so what the bundler would refuse with a bare message (not an
  // object, wrong version) is reported with its pointer and a way out, and what it cannot follow (an alias-only
  // $ref cycle) is repaired first.
  const isJson = /\.json$/i.test(absolute);
  const raw = await readFile(absolute, 'utf8');
  // YAML allows a byte order mark; JSON does not.
  const bom = isJson ? byteOrderMark(raw) : { text: raw, repairs: [] };
  const text = bom.text;
  const root = guardText(text, shown, isJson);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new SpecError(
      shown,
      '#',
      `not an OpenAPI document (the top level is ${root === null ? 'null' : Array.isArray(root) ? 'an array' : typeof root}, not an object)`,
      'give a YAML or JSON file with `openapi: 3.1.0`, `info` and `paths` at the top level',
    );
  }
  detectVersion(shown, root as Record<string, unknown>);
  // Alias-only cycles first: they are repaired, so the checks below never see one.
  const cycles = aliasRefCycle(root as Record<string, unknown>);
  const repaired = cycles.document;
  const repairs = [...bom.repairs, ...cycles.repairs].map((note) => ({ ...note, file: shown }));
  const refs: { external?: boolean } = {};
  const rootRefs = checkRefs(repaired, shown, refs);
  // Before the bundler, which walks references recursively: a chain too deep for it is refused with its start.
  const depth = checkReferenceDepth(repaired, shown).error;
  if (rootRefs.length || depth) throw new GenerationErrors([...rootRefs, ...(depth ? [depth] : [])]);
  const config = await createConfig({ rules: LINT_RULES });
  const externalRefResolver = new SandboxedResolver(path.dirname(absolute), absolute);
  const skipBundle = !refs.external;
  let result;
  try {
    if (skipBundle) {
      // Nothing to bundle: the bundler would start from the tree parsed above and change only what this path does
      // too (bundling GitHub's 11 MB description again would cost seconds for no change, in JSON as in YAML).
      // The bundler always leaves a `components` object; so does this path, so both give the same document.
      repaired.components ??= {};
      inlineExampleRefs(repaired);
      encodePrototypeKeys(repaired);
      const bundled = { source: new Source(absolute, text), parsed: repaired };
      result = { bundle: bundled, problems: [] as NormalizedProblem[] };
    } else {
      // The root parsed above (strictly, and repaired) is what the bundler starts from; its inherited-name keys are
      // encoded as the resolver encodes every file it parses itself.
      encodePrototypeKeys(repaired);
      result = await bundle({
        doc: { source: new Source(absolute, text), parsed: repaired },
        config,
        dereference: false,
        externalRefResolver,
      });
    }
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const cause = (error as { originalError?: unknown }).originalError;
    if (cause instanceof SpecError) throw cause;
    const message = firstLine((error as Error).message);
    if (/circular pointer/i.test(message)) {
      throw new SpecError(
        shown,
        '#',
        '$ref cycle through external files with nothing in between',
        'make one schema in the cycle define a type (properties, items...) instead of only referring on',
      );
    }
    throw new SpecError(
      shown,
      '#',
      `cannot bundle: ${message}`,
      'check the $refs of the document and the files they name',
    );
  }
  const document = result.bundle.parsed as Record<string, unknown>;
  const version = detectVersion(shown, document);
  // Bundling brings other files' schemas in: the linter walks the whole, as recursively as the bundler.
  const bundledDepth = !skipBundle ? checkReferenceDepth(document, shown).error : undefined;
  if (bundledDepth) throw new GenerationErrors([bundledDepth]);
  const problems = [
    ...result.problems,
    ...(await lintDocument({ document: result.bundle, config: config.styleguide, externalRefResolver })),
  ];
  decodePrototypeKeys(document);
  for (const problem of problems) {
    (problem as { message: string }).message = decodeText(problem.message);
    for (const location of problem.location)
      (location as { pointer?: string }).pointer = location.pointer && decodeText(location.pointer);
  }
  const { fatal, warnings } = splitProblems(
    problems.filter((p) => !isMappingByName(document, p) && !isRepairedLater(document, p)),
    shown,
  );
  if (!skipBundle) fatal.push(...checkRefs(document, shown));
  if (fatal.length) throw new GenerationErrors(dedupe(fatal));
  return { bundled: { file: shown, document, version }, warnings, repairs };
}

/**
 * The bundler replaces a `$ref` inside an example value (`example`, `examples[i]`, `examples.x.value`) with what
 * it points at (specs use it to share example data); the path that skips bundling does the same, so both paths
 * give one document.
 */
function inlineExampleRefs(document: Record<string, unknown>): void {
  const resolve = (node: unknown, depth: number): unknown => {
    if (!node || typeof node !== 'object' || depth > 32) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const target = lookupPointer(document, ref);
      return target === undefined ? node : resolve(structuredClone(target), depth + 1);
    }
    for (const key in node)
      (node as Record<string, unknown>)[key] = resolve((node as Record<string, unknown>)[key], depth + 1);
    return node;
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (key === 'example' && child && typeof child === 'object')
        (node as Record<string, unknown>)[key] = resolve(child, 0);
      else if (key === 'examples' && Array.isArray(child))
        child.forEach((value, i) => (child[i] = resolve(value, 0)));
      else if (key === 'examples' && child && typeof child === 'object') {
        for (const example of Object.values(child)) {
          if (example && typeof example === 'object' && 'value' in example)
            (example as Record<string, unknown>).value = resolve(
              (example as Record<string, unknown>).value,
              0,
            );
        }
        visit(child);
      } else visit(child);
    }
  };
  visit(document);
}

function detectVersion(file: string, document: Record<string, unknown>): '3.0' | '3.1' {
  if (typeof document.swagger === 'string') {
    throw new SpecError(
      file,
      '#/swagger',
      `Swagger ${document.swagger} is not supported`,
      'convert it to OpenAPI 3.x (for example with swagger2openapi) first',
    );
  }
  const version = document.openapi;
  if (version !== undefined && typeof version !== 'string') {
    throw new SpecError(
      file,
      '#/openapi',
      `"openapi" must be a string, got ${JSON.stringify(version)}`,
      'quote the version: `openapi: "3.1.0"`',
    );
  }
  if (typeof version !== 'string') {
    throw new SpecError(
      file,
      '#/openapi',
      'missing "openapi" version field',
      'add `openapi: 3.1.0` (or 3.0.x) at the top level',
    );
  }
  if (/^3\.0\.\d+$/.test(version)) return '3.0';
  if (/^3\.1\.\d+$/.test(version)) return '3.1';
  throw new SpecError(
    file,
    '#/openapi',
    `OpenAPI version ${version} is not supported`,
    'sdkgen reads OpenAPI 3.0.x and 3.1.x: convert the document to one of them',
  );
}

/**
 * A discriminator mapping may name a component schema instead of giving a `$ref` (OpenAPI 3.0.3 §4.7.25); the
 * bundler reads such a name as a missing file. The model qualifies the name; here it is not a problem.
 */
function isMappingByName(document: Record<string, any>, problem: NormalizedProblem): boolean {
  const at = problem.location[0]?.pointer ?? '';
  if (
    !['bundler', 'no-unresolved-refs'].includes(problem.ruleId) ||
    !/\/discriminator\/mapping\/[^/]+$/.test(at)
  )
    return false;
  const node = lookupPointer(document, at);
  return (
    typeof node === 'string' && !/[/#]/.test(node) && Object.hasOwn(document.components?.schemas ?? {}, node)
  );
}

/**
 * Struct problems the repair stage corrects and reports itself, with its own rule name: a `type` outside the
 * standard set (`unknown-type`, `null-type-in-3-0`, `swagger-file-type`) and a `null` where a schema belongs
 * (`null-schema`). Reported here too, they would be fatal or said twice.
 */
function isRepairedLater(document: Record<string, unknown>, problem: NormalizedProblem): boolean {
  if (problem.ruleId !== 'struct') return false;
  // Only a schema's `type` (its list of JSON types); a security scheme's `type` stays the linter's.
  if (/^`type` can be one of the following only: "object"/.test(problem.message)) return true;
  const at = problem.location[0]?.pointer ?? '';
  return (
    /^Expected type `Schema` \(object\) but got `null`/.test(problem.message) &&
    lookupPointer(document, at) === null
  );
}

function splitProblems(problems: NormalizedProblem[], fallbackFile: string) {
  const fatal: SpecError[] = [];
  const warnings: LoadWarning[] = [];
  for (const problem of problems) {
    const location = problem.location[0];
    const file = location ? displayPath(location.source.absoluteRef) : fallbackFile;
    const pointer = location?.pointer ?? '';
    if (problem.severity === 'error' && (FATAL_RULES.has(problem.ruleId) || isStructural(problem, pointer))) {
      fatal.push(
        new SpecError(
          file,
          pointer,
          problem.message,
          /must be present/.test(problem.message) ? 'add the missing field' : hintFor(problem.ruleId),
        ),
      );
    } else {
      warnings.push({ file, pointer, message: `${problem.message} (${problem.ruleId})` });
    }
  }
  return { fatal, warnings };
}

/** Keys whose value the model reads to build operations and types: a wrong type there cannot be generated from. */
const STRUCTURAL_KEYS = new Set([
  'paths',
  'components',
  'schemas',
  'parameters',
  'requestBody',
  'responses',
  'content',
  'schema',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'additionalProperties',
  'type',
  '$ref',
  'name',
  'in',
  'discriminator',
  'mapping',
]);
const STRUCTURAL_ENTRY =
  /^#\/paths\/[^/]+(\/(get|put|post|delete|options|head|patch|trace))?$|\/(parameters\/\d+|responses\/[^/]+|properties\/[^/]+|schemas\/[^/]+)$/;

/**
 * A `struct` problem is fatal when it breaks what generation reads: a wrong type on a structural key or entry, or
 * a parameter without `name` or `in`. Wrong types on annotations (`examples`, `exclusiveMinimum` as a 3.0 boolean
 * in a 3.1 document) are common in real documents and stay warnings.
 */
function isStructural(problem: NormalizedProblem, at: string): boolean {
  if (problem.ruleId !== 'struct') return false;
  // The linter looks names up on plain objects: a schema or property called `constructor` finds Object.prototype's.
  if ((at.split('/').at(-1) ?? '') in Object.prototype) return false;
  if (/^`type` can be one of/.test(problem.message)) return true;
  if (/^Expected type/.test(problem.message))
    return STRUCTURAL_KEYS.has(at.split('/').at(-1) ?? '') || STRUCTURAL_ENTRY.test(at);
  return /^The field `(in|name|openapi)` must be present/.test(problem.message);
}

function hintFor(ruleId: string): string {
  switch (ruleId) {
    case 'struct':
      return 'give the value the type the OpenAPI specification requires there';
    case 'no-unresolved-refs':
    case 'bundler':
      return 'point the $ref at an existing component or file';
    case 'operation-parameters-unique':
      return 'remove the duplicate: a parameter is identified by its name and location';
    case 'path-declaration-must-exist':
      return 'put a parameter name between the braces of the path template';
    default:
      return 'correct the document at that location';
  }
}

function dedupe(errors: SpecError[]): SpecError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && seen.add(e.message));
}

export { displayPath };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const firstLine = (text: string) => text.split('\n')[0] ?? text;
