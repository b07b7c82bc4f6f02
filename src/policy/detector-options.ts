import type { z as Z } from 'zod';
import { optionsSchemaOf } from '../detectors/index.js';
import type { Detector } from '../detectors/types.js';
import type { RuleSetIssue } from './errors.js';
import { schemaIssues, type YamlSource } from './source.js';
import { zodLibrary } from './zod-lib.js';

type Path = readonly (string | number)[];

const built = new WeakMap<Detector, Z.ZodType | null>();

/** A detector's options as a zod schema, built on first use; undefined when it declares none. */
export function detectorOptionsSchema(detector: Detector): Z.ZodType | undefined {
  let schema = built.get(detector);
  if (schema === undefined) {
    schema = optionsSchemaOf(detector)?.(zodLibrary()) ?? null;
    built.set(detector, schema);
  }
  return schema ?? undefined;
}

/**
 * `invalid_option` issues for the options a rule gives its detector (`at` is the path of the
 * rule's `options`): unknown or misspelled keys and values, with "did you mean" where a name is
 * close to a known one. A detector that declares no schema takes any options.
 */
export function detectorOptionIssues(detector: Detector, options: unknown, at: Path, source: Pick<YamlSource, 'issue'>): RuleSetIssue[] {
  const schema = detectorOptionsSchema(detector);
  if (schema === undefined) return [];
  const parsed = schema.safeParse(options ?? {}, { reportInput: true });
  if (parsed.success) return [];
  return schemaIssues(source, parsed.error, (path) => keysAt(schema, path.slice(at.length)), {
    prefix: at,
    code: 'invalid_option',
    unknownKey: (key, known, hint) => {
      const takes = hint !== undefined ? '' : known.length === 0 ? ' (it takes none)' : ` (it takes ${known.join(', ')})`;
      return `unknown option "${key}" for detector "${detector.name}"${takes}`;
    },
  });
}

interface Inspectable {
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly _zod?: { readonly def?: { readonly innerType?: unknown } };
}

/** The keys an object of the schema takes at `path`, for "did you mean" hints. */
function keysAt(schema: Z.ZodType, path: Path): string[] {
  let node = unwrap(schema);
  for (const key of path) {
    const next = typeof key === 'number' ? node?.element : node?.shape?.[key];
    node = unwrap(next);
  }
  return node?.shape ? Object.keys(node.shape) : [];
}

/** Looks through optional and default wrappers to the schema they hold. */
function unwrap(node: unknown): Inspectable | undefined {
  let current = node as Inspectable | undefined;
  while (current?._zod?.def?.innerType !== undefined) current = current._zod.def.innerType as Inspectable;
  return current;
}
