import { describe, expect, it } from 'vitest';
import { singularize } from '../../../generator/model/identifiers.js';

describe('singularize', () => {
  it.each([
    ['movies', 'movie'],
    ['series', 'series'],
    ['indices', 'index'],
    ['Cases', 'Case'],
    ['Disputes', 'Dispute'],
    ['Statuses', 'Status'],
    ['Addresses', 'Address'],
    ['Children', 'Child'],
    ['Case', 'Case'],
  ])('%s -> %s', (plural, singular) => {
    expect(singularize(plural)).toBe(singular);
  });
});
