import { expect, it } from 'vitest';
import { emitErrors, HTTP_ERROR_CLASSES, OTHER_ERROR_CLASSES } from '../../../generator/emit/resources/emit-errors.js';
import { printStructures } from '../../../generator/emit/resources/print.js';

const print = (name: string | undefined) =>
  printStructures(new Map([['e.ts', emitErrors(name, 'Acme')]])).get('e.ts')!;

it('narrows every HTTP error class to the documented body', () => {
  const text = print('ErrorBody');
  for (const name of HTTP_ERROR_CLASSES) {
    expect(text).toContain(`export type ${name} = Core.${name}<ErrorBody>;`);
    expect(text).toContain(
      `export const ${name}: ErrorClass<${name}> = Core.${name} as unknown as ErrorClass<${name}>;`,
    );
  }
});

it('re-exports the runtime error classes by name, and nothing else, when the spec documents no error body', () => {
  const text = print(undefined);
  for (const name of [...OTHER_ERROR_CLASSES, ...HTTP_ERROR_CLASSES]) expect(text).toContain(name);
  expect(text).not.toContain('export *');
  expect(text).not.toContain('makeAPIError');
});
