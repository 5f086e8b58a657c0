/**
 * An upstream source that cannot be used: unreachable, not an OpenAPI document, or not loadable. Always names the
 * source as the user gave it (URL or file), never a temporary path. The command exits 2 on it.
 */
export class UpstreamError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(`${source}: ${problem}${hint ? `\n  -> ${hint}` : ''}`);
    this.name = 'UpstreamError';
  }
}
