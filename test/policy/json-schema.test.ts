import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseFileJsonSchema, overridesJsonSchema, ruleSetJsonSchema } from '../../src/policy/json-schema.js';

describe('JSON Schemas in schema/', () => {
  it.each([
    ['schema/rule-set.schema.json', ruleSetJsonSchema],
    ['schema/cases.schema.json', caseFileJsonSchema],
    ['schema/overrides.schema.json', overridesJsonSchema],
  ])('%s is generated from the zod schemas (run `npm run schema` after changing them)', (file, generate) => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(generate());
  });
});
