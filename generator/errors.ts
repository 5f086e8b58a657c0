/** A problem located in an input document: always names the file and the JSON pointer. */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(`${file}${pointer ? ` at ${pointer}` : ''}: ${problem}${hint ? `\n  -> ${hint}` : ''}`);
    this.name = 'SpecError';
  }
}

/** A problem in a provider config (at a JSON pointer, when it has one) or in CLI flags. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly pointer?: string,
  ) {
    super(`${file}${pointer ? ` at ${pointer}` : ''}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Several problems reported at once, so a user fixes them in one pass. */
export class GenerationErrors extends Error {
  constructor(readonly errors: readonly Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'GenerationErrors';
  }
}
