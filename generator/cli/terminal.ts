import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour for one output stream: `NO_COLOR` (any non-empty value) turns it off, `FORCE_COLOR` turns it on (or off,
 * as 0 or false, as Node does), and otherwise a terminal gets colour and a pipe or file does not (no-color.org).
 */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const force = env.FORCE_COLOR;
  const enabled = env.NO_COLOR
    ? false
    : force === undefined
      ? Boolean(stream.isTTY)
      : force !== '0' && force !== 'false';
  return pc.createColors(enabled);
}

interface Writable {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Progress on standard error while a terminal is watching: one line, rewritten in place, with the package, the
 * stage and the elapsed time. Off a terminal it writes nothing (the summary line says what happened).
 */
export class Progress {
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private label = '';

  constructor(
    private readonly stream: Writable,
    private readonly colors: Colors,
    private readonly enabled = Boolean(stream.isTTY),
  ) {}

  stage(label: string): void {
    if (!this.enabled) return;
    this.label = label;
    this.draw();
    this.timer ??= setInterval(() => this.draw(), 250).unref();
  }

  /** Clears the line: what follows (warnings, the summary) starts on a clean line. */
  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.enabled && this.label) this.stream.write('\r\x1b[2K');
    this.label = '';
  }

  private draw(): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.stream.write(
      `\r\x1b[2K${this.colors.cyan('sdkgen')} ${this.label} ${this.colors.dim(`${seconds}s`)}`,
    );
  }
}

export interface Warning {
  file: string;
  pointer: string;
  message: string;
}

/**
 * Warnings grouped by kind, most frequent first, each group counted and shown with its first location; with
 * `verbose`, every warning with its own location.
 */
export function formatWarnings(
  label: string,
  warnings: readonly Warning[],
  colors: Colors,
  verbose: boolean,
): string[] {
  if (!warnings.length) return [];
  const heading = `${label}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  const one = (w: Warning) => `  ${colors.yellow('warning:')} ${w.file} at ${w.pointer}: ${w.message}`;
  if (verbose) return [colors.yellow(heading), ...warnings.map(one)];
  const groups = new Map<string, Warning[]>();
  for (const warning of warnings) {
    // Names differ from one warning of a kind to the next: the kind is the message with its quoted names blanked.
    const kind = warning.message.replace(/(["'`]).*?\1/g, '$1...$1');
    groups.set(kind, [...(groups.get(kind) ?? []), warning]);
  }
  const sorted = [...groups].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  const lines = [
    colors.yellow(
      `${heading}${sorted.length < warnings.length ? ` of ${sorted.length} kinds (--verbose lists each one)` : ''}`,
    ),
  ];
  for (const [kind, group] of sorted) {
    const first = group[0]!;
    const message = group.every((w) => w.message === first.message) ? first.message : kind;
    lines.push(
      group.length === 1
        ? one(first)
        : `  ${colors.yellow('warning:')} ${group.length} x ${message} ${colors.dim(`(first: ${first.file} at ${first.pointer})`)}`,
    );
  }
  return lines;
}
