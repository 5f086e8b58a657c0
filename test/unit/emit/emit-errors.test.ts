import { expect, it } from 'vitest';
import { emitErrors } from '../../../generator/emit/resources/emit-errors.js';
import { printStructures } from '../../../generator/emit/resources/print.js';
import { readRuntimeSurface, runtimeDir } from '../../../generator/model/runtime-names.js';
import type { ErrorsModel } from '../../../generator/model/types.js';

const { http: httpClasses, other: otherClasses } = readRuntimeSurface(runtimeDir()).errorClasses;
const print = (errors: ErrorsModel) => printStructures(new Map([['e.ts', emitErrors(errors)]])).get('e.ts')!;

it('narrows every HTTP error class to the documented body', () => {
  const text = print({
    kind: 'typed',
    bodyTypeName: 'ErrorBody',
    httpClasses,
    otherClasses,
    baseName: 'AcmeError',
  });
  for (const name of httpClasses) {
    expect(text).toContain(`export type ${name} = Core.${name}<ErrorBody>;`);
    expect(text).toContain(
      `export const ${name}: ErrorClass<${name}> = Core.${name} as unknown as ErrorClass<${name}>;`,
    );
  }
});

it('re-exports the runtime error classes by name, and nothing else, when the spec documents no error body', () => {
  const text = print({ kind: 'untyped', httpClasses, otherClasses, baseName: 'AcmeError' });
  for (const name of [...otherClasses, ...httpClasses]) expect(text).toContain(name);
  expect(text).not.toContain('export *');
  expect(text).not.toContain('makeAPIError');
});
