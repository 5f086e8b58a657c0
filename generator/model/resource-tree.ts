/**
 * Where an operation lives on the client, decided from its path alone: every static segment is a resource
 * (`/affiliates/{id}/overrides` -> `affiliates.overrides`), except a last segment that acts on its parent rather
 * than holding members (`POST /payments/{id}/refund` -> `payments`, action `refund`). Pure: the input is the
 * routes, the output their placements, so the rules are testable as a table.
 */
import type { HttpMethod } from './types.js';

export interface Route {
  method: HttpMethod;
  path: string;
  /** The success response is a list (an array, or a page the model can page through). */
  isList: boolean;
}

export interface Placement {
  /** Wire segments from the root down: `['affiliates', 'overrides']`. Never empty. */
  resource: string[];
  /** The last path segment when it names an action on the resource rather than a sub-collection. */
  action?: string;
}

/** API version and `api` prefixes say nothing about the resource (`/v1/api/disputes` -> `disputes`). */
const PREFIX = /^(v\d+(\.\d+)*|api)$/i;

/** A segment holding a parameter (`{id}`, `{id}.json`, `{name}:archive`) stands for a member, not a resource. */
const isParam = (segment: string) => segment.includes('{');

/** `/a/{x}/b/{y}` -> `a/{}/b/{}`: two routes that differ only in parameter names address the same place. */
function shape(segments: readonly string[]): string {
  return segments.map((s) => (isParam(s) ? '{}' : s)).join('/');
}

function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s && !PREFIX.test(s));
}

/**
 * How many leading static segments every route shares (`/issuer/cases`, `/issuer/disputes` -> 1): a base path,
 * not a resource. Stops where dropping more would leave a route without a static segment of its own.
 */
function basePath(all: string[][]): number {
  let depth = 0;
  for (;;) {
    const segment = all[0]?.[depth];
    if (segment === undefined || isParam(segment) || !all.every((s) => s[depth] === segment)) return depth;
    if (!all.every((s) => s.slice(depth + 1).some((rest) => !isParam(rest)))) return depth;
    depth++;
  }
}

/**
 * Places each route (same order as given). The first static segment is always a resource. A later one is a
 * sub-resource when listing it returns a list, or when something lives below it (`/a/{id}/b/{bid}`) and either
 * it has its own operation or more than one lives below; a path keeps every segment down to its deepest
 * sub-resource (`courses.chapters.lessons`). A static segment past that is an action of the resource
 * (`POST /payments/{id}/refund`, `GET /users/{id}/access/{resource_id}`).
 */
export function placeRoutes(routes: readonly Route[]): Placement[] {
  const base = basePath(routes.map((r) => pathSegments(r.path)));
  const segmentsOf = (path: string) => pathSegments(path).slice(base);
  const shapes = routes.map((r) => shape(segmentsOf(r.path)));
  const listedAt = new Set(routes.flatMap((r, i) => (r.method === 'get' && r.isList ? [shapes[i]!] : [])));
  const isResource = (prefix: string) => {
    if (listedAt.has(prefix)) return true;
    const below = shapes.filter((s) => s.startsWith(`${prefix}/`)).length;
    return below > 0 && (shapes.includes(prefix) || below > 1);
  };
  return routes.map((route) => {
    const segments = segmentsOf(route.path);
    const statics = segments.flatMap((s, i) =>
      isParam(s) ? [] : [{ name: s, prefix: shape(segments.slice(0, i + 1)) }],
    );
    if (!statics.length) return { resource: ['default'] };
    let depth = 1;
    for (let k = statics.length - 1; k >= 1; k--) {
      if (isResource(statics[k]!.prefix)) {
        depth = k + 1;
        break;
      }
    }
    const resource = statics.slice(0, depth).map((s) => s.name);
    const action = statics.at(-1)!.name;
    return depth < statics.length ? { resource, action } : { resource };
  });
}
