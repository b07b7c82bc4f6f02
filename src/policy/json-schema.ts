import { z } from 'zod';
import { overridesSchema } from './overrides.js';
import { caseFileSchema, ruleSetSchema } from './schema.js';

/** JSON Schema for rule files, so editors complete and check them as they are typed. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone rule set', ...z.toJSONSchema(ruleSetSchema, { io: 'input' }) };
}

/** JSON Schema for `*.cases.yaml` test-case files. */
export function caseFileJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone rule-set test cases', ...z.toJSONSchema(caseFileSchema, { io: 'input' }) };
}

/** JSON Schema for policy overrides files. */
export function overridesJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone policy overrides', ...z.toJSONSchema(overridesSchema, { io: 'input' }) };
}
