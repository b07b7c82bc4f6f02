import { readFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { ruleFileModule } from './src/policy/rule-file-module.js';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing/index.ts',
    worker: 'src/worker/index.ts',
    cli: 'src/cli/index.ts',
    'scan-worker': 'src/cli/scan/worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', worker: 'src/worker/index.ts' } },
  esbuildPlugins: [
    {
      // Built-in rule files ship inside the bundle already parsed, so a chat backend needs no file
      // access and importing chaperone parses no YAML (parsing them at start-up took longer than
      // everything else createModerator does). A JSON string is the fastest form for V8 to load.
      name: 'rule-files-as-data',
      setup(build) {
        build.onLoad({ filter: /\.yaml$/ }, async (args) => ({ contents: ruleFileModule(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
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
