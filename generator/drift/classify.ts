import semver from 'semver';

/**
 * What a change means for code written against the generated package: breaking (it may stop compiling or stop
 * working), non-breaking (new capability, old code keeps working), docs-only (comments, README, api.md).
 */
export type ChangeClass = 'breaking' | 'non-breaking' | 'docs-only';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'method-moved'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-required'
  | 'parameter-optional'
  | 'body-added'
  | 'body-removed'
  | 'body-required'
  | 'body-optional'
  | 'response-changed'
  | 'field-added'
  | 'field-removed'
  | 'field-required'
  | 'field-optional'
  | 'type-changed'
  | 'nullable-added'
  | 'nullable-removed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'format-changed'
  | 'default-changed'
  | 'security-changed'
  | 'security-scheme-changed'
  | 'server-changed'
  | 'pagination-broken'
  | 'pagination-changed'
  | 'export-added'
  | 'export-removed'
  | 'export-changed'
  | 'deprecated-changed'
  | 'description-changed'
  | 'example-changed';

/** Which way data flows where the change is: the client sends requests and reads responses. */
export type Direction = 'request' | 'response' | 'none';

/** The facts a classification needs beyond the kind. */
export interface ChangeFacts {
  kind: ChangeKind;
  direction: Direction;
  /** For additions: whether the new parameter, field or body is required. */
  required?: boolean;
  /** For type changes: the new type holds every old value (widened) or the old type every new one (narrowed). */
  widened?: boolean;
  narrowed?: boolean;
  /** For enum changes: the generated union also accepts unknown strings (`enums: 'open'`, string values). */
  openEnum?: boolean;
  /** For security changes: the operation no longer needs, or now needs, credentials, or only gained alternatives. */
  securityRelaxed?: boolean;
}

/**
 * The rules, one per kind. A response may gain anything a reader can ignore and lose nothing a reader relies on;
 * a request may accept more and demand nothing new.
 */
export function classify(facts: ChangeFacts): ChangeClass {
  const reading = facts.direction === 'response';
  switch (facts.kind) {
    case 'operation-added':
    case 'parameter-optional':
    case 'body-optional':
    case 'format-changed':
    case 'default-changed':
    case 'server-changed':
    case 'pagination-changed':
    case 'export-added':
      return 'non-breaking';
    case 'operation-removed':
    case 'method-moved':
    case 'parameter-removed':
    case 'parameter-required':
    case 'body-removed':
    case 'body-required':
    case 'response-changed':
    case 'security-scheme-changed':
    case 'pagination-broken':
    case 'export-removed':
      return 'breaking';
    case 'parameter-added':
    case 'body-added':
      return facts.required ? 'breaking' : 'non-breaking';
    case 'field-added':
      return !reading && facts.required ? 'breaking' : 'non-breaking';
    case 'field-removed':
      return 'breaking';
    case 'field-required':
    case 'nullable-removed':
      return reading ? 'non-breaking' : 'breaking';
    case 'field-optional':
    case 'nullable-added':
      return reading ? 'breaking' : 'non-breaking';
    case 'type-changed':
      return (reading ? facts.narrowed : facts.widened) ? 'non-breaking' : 'breaking';
    case 'enum-value-added':
      // A client reading a closed union cannot hold the new value; an open one already accepts any string.
      return reading && !facts.openEnum ? 'breaking' : 'non-breaking';
    case 'enum-value-removed':
      // Sending a removed value fails at the server; comparing a closed union with a removed literal stops compiling.
      return reading && facts.openEnum ? 'non-breaking' : 'breaking';
    case 'security-changed':
      return facts.securityRelaxed ? 'non-breaking' : 'breaking';
    case 'export-changed':
      return 'non-breaking';
    case 'deprecated-changed':
    case 'description-changed':
    case 'example-changed':
      return 'docs-only';
  }
}

const BUMP_OF: Record<ChangeClass, Bump> = {
  breaking: 'major',
  'non-breaking': 'minor',
  'docs-only': 'patch',
};
const BUMP_ORDER: Bump[] = ['none', 'patch', 'minor', 'major'];
export const CLASS_ORDER: ChangeClass[] = ['breaking', 'non-breaking', 'docs-only'];

/** The semver step a set of changes implies: the largest step of any of them. */
export function impliedBump(classes: Iterable<ChangeClass>): Bump {
  let bump: Bump = 'none';
  for (const cls of classes)
    if (BUMP_ORDER.indexOf(BUMP_OF[cls]) > BUMP_ORDER.indexOf(bump)) bump = BUMP_OF[cls];
  return bump;
}

/**
 * Applies a bump to a version, with `semver`'s rules (build metadata dropped, a prerelease of x.y.z released as
 * x.y.z). Below 1.0.0 each step moves down one place (breaking -> minor, anything else -> patch), as npm's caret
 * ranges do: `^0.1.0` must never pull in a breaking 0.2.0.
 */
export function nextVersion(version: string, bump: Bump): string {
  const parsed = semver.parse(version);
  if (!parsed) throw new Error(`"${version}" is not a semver version`);
  if (bump === 'none') return version;
  const step = parsed.major === 0 ? (bump === 'major' ? 'minor' : 'patch') : bump;
  return semver.inc(parsed, step)!;
}
