import { expect, it } from 'vitest';
import { emitErrors, HTTP_ERROR_CLASSES } from '../../../generator/emit/resources/emit-errors.js';
import { printStructures } from '../../../generator/emit/resources/print.js';

const print = (name: string | undefined) =>
  printStructures(new Map([['e.ts', emitErrors(name)]])).get('e.ts')!;

it('narrows every HTTP error class to the documented body', () => {
  const text = print('ErrorBody');
  for (const name of HTTP_ERROR_CLASSES) {
    expect(text).toContain(`export type ${name} = Core.${name}<ErrorBody>;`);
    expect(text).toContain(
      `export const ${name}: ErrorClass<${name}> = Core.${name} as unknown as ErrorClass<${name}>;`,
    );
  }
});

it('re-exports the runtime errors unchanged when the spec documents no error body', () => {
  expect(print(undefined).trim()).toBe(`export * from "./core/errors.js";`);
});
