/** Number formatting for the tables: fixed precision so a column's values line up and read at a glance. */
export const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
export const mib = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : 'n/a';
export const micros = (us: number) => (Number.isFinite(us) ? `${us.toFixed(0)} µs` : 'n/a');
export const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(2)} KB` : 'n/a');
export const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const ratio = (ours: number, theirs: number) =>
  Number.isFinite(ours) && Number.isFinite(theirs) && theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : 'n/a';

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
