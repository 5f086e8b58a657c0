import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastYaml } from '../../../generator/load/fast-yaml.js';
import { strictYaml } from '../../../generator/load/guard.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Every YAML document in the repository's specs and tests, and those the corpus packages ship. */
function yamlFiles(): string[] {
  const dirs = ['specs', 'test', 'node_modules/@figma/rest-api-spec', 'node_modules/@blockfrost/openapi'];
  dirs.push('node_modules/@ideal-postcodes/openapi', 'node_modules/@readme/oas-examples');
  dirs.push('node_modules/@redocly/openapi-core/src/benchmark');
  const files: string[] = [];
  for (const dir of dirs) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  return files.sort();
}

const strict = (text: string) => strictYaml(text, 'a.yaml');

describe('fastYaml', () => {
  it('reads every YAML document here as the strict parser does, or leaves it to that parser', () => {
    const files = yamlFiles();
    expect(files.length).toBeGreaterThan(50);
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const result = fastYaml(text);
      if (!result) continue;
      fast++;
      let expected: unknown;
      try {
        expected = strict(text);
      } catch (error) {
        throw new Error(`${file}: fast parse accepted what the strict parser refuses: ${error}`);
      }
      expect(result.value, file).toStrictEqual(expected);
    }
    // Most real documents take the fast way.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['core-schema numbers', 'a: 0o17\nb: 0x1F\nc: -12\nd: 1.50\ne: 1e3\nf: .inf\ng: -.Inf\nh: .5'],
    ['YAML 1.1 forms stay strings', 'a: 1_000\nb: 0b101\nc: 2020-01-01\nd: yes\ne: off\nf: 010\ng: +.5e'],
    ['booleans and nulls', 'a: true\nb: False\nc: TRUE\nd: ~\ne: null\nf:\ng: NULL'],
    ['quoted scalars and block scalars', 'a: "1"\nb: \'true\'\nc: |\n  x\n   y\nd: >-\n  p\n  q\n'],
    ['explicit core tags', 'a: !!str 5\nb: !!int "7"\nc: ! 8\n'],
    ['numeric keys', '200: ok\n0x10: hex\n1.50: f\ntrue: t\n'],
    ['a __proto__ key', '__proto__: {polluted: 1}\nconstructor: 2\n'],
    ['flow collections', 'a: [1, "b", {c: d}]\ne: {f: [g, h], i: {}}\n'],
    ['a URL template with {&...}', 'url: https://x/y{?since}{&page,per_page}\nb: R&D, Pro, & Team\n'],
  ])('%s: the same value as the strict parser', (_, text) => {
    const result = fastYaml(text);
    expect(result).toBeDefined();
    expect(result!.value).toStrictEqual(strict(text));
  });

  it.each([
    ['a syntax error', 'a: [1, 2\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['keys the parsers compare differently', '1: a\n"1": b\n'],
    ['an anchor', 'a: &x {b: 1}\nc: *x\n'],
    ['an anchor inside a flow collection', 'a: [&x 1, *x]\n'],
    ['an anchor before a nested mapping', 'a:\n  - &x\n    b: 1\n  - *x\n'],
    ['an unknown alias', 'a: *x\n'],
    ['a %YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a flow collection as a key', '[a, b]: c\n'],
    ['a flow mapping key in a flow mapping', '{x: {[a]: b}}\n'],
    ['a null key', 'null: a\n'],
    ['an empty key', ': a\n'],
    ['a tag outside the schema', 'a: !!binary aGk=\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
  ])('%s: left to the strict parser', (_, text) => {
    expect(fastYaml(text)).toBeUndefined();
  });
});
