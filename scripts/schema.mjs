#!/usr/bin/env node
// Writes schema/*.schema.json from the zod schemas in the built package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { caseFileJsonSchema, overridesJsonSchema, ruleSetJsonSchema } from '../dist/index.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/rule-set.schema.json', `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
writeFileSync('schema/cases.schema.json', `${JSON.stringify(caseFileJsonSchema(), null, 2)}\n`);
writeFileSync('schema/overrides.schema.json', `${JSON.stringify(overridesJsonSchema(), null, 2)}\n`);
console.log('wrote schema/rule-set.schema.json, schema/cases.schema.json and schema/overrides.schema.json');
