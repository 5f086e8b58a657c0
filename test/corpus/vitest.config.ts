import { defineConfig } from 'vitest/config';

/**
 * The slow corpus (`npm run test:corpus`): GitHub's REST API description, 3.0 as published and 3.1 as rewritten,
 * about 1 200 operations each. Files end in `.corpus.ts` so the default `npm test` (test/**\/*.test.ts) skips them;
 * the fast corpus runs there.
 */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.corpus.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
