import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, RuleSetError } from '../../src/index.js';
import { sharedVocabulary } from '../../src/policy/vocabulary.js';

// A custom rule set that reads the shared group nouns, as the profanity issue's group insults will.
const groupWatch = loadRuleSet(
  [
    'id: group-watch',
    'category: group-watch',
    'description: Mentions of a group of people.',
    'rules:',
    '  - id: group-mention',
    '    description: Names a group of people.',
    '    severity: low',
    '    score: 0.6',
    '    message: "Mentions {{term}}."',
    "    terms: ['@shared/group-nouns']",
  ].join('\n'),
  { file: 'group-watch.yaml' },
);

const found = (moderator: ReturnType<typeof createModerator>, text: string) => moderator.moderate(text).findings.map((f) => `${f.ruleId} ${f.text}`);

function issuesOf(options: Parameters<typeof createModerator>[0]) {
  try {
    createModerator(options);
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  throw new Error('expected createModerator to refuse');
}

describe('the shared vocabulary', () => {
  it('is read by any rule set as @shared/<name>, whichever built-in rule sets are loaded', () => {
    expect(Object.keys(sharedVocabulary().lists)).toContain('group-nouns');
    const alone = createModerator({ ruleSets: [groupWatch] });
    expect(found(alone, 'the refugees arrived today')).toEqual(['group-watch/group-mention refugees']);
    const withThreatDisabled = createModerator({ ruleSets: [groupWatch, 'threat'], disable: ['threat'] });
    expect(found(withThreatDisabled, '那些外地人')).toEqual(['group-watch/group-mention 外地人']);
  });

  it('refuses a shared list it does not have, with the place in the file and a suggestion', () => {
    const broken = loadRuleSet(
      'id: broken\ncategory: x\ndescription: d\nrules:\n  - id: r\n    description: d\n    severity: low\n    score: 0.5\n    message: m\n    terms: ["@shared/group-noun"]\n',
      { file: 'broken.yaml' },
    );
    const [issue] = issuesOf({ ruleSets: [broken] });
    expect(issue).toMatchObject({ code: 'unknown_list', file: 'broken.yaml', line: 10, path: ['rules', 0, 'terms', 0] });
    expect(issue!.message).toContain('@shared/group-nouns');
  });

  it('is extended and trimmed for every rule set at once through overrides', () => {
    const overrides = [
      'overrides: our-policy',
      'lists:',
      '  shared/group-nouns:',
      '    add: { zorblaxians: [zorblaxians] }',
      '    remove: [refugees]',
    ].join('\n');
    const tuned = createModerator({ ruleSets: [groupWatch, 'threat'], overrides });
    expect(found(tuned, 'the zorblaxians arrived')).toEqual(['group-watch/group-mention zorblaxians']);
    expect(found(tuned, 'the refugees arrived')).toEqual([]);
    expect(tuned.moderate('all zorblaxians should be shot').findings.map((f) => f.ruleId)).toContain('threat/group-threat');
    // The built-in policy is untouched by another moderator's overrides.
    expect(found(createModerator({ ruleSets: [groupWatch] }), 'the refugees arrived')).toEqual(['group-watch/group-mention refugees']);
  });

  it('changes a rule set list with add and remove, and refuses removing a term the list does not have', () => {
    const overrides = "overrides: ours\nlists:\n  threat/harm-acts: { remove: ['shoot', 'shooting', 'shot'] }\n";
    const tuned = createModerator({ ruleSets: ['threat'], overrides });
    expect(tuned.moderate('someone should shoot those immigrants').findings.map((f) => f.ruleId)).not.toContain('threat/group-threat');
    const [issue] = issuesOf({ ruleSets: ['threat'], overrides: "overrides: ours\nlists:\n  threat/harm-acts: { remove: ['shooot'] }\n" });
    expect(issue).toMatchObject({ code: 'unknown_term', path: ['lists', 'threat/harm-acts', 'remove', 0] });
    expect(issue!.message).toContain('did you mean "shoot"');
    const [unknownShared] = issuesOf({ ruleSets: ['threat'], overrides: 'overrides: ours\nlists:\n  shared/group-noun: [x]\n' });
    expect(unknownShared).toMatchObject({ code: 'unknown_list' });
    expect(unknownShared!.message).toContain('shared/group-nouns');
  });
});
