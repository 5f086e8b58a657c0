import { describe, expect, it } from 'vitest';
import {
  camelCase,
  isIdentifier,
  kebabCase,
  memberName,
  NameScope,
  pascalCase,
  safeIdentifier,
  singularize,
  typeName,
  words,
} from '../../../generator/model/identifiers.js';

describe('words', () => {
  it.each([
    ['resolution_center_cases', ['resolution', 'center', 'cases']],
    ['listHTTPRequests', ['list', 'HTTP', 'Requests']],
    ['page[size]', ['page', 'size']],
    ['Café-crème', ['Cafe', 'creme']],
    ['v2.items/by-id', ['v2', 'items', 'by', 'id']],
    ['', []],
  ])('%j -> %j', (given, want) => expect(words(given)).toEqual(want));
});

describe('case styles', () => {
  it.each([
    ['resolution center cases', 'ResolutionCenterCases', 'resolutionCenterCases', 'resolution-center-cases'],
    ['APIKey', 'ApiKey', 'apiKey', 'api-key'],
    ['x-rate-limit', 'XRateLimit', 'xRateLimit', 'x-rate-limit'],
  ])('%j -> %s / %s / %s', (given, pascal, camel, kebab) => {
    expect([pascalCase(given), camelCase(given), kebabCase(given)]).toEqual([pascal, camel, kebab]);
  });
});

describe('safeIdentifier', () => {
  it.each([
    ['widgetId', 'camel', 'widgetId'],
    ['widget-id', 'camel', 'widgetId'],
    ['class', 'camel', 'class_'],
    ['2fa', 'camel', 'n2fa'],
    ['2fa', 'pascal', 'N2fa'],
    ['!!!', 'camel', 'unnamed'],
    ['$ref', 'camel', '$ref'],
  ] as const)('%j (%s) -> %j', (given, style, want) => expect(safeIdentifier(given, style)).toBe(want));
});

describe('memberName, typeName, isIdentifier, singularize', () => {
  it.each([
    ['delete', 'delete'],
    ['get by id', 'getById'],
    ['3d render', 'n3dRender'],
    ['', 'call'],
  ])('memberName(%j) = %j: members may be reserved words', (given, want) =>
    expect(memberName(given)).toBe(want),
  );

  it.each([
    ['resolution_center_case', 'ResolutionCenterCase'],
    ['123', 'N123'],
    ['', 'Unnamed'],
  ])('typeName(%j) = %j', (given, want) => expect(typeName(given)).toBe(want));

  it.each([
    ['name', 'variable', true],
    ['class', 'variable', false],
    ['class', 'property', true],
    ['page[size]', 'property', false],
    ['__proto__', 'property', true],
  ] as const)('isIdentifier(%j, %s) = %s', (given, use, want) => expect(isIdentifier(given, use)).toBe(want));

  it.each([
    ['cases', 'case'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['statuses', 'status'],
    ['address', 'address'],
    ['data', 'data'],
  ])('singularize(%j) = %j', (given, want) => expect(singularize(given)).toBe(want));
});

describe('NameScope', () => {
  it('hands out the first free numeric suffix, case-insensitively, around reserved names', () => {
    const scope = new NameScope(['Page']);
    expect(['page', 'Widget', 'widget', 'Widget', 'Widget2'].map((n) => scope.claim(n))).toEqual([
      'page2',
      'Widget',
      'widget2',
      'Widget3',
      'Widget22',
    ]);
    expect(scope.has('WIDGET')).toBe(true);
  });
});
