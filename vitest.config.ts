import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { parse } from 'yaml';

export default defineConfig({
  plugins: [
    {
      // Same contract as the build's plugin: a rule file imports as its parsed document.
      name: 'rule-files-as-data',
      transform(code, id) {
        // Terms are normalised at run time here (the build precomputes them: see tsup.config.ts).
        if (id.endsWith('.yaml')) {
          return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(parse(code)))});\nexport const skeletons = [];\nexport const validated = undefined;`, map: null };
        }
        return undefined;
      },
    },
  ],
  resolve: {
    // Tests and the guide's examples import the package by name, as users do, but get the sources.
    alias: [
      { find: /^chaperone\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^chaperone$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
  },
});
