import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { ruleFileModule } from './src/policy/rule-file-module.js';

export default defineConfig({
  plugins: [
    {
      // The build's plugin: a rule file imports as its validated document.
      name: 'rule-files-as-data',
      transform(code, id) {
        // Validated and normalised by the build's own code, so tests see what the package ships.
        if (id.endsWith('.yaml')) return { code: ruleFileModule(code, id), map: null };
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
