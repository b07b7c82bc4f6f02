import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet } from '../../src/index.js';
import { bareTerm, inflections, termEntries } from '../../src/policy/term-entries.js';

describe('a verb written with + stands for its forms', () => {
  it('expands each marked word of a term, regular and irregular verbs alike', () => {
    expect(inflections('kill+ you')).toEqual(expect.arrayContaining(['kill you', 'kills you', 'killed you', 'killing you']));
    expect(inflections('get+ rid of')).toEqual(expect.arrayContaining(['get rid of', 'gets rid of', 'got rid of', 'getting rid of']));
    expect(inflections('run+ over')).toEqual(expect.arrayContaining(['runs over', 'ran over', 'running over']));
    expect(inflections('stab+')).toEqual(expect.arrayContaining(['stabbed', 'stabbing']));
  });

  it('leaves every other term as written: no marker, a + inside a word, wildcards, Chinese', () => {
    for (const term of ['kill', 'c++ jobs', '+1', 'murder*', '弄死你', 'a + b']) expect(inflections(term)).toEqual([term]);
  });

  it('labels the forms with the term as written without its markers', () => {
    expect(bareTerm('kill+ you')).toBe('kill you');
    const entries = termEntries(['kill+', 'knife']);
    expect(entries.filter((e) => e.label === 'kill').map((e) => e.term)).toEqual(expect.arrayContaining(['kill', 'killed']));
    expect(termEntries({ harm: ['lynch+'] }).every((e) => e.label === 'harm')).toBe(true);
  });

  it("expands a policy author's words at load, in a rule file and in overrides", () => {
    const file = [
      'id: moving-threats',
      'category: threat',
      'description: d',
      'lists:',
      '  acts: [defenestrate+]',
      'rules:',
      '  - id: throw',
      '    description: d',
      '    severity: high',
      '    score: 0.9',
      '    message: m',
      "    terms: ['@acts']",
    ].join('\n');
    const ruleSet = loadRuleSet(file);
    const moderator = createModerator({ ruleSets: [ruleSet] });
    expect(moderator.moderate('he got defenestrated last week').findings.map((f) => f.ruleId)).toEqual(['moving-threats/throw']);
    const overrides = "overrides: ours\nlists:\n  moving-threats/acts: { add: ['chuck+'] }\n";
    const tuned = createModerator({ ruleSets: [ruleSet], overrides });
    expect(tuned.moderate('he chucked it out of the window').findings.map((f) => f.ruleId)).toEqual(['moving-threats/throw']);
    // Removing the verb as written takes every form out.
    const trimmed = createModerator({ ruleSets: [ruleSet], overrides: "overrides: ours\nlists:\n  moving-threats/acts: { remove: ['defenestrate+'] }\n" });
    expect(trimmed.moderate('he got defenestrated').findings).toEqual([]);
  });
});
