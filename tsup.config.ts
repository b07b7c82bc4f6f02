import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defineConfig } from 'tsup';
import { parse } from 'yaml';
import { precomputeSkeletons } from './src/engine/term-matcher.js';
import { documentTerms } from './src/policy/document-terms.js';
import { loadParsedRuleSet, loadParsedVocabulary } from './src/policy/load.js';

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/index.ts', 'scan-worker': 'src/cli/scan/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
  esbuildPlugins: [
    {
      // Built-in rule files ship inside the bundle already parsed, so a chat backend needs no file
      // access and importing chaperone parses no YAML (parsing them at start-up took longer than
      // everything else createModerator does). A JSON string is the fastest form for V8 to load.
      name: 'rule-files-as-data',
      setup(build) {
        build.onLoad({ filter: /\.yaml$/ }, async (args) => {
          const data: unknown = parse(await readFile(args.path, 'utf8'));
          // Its terms go normalised too, by the same code that would otherwise normalise them
          // when the first moderator is created.
          const terms = precomputeSkeletons(documentTerms(data));
          // Validated here, by the loader's own code (a broken built-in file fails the build), so
          // that a moderator of built-in rule sets needs neither zod nor a second validation.
          const file = `rules/${basename(args.path)}`;
          // A vocabulary file (rules/shared.yaml) holds lists only; rule files hold rules.
          const isVocabulary = typeof data === 'object' && data !== null && 'vocabulary' in data;
          const validated = { ...(isVocabulary ? loadParsedVocabulary(data, file) : loadParsedRuleSet(data, file)) };
          return {
            contents: [
              'export default undefined;',
              `export const validated = JSON.parse(${JSON.stringify(JSON.stringify(validated))});`,
              `export const skeletons = JSON.parse(${JSON.stringify(JSON.stringify(terms))});`,
            ].join('\n'),
            loader: 'js',
          };
        });
      },
    },
  ],
  target: 'node20',
  platform: 'node',
  // No source maps: the bundle is not minified, so its stack traces read as they are, and the maps
  // (most of the package's size) would point at src/, which does not ship.
  sourcemap: false,
  clean: true,
  shims: true,
  splitting: true,
});
