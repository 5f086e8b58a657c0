/**
 * A generated client's resources and a resource's methods, read off the classes: resources are getters on the
 * client's (or parent resource's) prototype that build the resource on first access, methods are functions there.
 */
export function mountedResources(object: object): object[] {
  return Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(object)))
    .filter(([, descriptor]) => descriptor.get)
    .map(([name]) => (object as Record<string, unknown>)[name])
    .filter((v): v is object => v !== null && typeof v === 'object' && '_client' in v);
}

export function resourceMethods(resource: object): string[] {
  return Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(resource)))
    .filter(([name, descriptor]) => name !== 'constructor' && typeof descriptor.value === 'function')
    .map(([name]) => name);
}
