import { createRequire } from 'node:module';

type ZodLibrary = typeof import('zod').z;

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
