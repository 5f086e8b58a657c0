import { describe, expect, it } from 'vitest';
import { SDKError } from '../../templates/runtime/errors.js';
import { path } from '../../templates/runtime/internal/path.js';

describe('path values', () => {
  it.each([
    [{ id: 'x' }, 'object'],
    [['a'], 'an array'],
    [true, 'boolean'],
    [Symbol('s'), 'symbol'],
    [() => 'x', 'function'],
  ])('rejects %s before any request is built (no %%5Bobject%%20Object%%5D on the wire)', (value, kind) => {
    expect(() => path`/widgets/${value}`).toThrow(SDKError);
    expect(() => path`/widgets/${value}`).toThrow(new RegExp(`must be a string or a number, got ${kind}`));
  });

  it('accepts strings, numbers and bigints', () => {
    expect(path`/a/${'x y'}/b/${7}/c/${12n}`).toBe('/a/x%20y/b/7/c/12');
  });
});
