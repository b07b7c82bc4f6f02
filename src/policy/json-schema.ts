import { builtinDetectors } from '../detectors/index.js';
import { detectorOptionsSchema } from './detector-options.js';
import { overridesSchema } from './overrides.js';
import { schemas } from './schema.js';
import { zodLibrary } from './zod-lib.js';

/**
 * JSON Schema for rule files, so editors complete and check them as they are typed. A rule that
 * names a built-in detector has its `options` checked against that detector's own schema.
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  const z = zodLibrary();
  const schema = z.toJSONSchema(schemas().ruleSet, { io: 'input' }) as JsonObject;
  const rule = (schema.properties as { rules: { items: { properties: JsonObject } & JsonObject } }).rules.items;
  rule.properties.detector = { ...(rule.properties.detector as JsonObject), examples: builtinDetectors().map((d) => d.name) };
  rule.allOf = builtinDetectors().flatMap((detector) => {
    const options = detectorOptionsSchema(detector);
    if (options === undefined) return [];
    const { $schema: _, ...optionsJson } = z.toJSONSchema(options, { io: 'input' }) as JsonObject;
    // A detector with a required option (threat-grammar's kind) needs `options` itself too.
    const required = Array.isArray(optionsJson.required) && optionsJson.required.length > 0 ? { required: ['options'] } : {};
    return [
      {
        if: { properties: { detector: { const: detector.name } }, required: ['detector'] },
        then: { properties: { options: optionsJson }, ...required },
      },
    ];
  });
  return { title: 'chaperone rule set', ...schema };
}

type JsonObject = Record<string, unknown>;

/** JSON Schema for `*.cases.yaml` test-case files. */
export function caseFileJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone rule-set test cases', ...zodLibrary().toJSONSchema(schemas().caseFile, { io: 'input' }) };
}

/** JSON Schema for policy overrides files. */
export function overridesJsonSchema(): Record<string, unknown> {
  return { title: 'chaperone policy overrides', ...zodLibrary().toJSONSchema(overridesSchema, { io: 'input' }) };
}
