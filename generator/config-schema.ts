import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { ConfigError } from './errors.js';
import { pointerSegment } from './json-pointer.js';
import { PACKAGE_ROOT } from './package-root.js';

/**
 * `schema/sdkgen.schema.json` is the one description of `sdkgen.json`: it ships with the package (editors read it
 * through the config's `$schema`), and the generator validates every config against it with Ajv before reading it.
 */
export const CONFIG_SCHEMA_FILE = path.join(PACKAGE_ROOT, 'schema/sdkgen.schema.json');

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(raw: unknown): readonly ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(
    JSON.parse(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')),
  );
  return validator(raw) ? [] : (validator.errors ?? []);
}

/** Every problem of a config at once, each naming the file and the JSON pointer; an unknown key names the nearest known one. */
export function configProblems(raw: unknown, configFile: string): ConfigError[] {
  const errors = validate(raw).filter(
    (e) =>
      e.keyword !== 'if' && !(e.keyword === 'const' && e.schemaPath.endsWith('/then/properties/style/const')),
  );
  const seen = new Set<string>();
  const problems: ConfigError[] = [];
  for (const error of errors) {
    const problem = describe(error);
    if (!problem || seen.has(problem.pointer + problem.message)) continue;
    seen.add(problem.pointer + problem.message);
    problems.push(new ConfigError(configFile, problem.message, problem.pointer || '/'));
  }
  return problems;
}

function describe(error: ErrorObject): { pointer: string; message: string } | undefined {
  const pointer = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const nearest = known.length ? closest(key, known) : undefined;
      const near = nearest && distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3));
      return {
        pointer: `${pointer}/${pointerSegment(key)}`,
        message: `unknown key "${key}"${near ? `; did you mean "${nearest}"?` : known.length ? ` (known: ${known.join(', ')})` : ''}`,
      };
    }
    case 'enum':
      return {
        pointer,
        message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'pattern': {
      const wanted = (error.parentSchema as { 'x-pattern-message'?: string } | undefined)?.[
        'x-pattern-message'
      ];
      return {
        pointer,
        message: `must be ${wanted ?? `a string matching ${String(error.params.pattern)}`}, got ${JSON.stringify(error.data)}`,
      };
    }
    case 'required':
      return { pointer, message: `needs "${String(error.params.missingProperty)}"` };
    case 'oneOf':
      return pointer === '/include'
        ? { pointer, message: 'must be "all" or a list of operationIds' }
        : { pointer, message: error.message ?? 'is not valid' };
    case 'const':
      // `include`'s "all" branch: the oneOf error above says it better.
      return pointer === '/include'
        ? undefined
        : { pointer, message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    default:
      return pointer === '/include' && error.schemaPath.includes('oneOf')
        ? undefined
        : { pointer, message: error.message ?? 'is not valid' };
  }
}
