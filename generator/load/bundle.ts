import { stat } from 'node:fs/promises';
import path from 'node:path';
import { bundle, createConfig, lintDocument, type NormalizedProblem } from '@redocly/openapi-core';
import { GenerationErrors, SpecError } from '../errors.js';
import { SandboxedResolver } from './resolver.js';
import type { BundledDocument, LoadWarning } from './types.js';

export interface BundleOptions {
  /** Documents larger than this are refused before parsing. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 40 * 1024 * 1024;

/** Rules whose violations make a document impossible to generate from; others become warnings. */
const FATAL_RULES = new Set([
  'no-unresolved-refs',
  'operation-operationId-unique',
  'path-parameters-defined',
  'operation-parameters-unique',
  'path-declaration-must-exist',
  'bundler',
]);

const LINT_RULES = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'operation-operationId-unique': 'error',
  'path-parameters-defined': 'error',
  'operation-parameters-unique': 'error',
  'path-declaration-must-exist': 'error',
  'no-identical-paths': 'warn',
} as const;

/**
 * Reads one OpenAPI 3.0/3.1 document, resolves its `$ref`s into one document (internal refs kept), and checks it.
 * Throws every fatal problem at once, each with file and JSON pointer; returns the rest as warnings.
 */
export async function bundleSpec(
  file: string,
  options: BundleOptions = {},
): Promise<{ bundled: BundledDocument; warnings: LoadWarning[] }> {
  const absolute = path.resolve(file);
  const shown = displayPath(absolute);
  const size = await stat(absolute).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0) throw new SpecError(shown, '', 'file not found', 'check the path in the provider config or --spec');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    throw new SpecError(shown, '', `document is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit`, 'split it, or raise the limit with --max-size');
  }
  const config = await createConfig({ rules: LINT_RULES });
  const externalRefResolver = new SandboxedResolver(path.dirname(absolute));
  let result;
  try {
    result = await bundle({ ref: absolute, config, dereference: false, externalRefResolver });
  } catch (error) {
    throw new SpecError(shown, '', `cannot parse: ${firstLine((error as Error).message)}`, 'fix the YAML/JSON syntax');
  }
  const parsed = result.bundle.parsed as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SpecError(shown, '', 'not an OpenAPI document (the top level must be an object)', 'check the file is YAML or JSON');
  }
  const document = parsed as Record<string, unknown>;
  const version = detectVersion(shown, document);
  const problems = [
    ...result.problems,
    ...(await lintDocument({ document: result.bundle, config: config.styleguide, externalRefResolver })),
  ];
  const { fatal, warnings } = splitProblems(problems.filter((p) => !isMappingByName(document, p)), shown);
  if (fatal.length) throw new GenerationErrors(dedupe(fatal));
  return { bundled: { file: shown, document, version }, warnings };
}

function detectVersion(file: string, document: Record<string, unknown>): '3.0' | '3.1' {
  if (typeof document.swagger === 'string') {
    throw new SpecError(file, '#/swagger', `Swagger ${document.swagger} is not supported`, 'convert it to OpenAPI 3.x (for example with swagger2openapi) first');
  }
  const version = document.openapi;
  if (typeof version !== 'string') {
    throw new SpecError(file, '#/openapi', 'missing "openapi" version field', 'add `openapi: 3.1.0` (or 3.0.x) at the top level');
  }
  if (/^3\.0\.\d+$/.test(version)) return '3.0';
  if (/^3\.1\.\d+$/.test(version)) return '3.1';
  throw new SpecError(file, '#/openapi', `OpenAPI version ${version} is not supported`, 'sdkgen reads OpenAPI 3.0.x and 3.1.x');
}

/**
 * A discriminator mapping may name a component schema instead of giving a `$ref` (OpenAPI 3.0.3 §4.7.25); the
 * bundler reads such a name as a missing file. The model qualifies the name; here it is not a problem.
 */
function isMappingByName(document: Record<string, any>, problem: NormalizedProblem): boolean {
  const at = problem.location[0]?.pointer ?? '';
  if (!['bundler', 'no-unresolved-refs'].includes(problem.ruleId) || !/\/discriminator\/mapping\/[^/]+$/.test(at)) return false;
  let node: any = document;
  for (const segment of at.replace(/^#\//, '').split('/')) node = node?.[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  return typeof node === 'string' && !/[/#]/.test(node) && Object.hasOwn(document.components?.schemas ?? {}, node);
}

function splitProblems(problems: NormalizedProblem[], fallbackFile: string) {
  const fatal: SpecError[] = [];
  const warnings: LoadWarning[] = [];
  for (const problem of problems) {
    const location = problem.location[0];
    const file = location ? displayPath(location.source.absoluteRef) : fallbackFile;
    const pointer = location?.pointer ?? '';
    if (problem.severity === 'error' && FATAL_RULES.has(problem.ruleId)) {
      fatal.push(new SpecError(file, pointer, problem.message, hintFor(problem.ruleId)));
    } else {
      warnings.push({ file, pointer, message: `${problem.message} (${problem.ruleId})` });
    }
  }
  return { fatal, warnings };
}

function hintFor(ruleId: string): string | undefined {
  switch (ruleId) {
    case 'no-unresolved-refs':
    case 'bundler':
      return 'point the $ref at an existing component or file';
    case 'operation-operationId-unique':
      return 'give every operation a unique operationId';
    case 'path-parameters-defined':
      return 'declare every {param} of the path template in `parameters` with `in: path`';
    default:
      return undefined;
  }
}

function dedupe(errors: SpecError[]): SpecError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && seen.add(e.message));
}

export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') ? relative : absolute;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const firstLine = (text: string) => text.split('\n')[0] ?? text;
