import type { ResourceModel } from './types.js';

/** Every resource of the tree, parents before their children. */
export function allResources(resources: readonly ResourceModel[]): ResourceModel[] {
  return resources.flatMap((r) => [r, ...allResources(r.children)]);
}
