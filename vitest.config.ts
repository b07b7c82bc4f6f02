import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Same contract as tsup's text loader: a rule file imports as its YAML source.
      name: 'yaml-as-text',
      transform(code, id) {
        if (id.endsWith('.yaml')) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
  },
});
