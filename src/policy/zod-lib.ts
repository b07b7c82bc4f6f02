import { createRequire } from 'node:module';

/**
 * zod's namespace object. Schema builders take it as a parameter named `z`; typing that parameter
 * with this alias rather than `typeof z` keeps the bundled .d.ts valid, where the type bundler
 * renames an aliased import back to `z` and `z: typeof z` would refer to itself (TS2502).
 */
export type ZodLibrary = typeof import('zod').z;

let library: ZodLibrary | undefined;

/**
 * zod, loaded on first use. Loading it took about 100 ms, half of importing chaperone, and a
 * moderator made of the built-in rule sets never needs it: they ship validated by the build.
 * Rule files, overrides and case files that users load are validated by it as before.
 */
export function zodLibrary(): ZodLibrary {
  library ??= (createRequire(import.meta.url)('zod') as { z: ZodLibrary }).z;
  return library;
}
