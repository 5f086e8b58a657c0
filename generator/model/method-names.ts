/**
 * Method names of one resource, as users of Stainless-made SDKs expect them: the operationId minus the resource's
 * noun (`refundPayment` on payments -> `refund`), the conventional verb when the operationId says nothing more
 * than the HTTP method (`get-v1-disputes` -> `list`) or is missing. Collisions are settled in a fixed order and
 * every fallback is reported.
 */
import { memberName, NameScope, singularize, words } from './identifiers.js';
import type { HttpMethod } from './types.js';

export interface MethodInput {
  method: HttpMethod;
  path: string;
  /** Undefined when the spec gives none. */
  operationId?: string;
  isList: boolean;
  /** The action segment (`refund`) when the operation acts on the resource rather than on a collection path. */
  action?: string;
}

export interface MethodNames {
  /** One per input, same order. */
  names: string[];
  warnings: { index: number; message: string }[];
}

const VERSION_WORD = /^(v\d+|api)$/;
/** Words that only repeat the HTTP method: an operationId made of them carries no name of its own. */
const HTTP_WORDS = new Set(['get', 'post', 'put', 'patch']);

/** list, retrieve, create, update, delete: what an operation on a collection or member path conventionally is. */
export function conventionalVerb(input: MethodInput): string | undefined {
  if (input.action) return undefined;
  const onMember = /\}[^/]*\/?$/.test(input.path);
  switch (input.method) {
    case 'get':
      return onMember || !input.isList ? 'retrieve' : 'list';
    case 'post':
      return onMember ? undefined : 'create';
    case 'put':
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      return undefined;
  }
}

const lower = (name: string) => words(name).map((w) => w.toLowerCase());

/** The noun forms of one path segment, plural then singular, then the last word alone (`cases` of `resolution_center_cases`). */
function nounForms(segment: string): string[][] {
  const plural = lower(segment);
  const singular = [...plural.slice(0, -1), singularize(plural.at(-1) ?? '')];
  const forms = [plural, singular];
  if (plural.length > 1) forms.push(plural.slice(-1), singular.slice(-1));
  return forms.filter((f, i) => f.length && forms.findIndex((g) => g.join(' ') === f.join(' ')) === i);
}

/** Removes the first occurrence of a noun form, when one occurs and something is left. */
function withoutNoun(opWords: string[], segment: string, mayEmpty: boolean): string[] {
  for (const form of nounForms(segment)) {
    for (let at = 0; at + form.length <= opWords.length; at++) {
      if (form.every((w, i) => opWords[at + i] === w)) {
        const rest = [...opWords.slice(0, at), ...opWords.slice(at + form.length)];
        return rest.length || mayEmpty ? rest : opWords;
      }
    }
  }
  return opWords;
}

/** `getPaymentById` -> `getPayment`, `get-disputes-disputeId` -> `get-disputes`: the path's parameters are the arguments, not the name. */
function withoutPathParams(opWords: string[], path: string): string[] {
  let rest = opWords;
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const form = lower(name!);
    for (let at = rest.length - form.length; at >= 1; at--) {
      if (form.every((w, i) => rest[at + i] === w)) {
        const from = rest[at - 1] === 'by' && at > 1 ? at - 1 : at;
        rest = [...rest.slice(0, from), ...rest.slice(at + form.length)];
        break;
      }
    }
  }
  return rest;
}

/**
 * The name an operation asks for: its operationId minus the resource's noun (the leaf's, then its ancestors'
 * while words remain), or the conventional verb when nothing but HTTP words remain, or the action segment.
 */
export function wantedName(input: MethodInput, resource: readonly string[]): string {
  const verb = conventionalVerb(input);
  const fallback = () =>
    memberName(input.action ?? verb ?? `${input.method} ${input.path.replace(/\{[^}]*\}/g, '')}`);
  if (!input.operationId) return fallback();
  let rest = withoutPathParams(
    lower(input.operationId).filter((w) => !VERSION_WORD.test(w)),
    input.path,
  );
  const [leaf, ...ancestors] = [...resource].reverse();
  if (leaf) rest = withoutNoun(rest, leaf, true);
  for (const segment of ancestors) rest = withoutNoun(rest, segment, false);
  if (input.action) rest = rest.length ? rest : lower(input.action);
  if (!rest.length || (rest.length === 1 && HTTP_WORDS.has(rest[0]!)))
    return rest.length && !verb && !input.action ? memberName(rest[0]!) : fallback();
  return memberName(rest.join(' '));
}

/**
 * Names every operation of one resource. Operations that get their conventional verb claim first, then the
 * others in input order; one whose name is taken falls back to its whole operationId, then to a numeric suffix,
 * with a warning either way. `taken`: names the resource class already uses (runtime members, sub-resources).
 */
export function nameMethods(
  inputs: readonly MethodInput[],
  resource: readonly string[],
  taken: Iterable<string>,
): MethodNames {
  const scope = new NameScope(taken);
  const wanted = inputs.map((input) => wantedName(input, resource));
  const order = inputs
    .map((_, i) => i)
    .sort((a, b) => rank(inputs[a]!, wanted[a]!) - rank(inputs[b]!, wanted[b]!) || a - b);
  const names: string[] = [];
  const warnings: MethodNames['warnings'] = [];
  const owner = new Map<string, number>();
  for (const i of order) {
    const input = inputs[i]!;
    let name = wanted[i]!;
    if (scope.has(name)) {
      const whole = input.operationId
        ? memberName(
            lower(input.operationId)
              .filter((w) => !VERSION_WORD.test(w))
              .join(' '),
          )
        : undefined;
      const clash = owner.get(name.toLowerCase());
      const by =
        clash === undefined
          ? 'a member of the client or a sub-resource'
          : `${inputs[clash]!.method.toUpperCase()} ${inputs[clash]!.path}`;
      const chosen = scope.claim(whole && !scope.has(whole) ? whole : name);
      warnings.push({
        index: i,
        message: `method name "${name}" is taken by ${by}; named "${chosen}" instead (set an operationId to choose)`,
      });
      name = chosen;
    } else {
      scope.claim(name);
    }
    owner.set(name.toLowerCase(), i);
    names[i] = name;
  }
  return { names, warnings: warnings.sort((a, b) => a.index - b.index) };
}

function rank(input: MethodInput, wanted: string): number {
  return wanted === conventionalVerb(input) ? 0 : 1;
}
