import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  blockComment,
  htmlComment,
  jsonValue,
  lineComment,
  markdown,
  markdownCode,
  provenancePath,
  stringLiteral,
  templateLiteralText,
} from '../../../generator/emit/escape.js';

/** Text written to attack each sink: closers, line terminators, template holes, HTML. */
const HOSTILE = [
  '*/ globalThis.pwned = 1; /*',
  'Upload files matching **/*.json',
  'a\nb\r\nc\rd\u2028e\u2029f',
  '`${globalThis.pwned = 1}`',
  '\\`',
  '"; globalThis.pwned = 1; "',
  "'; globalThis.pwned = 1; '",
  '--> <script>alert(1)</script> <!--',
  '*/\n*/',
  '\u0000\u001b[31m',
  'ends with *',
  '/',
];
const strings = fc.oneof(
  fc.string(),
  fc.constantFrom(...HOSTILE),
  fc
    .array(fc.constantFrom('*', '/', '\n', '`', '$', '{', '\\', '"', '-', '>', '\u2028', 'a'), {
      maxLength: 12,
    })
    .map((a) => a.join('')),
);

/** The statements and comments TypeScript sees in a snippet. */
function parse(source: string) {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return { statements: file.statements.map((s) => s.kind), diagnostics: diagnostics.length, file };
}

describe('escaping sinks', () => {
  it('block comment: any text stays inside one JSDoc, before one statement', () => {
    fc.assert(
      fc.property(strings, (text) => {
        const { statements, diagnostics } = parse(
          `/**\n * ${blockComment(text).split('\n').join('\n * ')}\n */\nexport const x = 1;\n`,
        );
        expect(diagnostics).toBe(0);
        expect(statements).toEqual([ts.SyntaxKind.VariableStatement]);
      }),
      { numRuns: 500 },
    );
  });

  it('block comment: keeps the text readable', () => {
    expect(blockComment('Upload files matching **/*.json')).toBe('Upload files matching **\\/*.json');
    expect(blockComment('a\r\nb\u2028c')).toBe('a\nb\nc');
  });

  it('line comment: any text stays on the comment line', () => {
    fc.assert(
      fc.property(strings, (text) => {
        const { statements, diagnostics } = parse(`// ${lineComment(text)}\nexport const x = 1;\n`);
        expect(diagnostics).toBe(0);
        expect(statements).toEqual([ts.SyntaxKind.VariableStatement]);
      }),
      { numRuns: 500 },
    );
    expect(lineComment('a\nb')).toBe('a\\nb');
  });

  it('string literal and template literal text evaluate back to the text', () => {
    fc.assert(
      fc.property(strings, (text) => {
        expect(new Function(`return ${stringLiteral(text)};`)()).toBe(text);
        expect(new Function(`return \`${templateLiteralText(text)}\`;`)()).toBe(text);
        const { statements, diagnostics } = parse(`export const x = \`${templateLiteralText(text)}\`;\n`);
        expect([statements, diagnostics]).toEqual([[ts.SyntaxKind.VariableStatement], 0]);
      }),
      { numRuns: 500 },
    );
  });

  it('JSON value parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(jsonValue(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
    expect(jsonValue('\u2028')).toBe('"\\u2028"');
  });

  it('markdown: no raw HTML, one line when inline, no cell break in a table', () => {
    expect(markdown('<script>x</script> AT&amp;T')).toBe('&lt;script>x&lt;/script> AT&amp;T');
    expect(markdown('a\n\nb', { inline: true })).toBe('a b');
    expect(markdown('a | b\nc', { table: true })).toBe('a \\| b c');
    expect(markdown('para one\n\npara two')).toBe('para one\n\npara two');
  });

  it('markdown code span: no text closes it early', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('GET /a|b', { table: true })).toBe('`GET /a\\|b`');
    expect(markdownCode('a\nb')).toBe('`a b`');
  });

  it('HTML comment: --> does not end it', () => {
    fc.assert(
      fc.property(strings, (text) => {
        expect(`<!-- ${htmlComment(text)} -->`.indexOf('-->')).toBe(`<!-- ${htmlComment(text)} `.length);
      }),
      { numRuns: 300 },
    );
  });

  it('provenance path: ordinary paths unchanged, others quoted with nothing that ends a comment', () => {
    expect(provenancePath('specs/whop/openapi.yaml')).toBe('specs/whop/openapi.yaml');
    expect(provenancePath('a\nglobalThis.x=1;//.yaml')).toBe('"a\\nglobalThis.x=1;//.yaml"');
    fc.assert(
      fc.property(strings, (text) => {
        const shown = provenancePath(text);
        expect(shown).not.toMatch(/[\n\r\u2028\u2029]|\*\/|-->/);
      }),
      { numRuns: 500 },
    );
  });
});
