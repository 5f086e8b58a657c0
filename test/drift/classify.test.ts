import { describe, expect, it } from 'vitest';
import { classify, impliedBump, nextVersion } from '../../generator/drift/classify.js';
import { withVersion } from '../../generator/drift/update.js';

describe('nextVersion', () => {
  it.each([
    ['1.4.2', 'major', '2.0.0'],
    ['1.4.2', 'minor', '1.5.0'],
    ['1.4.2', 'patch', '1.4.3'],
    ['1.4.2', 'none', '1.4.2'],
    // Below 1.0.0 a breaking change moves the minor, anything else the patch (caret ranges stay safe).
    ['0.1.0', 'major', '0.2.0'],
    ['0.1.0', 'minor', '0.1.1'],
    ['0.1.0', 'patch', '0.1.1'],
    ['2.0.0-beta.1', 'major', '2.0.0'],
    ['2.1.0-rc.1', 'major', '3.0.0'],
    // Build metadata is not part of the precedence: the bump still moves the version.
    ['1.2.3+build-1', 'patch', '1.2.4'],
    ['1.2.3-rc.1+build-7', 'patch', '1.2.3'],
  ] as const)('%s + %s -> %s', (version, bump, want) => {
    expect(nextVersion(version, bump)).toBe(want);
  });

  it('refuses a version that is not semver', () => {
    expect(() => nextVersion('v1', 'patch')).toThrow('not a semver version');
    // A leading zero is not semver (2.0.0, item 2).
    expect(() => nextVersion('01.2.3', 'patch')).toThrow('not a semver version');
  });
});

describe('classify', () => {
  it('reads enum openness only where the client reads', () => {
    expect(classify({ kind: 'enum-value-added', direction: 'response', openEnum: true })).toBe(
      'non-breaking',
    );
    expect(classify({ kind: 'enum-value-added', direction: 'response', openEnum: false })).toBe('breaking');
    expect(classify({ kind: 'enum-value-added', direction: 'request', openEnum: false })).toBe(
      'non-breaking',
    );
    expect(classify({ kind: 'enum-value-removed', direction: 'request', openEnum: true })).toBe('breaking');
  });

  it('mirrors nullability and optionality between requests and responses', () => {
    expect(classify({ kind: 'nullable-added', direction: 'response' })).toBe('breaking');
    expect(classify({ kind: 'nullable-added', direction: 'request' })).toBe('non-breaking');
    expect(classify({ kind: 'field-optional', direction: 'response' })).toBe('breaking');
    expect(classify({ kind: 'field-optional', direction: 'request' })).toBe('non-breaking');
    expect(classify({ kind: 'type-changed', direction: 'response', narrowed: true })).toBe('non-breaking');
    expect(classify({ kind: 'type-changed', direction: 'request', widened: true })).toBe('non-breaking');
  });

  it('takes the largest bump', () => {
    expect(impliedBump([])).toBe('none');
    expect(impliedBump(['docs-only', 'non-breaking'])).toBe('minor');
    expect(impliedBump(['docs-only', 'breaking', 'non-breaking'])).toBe('major');
  });
});

describe('withVersion', () => {
  it('edits only the version value, keeping the layout', () => {
    const text =
      '{\n  "packageName": "@x/y",\n  "version": "0.1.0",\n  "sources": [{ "file": "a.yaml" }]\n}\n';
    expect(withVersion(text, '0.2.0')).toBe(text.replace('0.1.0', '0.2.0'));
  });

  it('adds a version when the config relied on the default', () => {
    const result = withVersion('{\n  "packageName": "@x/y"\n}\n', '0.1.1');
    expect(JSON.parse(result)).toEqual({ packageName: '@x/y', version: '0.1.1' });
  });
});
