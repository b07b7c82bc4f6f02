import { describe, expect, it } from 'vitest';
import { createModerator, RuleSetError } from '../../src/index.js';
import { loadVocabulary } from '../../src/policy/load.js';
import { sharedVocabulary } from '../../src/policy/vocabulary.js';

const vocabulary = (apps: string, lists = '  invoice-words: [invoice]') =>
  ['vocabulary: test', 'description: d', 'lists:', lists, 'apps:', apps].join('\n');

function issuesOf(text: string) {
  try {
    loadVocabulary(text, 'shared.yaml');
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  throw new Error('expected loadVocabulary to refuse');
}

describe("the vocabulary's apps", () => {
  it('are read as three lists, each term labelled with its app', () => {
    const { lists } = loadVocabulary(vocabulary('  WeChat:\n    names: [wechat, 微信]\n    after-add: [v]\n  Signal:\n    words: [signal]'), 'shared.yaml');
    expect(lists['apps']).toEqual([
      { term: 'wechat', label: 'WeChat' },
      { term: '微信', label: 'WeChat' },
    ]);
    expect(lists['apps-words']).toEqual([{ term: 'signal', label: 'Signal' }]);
    expect(lists['apps-after-add']).toEqual([{ term: 'v', label: 'WeChat' }]);
    expect(lists['invoice-words']).toEqual([{ term: 'invoice', label: 'invoice' }]);
  });

  it.each([
    ['a name given to two apps', '  WeChat:\n    names: [wechat]\n  Weixin:\n    names: [WeChat]', 'duplicate_term', ['apps', 'Weixin', 'names', 0], 9],
    ['a name given twice to one app', '  Signal:\n    names: [signal]\n    words: [signal]', 'duplicate_term', ['apps', 'Signal', 'words', 0], 8],
    ['a list named as the apps are read', '  Kik:\n    names: [kik]', 'duplicate_list', ['lists', 'apps-words'], 4],
    ['a misspelled kind', '  Kik:\n    names: [kik]\n    word: [k]', 'unknown_key', ['apps', 'Kik', 'word'], 8],
    ['an app without names', '  Kik: {}', 'invalid_shape', ['apps', 'Kik'], 6],
    ['names that are not a list', '  Kik:\n    names: kik', 'invalid_shape', ['apps', 'Kik', 'names'], 7],
    ['an empty name', "  Kik:\n    names: ['']", 'invalid_shape', ['apps', 'Kik', 'names', 0], 7],
  ])('refuses %s, with the place in the file', (_, apps, code, path, line) => {
    const lists = code === 'duplicate_list' ? '  apps-words: [x]' : undefined;
    const issues = issuesOf(vocabulary(apps, lists));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path, file: 'shared.yaml', line });
  });

  it('says which name a misspelled kind meant, and where a repeated name was first given', () => {
    expect(issuesOf(vocabulary('  Kik:\n    names: [kik]\n    word: [k]'))[0]!.message).toContain('did you mean "words"');
    expect(issuesOf(vocabulary('  WeChat:\n    names: [wechat]\n  Weixin:\n    names: [WeChat]'))[0]!.message).toContain('apps.WeChat.names[0]');
  });

  it('lists every problem at once', () => {
    const issues = issuesOf(vocabulary('  A:\n    names: [x, y]\n  B:\n    names: [X, Y]'));
    expect(issues.map((i) => i.path)).toEqual([
      ['apps', 'B', 'names', 0],
      ['apps', 'B', 'names', 1],
    ]);
  });

  it('ship as the shared lists apps, apps-words and apps-after-add, one app per name', () => {
    const { lists } = sharedVocabulary();
    const labelOf = (list: string, term: string) => lists[list]!.find((e) => e.term === term)?.label;
    expect(labelOf('apps', '微信')).toBe('WeChat');
    expect(labelOf('apps', '小飞机')).toBe('Telegram');
    expect(labelOf('apps-words', 'snap')).toBe('Snapchat');
    expect(labelOf('apps-after-add', 'line')).toBe('LINE');
    const all = ['apps', 'apps-words', 'apps-after-add'].flatMap((list) => lists[list]!.map((e) => e.term.toLowerCase()));
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('an app added to the shared list', () => {
  const found = (moderator: ReturnType<typeof createModerator>, text: string) =>
    moderator.moderate(text).findings.map((f) => `${f.ruleId}: ${f.message}`);
  const withZangi = createModerator({ overrides: 'overrides: zangi\nlists:\n  shared/apps:\n    add: { Zangi: [zangi, 赞吉] }\n' });

  it('is an app to the pii handle rule and to the English and Chinese off-platform rules', () => {
    const english = found(withZangi, 'add me on zangi: jay_88');
    expect(english).toContain('pii/handle: Shares an account id for Zangi (jay_88).');
    expect(english).toContain('off-platform/contact-app-request: Asks to continue the conversation on Zangi.');
    expect(english).toContain('off-platform/contact-handle-shared: Shares a handle (jay_88) to continue outside the platform.');
    const chinese = found(withZangi, '加我赞吉 abc_123，私聊');
    expect(chinese).toContain('pii/handle: Shares an account id for Zangi (abc_123).');
    expect(chinese).toContain('off-platform/contact-app-request-zh: Asks to continue the conversation on Zangi.');
    expect(chinese).toContain('off-platform/contact-shared-zh: Shares a contact (abc_123) to continue outside the platform.');
  });

  it('is nothing to the built-in policy without it', () => {
    const builtin = createModerator();
    const named = (text: string) => found(builtin, text).filter((f) => f.startsWith('pii/') || f.includes('Zangi') || f.includes('contact-app-request'));
    expect(named('add me on zangi: jay_88')).toEqual([]);
    expect(named('加我赞吉 abc_123，私聊')).toEqual([]);
  });

  it('as an after-add name counts after 加 and before an unmistakable id, not after an English request', () => {
    const moderator = createModerator({ overrides: 'overrides: zng\nlists:\n  shared/apps-after-add:\n    add: { Zangi: [zng] }\n' });
    expect(found(moderator, '加我 zng')).toContain('off-platform/contact-app-request-zh: Asks to continue the conversation on Zangi.');
    expect(found(moderator, 'text me zng soon')).toEqual([]);
    expect(found(moderator, 'zng jay_88')).toContain('pii/handle: Shares an account id for Zangi (jay_88).');
    expect(found(moderator, 'zng: jaymoves').filter((f) => f.startsWith('pii/'))).toEqual([]);
  });
});
