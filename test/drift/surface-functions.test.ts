import { expect, it } from 'vitest';
import { methodSignatures } from '../../generator/drift/surface.js';
import { apiModel, operation, resource } from '../support/model-builders.js';

it('a standalone function renamed is a change of the public surface, as a method renamed is', () => {
  const named = (functionName: string) =>
    methodSignatures(apiModel({ resources: [resource({ operations: [operation({ functionName })] })] }));
  expect(named('widgetsList').get('client.widgets.list')).toContain('widgetsList');
  expect(named('widgetsList2').get('client.widgets.list')).not.toBe(
    named('widgetsList').get('client.widgets.list'),
  );
});
