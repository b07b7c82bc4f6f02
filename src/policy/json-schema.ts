import { overridesSchema } from './overrides.js';
import { schemas } from './schema.js';
import { zodLibrary } from './zod-lib.js';

/** JSON Schema for rule files, so editors complete and check them as they are typed. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone rule set', ...zodLibrary().toJSONSchema(schemas().ruleSet, { io: 'input' }) };
}

/** JSON Schema for `*.cases.yaml` test-case files. */
export function caseFileJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone rule-set test cases', ...zodLibrary().toJSONSchema(schemas().caseFile, { io: 'input' }) };
}

/** JSON Schema for policy overrides files. */
export function overridesJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone policy overrides', ...zodLibrary().toJSONSchema(overridesSchema, { io: 'input' }) };
}
