import { describe, expect, it } from 'vitest';
import { colorsFor, formatWarnings, Progress } from '../../../generator/cli/terminal.js';

const RED = '\x1b[31m';

describe('colorsFor', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('%j with %j: colour %s', (stream, env, coloured) => {
    expect(colorsFor(stream, env).red('x').includes(RED)).toBe(coloured);
  });
});

describe('Progress', () => {
  const stream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { isTTY, writes, write: (text: string) => writes.push(text) };
  };

  it('on a terminal, rewrites one line with the stage and elapsed time, and clears it when done', () => {
    const tty = stream(true);
    const progress = new Progress(tty, colorsFor({ isTTY: false }));
    progress.stage('Whop: load');
    progress.stage('Whop: format');
    progress.done();
    expect(tty.writes[0]).toMatch(/^\r\x1b\[2Ksdkgen Whop: load \d+\.\ds$/);
    expect(tty.writes[1]).toMatch(/^\r\x1b\[2Ksdkgen Whop: format \d+\.\ds$/);
    expect(tty.writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('off a terminal, writes nothing', () => {
    const pipe = stream(false);
    const progress = new Progress(pipe, colorsFor(pipe));
    progress.stage('Whop: load');
    progress.done();
    expect(pipe.writes).toEqual([]);
  });
});

describe('formatWarnings', () => {
  const plain = colorsFor({ isTTY: false }, {});
  const warnings = [
    { file: 'a.yaml', pointer: '#/paths/~1a', message: 'operation "a" has no operationId' },
    { file: 'a.yaml', pointer: '#/paths/~1b', message: 'operation "b" has no operationId' },
    { file: 'a.yaml', pointer: '#/paths/~1c', message: 'operation "c" has no operationId' },
    { file: 'a.yaml', pointer: '#/webhooks/x', message: 'webhook not generated' },
    { file: 'a.yaml', pointer: '#/webhooks/y', message: 'webhook not generated' },
    { file: 'b.yaml', pointer: '#/info', message: 'no licence' },
  ];

  it('groups warnings by kind, most frequent first, counted, with the first location', () => {
    expect(formatWarnings('Acme', warnings, plain, false)).toEqual([
      'Acme: 6 warnings of 3 kinds (--verbose lists each one)',
      '  warning: 3 x operation "..." has no operationId (first: a.yaml at #/paths/~1a)',
      '  warning: 2 x webhook not generated (first: a.yaml at #/webhooks/x)',
      '  warning: b.yaml at #/info: no licence',
    ]);
  });

  it('lists every one with --verbose', () => {
    const lines = formatWarnings('Acme', warnings, plain, true);
    expect(lines).toHaveLength(7);
    expect(lines[2]).toBe('  warning: a.yaml at #/paths/~1b: operation "b" has no operationId');
  });

  it('says nothing when there is nothing to say', () => {
    expect(formatWarnings('Acme', [], plain, false)).toEqual([]);
  });
});
