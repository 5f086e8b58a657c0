import { describe, expect, it } from 'vitest';
import { checkRefs, MAX_REF_CHAIN } from '../../../generator/load/check-refs.js';
import { guardText, MAX_EXPANDED_NODES } from '../../../generator/load/guard.js';
import {
  decodePrototypeKeys,
  decodeText,
  encodePrototypeKeys,
} from '../../../generator/load/prototype-keys.js';
import { checkReferenceDepth, MAX_REF_DEPTH } from '../../../generator/load/ref-depth.js';

const chain = (length: number, link: (next: string) => unknown) => {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) schemas[`S${i}`] = link(`#/components/schemas/S${i + 1}`);
  schemas[`S${length}`] = { type: 'string' };
  return {
    paths: {
      '/x': {
        get: {
          responses: {
            '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } },
          },
        },
      },
    },
    components: { schemas },
  };
};
const AT_RESPONSE = '#/paths/~1x/get/responses/200/content/application~1json/schema';

describe('reference depth', () => {
  it('measures how deep the walk goes through $refs, without recursion', () => {
    expect(
      checkReferenceDepth(
        chain(3, ($ref) => ({ allOf: [{ $ref }] })),
        'a.yaml',
      ).depth,
    ).toBe(18);
    const deep = checkReferenceDepth(
      chain(100_000, ($ref) => ({ $ref })),
      'a.yaml',
    );
    expect(deep.error?.pointer).toBe(AT_RESPONSE);
    expect(deep.error?.problem).toMatch(
      new RegExp(
        `more than ${MAX_REF_DEPTH} levels deep \\(\\d+ \\$refs: #/components/schemas/S0 -> #/components/schemas/S1 -> #/components/schemas/S2 -> \\.\\.\\. -> `,
      ),
    );
  });

  it('follows each target once, so recursive schemas end', () => {
    const node = { type: 'object', properties: { self: { $ref: '#/components/schemas/Node' } } };
    expect(checkReferenceDepth({ components: { schemas: { Node: node } } }, 'a.yaml').error).toBeUndefined();
  });
});

describe('$ref chains', () => {
  it(`refuses more than ${MAX_REF_CHAIN} refs that only refer on, once, where the chain starts`, () => {
    const errors = checkRefs(
      chain(MAX_REF_CHAIN + 10, ($ref) => ({ $ref })),
      'a.yaml',
    );
    expect(errors.map((e) => [e.pointer, e.problem.replace(/ \(.*/, '')])).toEqual([
      [AT_RESPONSE, `$ref chain of ${MAX_REF_CHAIN + 11} $refs that only refer on`],
    ]);
    expect(
      checkRefs(
        chain(MAX_REF_CHAIN - 2, ($ref) => ({ $ref })),
        'a.yaml',
      ),
    ).toEqual([]);
  });

  it('a $ref to a name only Object.prototype has is dangling', () => {
    const errors = checkRefs(
      { components: { schemas: { A: { $ref: '#/components/schemas/toString' } } } },
      'a.yaml',
    );
    expect(errors.map((e) => [e.pointer, e.problem.split(':')[0]])).toEqual([
      ['#/components/schemas/A', "Can't resolve $ref"],
    ]);
  });
});

describe('YAML alias expansion', () => {
  const yaml = (items: number, aliases: number) =>
    [
      'big: &big',
      ...Array.from({ length: items }, (_, i) => `  - {id: ${i}}`),
      ...Array.from({ length: aliases }, (_, i) => `copy${i}: *big`),
    ].join('\n');

  it('counts nodes after expansion and refuses past the budget', () => {
    expect(() => guardText(yaml(100, 10), 'a.yaml', false)).not.toThrow();
    const started = performance.now();
    expect(() => guardText(yaml(2_000, 999), 'a.yaml', false)).toThrow(
      new RegExp(
        `expand the document to 4,001,001 nodes, over the budget of ${MAX_EXPANDED_NODES.toLocaleString('en-US')}`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports a duplicate key with its line, in linear time', () => {
    expect(() => guardText('a: 1\nb: 2\na: 3\n', 'a.yaml', false)).toThrow(
      /invalid YAML \(line 3, column 1\): Map keys must be unique/,
    );
    const many = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const started = performance.now();
    guardText(many, 'a.yaml', false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('inherited-name keys', () => {
  it('are renamed for the bundler and back, with the $refs and mappings that name them', () => {
    const document = JSON.parse(
      '{"components":{"schemas":{"__proto__":{"type":"object"},"toString":{"properties":{"valueOf":{"$ref":"#/components/schemas/__proto__"}}},"M":{"discriminator":{"mapping":{"constructor":"toString"}}}}}}',
    );
    const original = structuredClone(document);
    expect(encodePrototypeKeys(document)).toBe(true);
    expect(Object.keys(document.components.schemas).some((k) => k in Object.prototype)).toBe(false);
    expect(decodeText(JSON.stringify(document))).toBe(JSON.stringify(original));
    decodePrototypeKeys(document);
    expect(document).toEqual(original);
    expect(Object.hasOwn(document.components.schemas, '__proto__')).toBe(true);
  });
});
