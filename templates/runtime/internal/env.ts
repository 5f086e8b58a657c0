type Runtime = {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get?(name: string): string | undefined } };
};

/**
 * Reads an environment variable on Node, Bun and Deno; in browsers and edge workers there is none. Deno throws
 * without --allow-env, which must not break a client that was given its options explicitly.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as Runtime;
  try {
    const value = runtime.process?.env?.[name] ?? runtime.Deno?.env?.get?.(name);
    return value?.trim() || undefined;
  } catch {
    return undefined;
  }
}
