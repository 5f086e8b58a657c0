import { defineConfig } from 'vitest/config';

/**
 * The slow corpus (`npm run test:corpus`): GitHub's REST API descriptions (3.0 as published, 3.1 as rewritten, GHEC,
 * GHES), about 1 200 operations each, and the wire test (every operation of the fast corpus and of GitHub's 3.0
 * description called against Prism). Files end in `.corpus.ts` so the default `npm test` (test/**\/*.test.ts)
 * skips them; the fast corpus runs there.
 */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.corpus.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
