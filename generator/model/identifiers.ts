import pluralize from 'pluralize';

/**
 * Safe, deterministic identifiers. Names are made legal here, in the model, never in the printer; wire names are
 * kept untouched alongside.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of await async undefined never unknown object bigint ' +
    'arguments eval NaN Infinity'
  ).split(' '),
);

/** Splits any name into words: camelCase, snake_case, kebab-case, spaces, dots, slashes and digits boundaries. */
export function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

export function pascalCase(name: string): string {
  return words(name).map(capitalize).join('');
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function kebabCase(name: string): string {
  return words(name)
    .map((w) => w.toLowerCase())
    .join('-');
}

/** True for a name usable as is: as a variable (not reserved) or after a dot (`p.name`, any identifier). */
export function isIdentifier(name: string, use: 'variable' | 'property' = 'variable'): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && (use === 'property' || !RESERVED.has(name));
}

/** Keeps the name when it is already a legal identifier; otherwise camel-cases it and fixes what remains. */
export function safeIdentifier(name: string, style: 'camel' | 'pascal' = 'camel'): string {
  if (isIdentifier(name)) return name;
  let result = style === 'pascal' ? pascalCase(name) : camelCase(name);
  if (!result) result = style === 'pascal' ? 'Unnamed' : 'unnamed';
  if (/^[0-9]/.test(result)) result = (style === 'pascal' ? 'N' : 'n') + result;
  if (RESERVED.has(result)) result = result + '_';
  return result;
}

/**
 * A camelCase name for a class member. Unlike a variable, a member may be a reserved word (`client.x.delete()`,
 * `.get()`); only a leading digit needs fixing. `constructor` and other taken names are the caller's scope's job.
 */
export function memberName(name: string): string {
  const result = camelCase(name) || 'call';
  return /^[0-9]/.test(result) ? `n${result}` : result;
}

/** A PascalCase type name that is always a legal identifier. */
export function typeName(name: string): string {
  let result = pascalCase(name) || 'Unnamed';
  if (/^[0-9]/.test(result)) result = 'N' + result;
  return result;
}

/** English singular through `pluralize` (movies -> movie, series -> series, indices -> index), keeping the case. */
export function singularize(word: string): string {
  return MASS_NOUNS.has(word.toLowerCase()) ? word : pluralize.singular(word);
}

/** Words APIs use as mass nouns: `data` names a collection of records, not many a datum. */
const MASS_NOUNS = new Set(['data', 'metadata']);

/**
 * Hands out names unique within one scope, case-insensitively (files on macOS and Windows are case-insensitive,
 * and `Foo` next to `foo` invites mistakes). A taken name gets the first free numeric suffix.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  /** The names taken so far, to seed another scope. */
  snapshot(): string[] {
    return [...this.taken];
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
