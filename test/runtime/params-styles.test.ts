import { describe, expect, it } from 'vitest';
import { path } from '../../templates/runtime/internal/path.js';
import {
  formPairs,
  styledPath,
  styledCookies,
  styledHeader,
  styledQuery,
  type Serialization,
} from '../../templates/runtime/internal/styles.js';

// The examples of OpenAPI 3.1 §4.8.12.4 (Style Examples): color = blue,black,brown / R=100,G=200,B=150.
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

describe('query styles (OpenAPI style examples)', () => {
  it.each<[string, unknown, Serialization, string]>([
    ['form primitive', 'blue', {}, 'color=blue'],
    ['form array, explode (default)', array, {}, 'color=blue&color=black&color=brown'],
    ['form array, no explode', array, { explode: false }, 'color=blue,black,brown'],
    ['form object, explode', object, {}, 'R=100&G=200&B=150'],
    ['form object, no explode', object, { explode: false }, 'color=R,100,G,200,B,150'],
    ['spaceDelimited array', array, { style: 'spaceDelimited' }, 'color=blue%20black%20brown'],
    ['spaceDelimited object', object, { style: 'spaceDelimited' }, 'color=R%20100%20G%20200%20B%20150'],
    ['pipeDelimited array', array, { style: 'pipeDelimited' }, 'color=blue|black|brown'],
    [
      'pipeDelimited array, explode',
      array,
      { style: 'pipeDelimited', explode: true },
      'color=blue&color=black&color=brown',
    ],
    [
      'deepObject object',
      object,
      { style: 'deepObject', explode: true },
      'color[R]=100&color[G]=200&color[B]=150',
    ],
    [
      'deepObject nested, arrays as brackets',
      { a: { b: [1, 2] } },
      { style: 'deepObject' },
      'color[a][b][]=1&color[a][b][]=2',
    ],
    [
      'deepObject array, indices',
      array,
      { style: 'deepObject', arrays: 'indices' },
      'color[0]=blue&color[1]=black&color[2]=brown',
    ],
    ['content: application/json', { a: [1, 'x'] }, { json: true }, 'color=%7B%22a%22%3A%5B1%2C%22x%22%5D%7D'],
    ['booleans and numbers as text', [true, 0], {}, 'color=true&color=0'],
    ['a date as ISO text', new Date(Date.UTC(2024, 0, 2)), {}, 'color=2024-01-02T00%3A00%3A00.000Z'],
  ])('%s', (_name, value, serialization, expected) => {
    expect(styledQuery([['color', value, serialization]])).toBe(expected);
  });

  it('percent-encodes values one by one, so a delimiter inside a value cannot split it', () => {
    expect(formPairs('q', ['a,b', 'c|d', 'e f'], { explode: false })).toEqual(['q=a%2Cb,c%7Cd,e%20f']);
    expect(formPairs('q', ['a|b'], { style: 'pipeDelimited' })).toEqual(['q=a%7Cb']);
  });

  it('allowReserved keeps reserved characters readable, but never those that change the structure', () => {
    expect(styledQuery([['u', 'a/b:c?d[e]@f,g;h&i=j#k+l%m', { allowReserved: true }]])).toBe(
      'u=a/b:c?d[e]@f,g;h%26i%3Dj%23k%2Bl%25m',
    );
    expect(styledQuery([['u', 'a/b', {}]])).toBe('u=a%2Fb');
  });

  it('skips absent values, inside arrays and objects too, and empty arrays entirely', () => {
    expect(
      styledQuery([
        ['a', undefined, {}],
        ['b', null, {}],
        ['c', [], { explode: false }],
        ['d', [null, 1], {}],
        ['e', { x: undefined, y: 2 }, { style: 'deepObject' }],
      ]),
    ).toBe('d=1&e[y]=2');
  });
});

describe('header and cookie styles', () => {
  it.each<[unknown, Serialization, string]>([
    ['blue', {}, 'blue'],
    [array, {}, 'blue,black,brown'],
    [object, {}, 'R,100,G,200,B,150'],
    [object, { explode: true }, 'R=100,G=200,B=150'],
    [{ a: 1 }, { json: true }, '{"a":1}'],
  ])('simple header %j %j', (value, serialization, expected) => {
    expect(styledHeader(value, serialization)).toBe(expected);
  });

  it('cookies: form style, exploded by default, values encoded', () => {
    expect(
      styledCookies([
        ['ids', [1, 2], { explode: false }],
        ['name', 'a b;c', {}],
        ['gone', undefined, {}],
      ]),
    ).toBe('ids=1,2; name=a%20b%3Bc');
    expect(styledCookies([['ids', [1, 2], {}]])).toBe('ids=1; ids=2');
    expect(styledCookies([['gone', null, {}]])).toBeUndefined();
  });
});

describe('path styles (OpenAPI style examples), through the path tag', () => {
  it.each<[string, unknown, 'simple' | 'label' | 'matrix', boolean, string]>([
    ['simple primitive', 'blue', 'simple', false, '/c/blue'],
    ['simple array', array, 'simple', false, '/c/blue,black,brown'],
    ['simple object', object, 'simple', false, '/c/R,100,G,200,B,150'],
    ['simple object, explode', object, 'simple', true, '/c/R=100,G=200,B=150'],
    ['label primitive', 'blue', 'label', false, '/c/.blue'],
    ['label array', array, 'label', false, '/c/.blue,black,brown'],
    ['label array, explode', array, 'label', true, '/c/.blue.black.brown'],
    ['label object, explode', object, 'label', true, '/c/.R=100.G=200.B=150'],
    ['matrix primitive', 'blue', 'matrix', false, '/c/;color=blue'],
    ['matrix array', array, 'matrix', false, '/c/;color=blue,black,brown'],
    ['matrix array, explode', array, 'matrix', true, '/c/;color=blue;color=black;color=brown'],
    ['matrix object', object, 'matrix', false, '/c/;color=R,100,G,200,B,150'],
    ['matrix object, explode', object, 'matrix', true, '/c/;R=100;G=200;B=150'],
  ])('%s', (_name, value, style, explode, expected) => {
    expect(path`/c/${styledPath('color', value, { style, explode })}`).toBe(expected);
  });

  it('encodes each value, so a value cannot add a segment or a delimiter; absent values still throw in the tag', () => {
    expect(path`/c/${styledPath('color', ['a/b', 'c,d'], { style: 'simple' })}`).toBe('/c/a%2Fb,c%2Cd');
    expect(() => path`/c/${styledPath('color', undefined, { style: 'label' })}`).toThrow(/is undefined/);
    expect(() => path`/c/${styledPath('color', '', { style: 'matrix' })}`).toThrow(/must not be/);
  });
});
