import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
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

describe('the rule-set JSON Schema checks detector options as the loader does', () => {
  // `strict: false`: the schema uses `examples` on `detector`, which ajv would otherwise flag.
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(ruleSetJsonSchema());
  const rule = (body: string) =>
    parse(`id: x\ncategory: threat\ndescription: d\nrules:\n  - id: r\n    description: d\n    severity: high\n    score: 0.8\n    message: m\n${body}`);

  const shipped = readdirSync('rules').filter((f) => /^[a-z-]+\.[a-z]+\.yaml$/.test(f) && !f.includes('.cases.'));
  it.each(shipped)('rules/%s is valid', (file) => {
    expect(validate(parse(readFileSync(`rules/${file}`, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a misspelled threat kind', '    detector: threat-grammar\n    options: { kind: violense }\n', '/rules/0/options/kind'],
    ['an unknown option', '    detector: threat-grammar\n    options: { kind: violence, knd: x }\n', '/rules/0/options'],
    ['a missing required option', '    detector: threat-grammar\n', '/rules/0'],
    ['a misspelled shape', '    detector: contact-token\n    options: { shapes: [hadle] }\n', '/rules/0/options/shapes/0'],
    ['options for a detector that takes none', '    detector: email\n    options: { strict: true }\n', '/rules/0/options'],
  ])('%s is refused at its path', (_, body, path) => {
    expect(validate(rule(body))).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
  });

  it('leaves the options of a custom detector to it', () => {
    expect(validate(rule('    detector: referral-code\n    options: { anything: [goes] }\n'))).toBe(true);
  });
});
