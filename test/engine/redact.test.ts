import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, OptionError } from '../../src/index.js';

const moderator = createModerator();
const message = 'call me on 138 0013 8000 or mail jay.lee@mail.com';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('redact with a name no loaded rule produces', () => {
  it.each([
    [{ entities: ['phon'] }, 'unknown_entity', ['entities', 0], 'phon', 'phone'],
    [{ entities: ['phone', 'emial'] }, 'unknown_entity', ['entities', 1], 'emial', 'email'],
    [{ entities: ['Phone'] }, 'unknown_entity', ['entities', 0], 'Phone', 'phone'],
    [{ entities: ['passport'] }, 'unknown_entity', ['entities', 0], 'passport', undefined],
    [{ categories: ['nonsense'] }, 'unknown_category', ['categories', 0], 'nonsense', undefined],
    [{ categories: ['pii', 'profanty'] }, 'unknown_category', ['categories', 1], 'profanty', 'profanity'],
    [{ categories: ['off_platform'] }, 'unknown_category', ['categories', 0], 'off_platform', 'off-platform'],
    [{ categories: ['PII'] }, 'unknown_category', ['categories', 0], 'PII', 'pii'],
  ])('%j throws %s', (options, code, path, value, suggestion) => {
    const error = thrown(() => moderator.redact(message, options)) as OptionError;
    expect(error).toBeInstanceOf(OptionError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error.name).toBe('OptionError');
    expect({ code: error.code, path: error.path, value: error.value, suggestion: error.suggestion }).toEqual({ code, path, value, suggestion });
    expect(error.message).toContain(`"${value}"`);
    if (suggestion) expect(error.message).toContain(`did you mean "${suggestion}"?`);
  });

  it('throws before looking at the message, so a typo fails on a message without personal data too', () => {
    expect(thrown(() => moderator.redact('hello', { entities: ['phon'] }))).toBeInstanceOf(OptionError);
  });

  it('lists what the moderator knows', () => {
    const error = thrown(() => moderator.redact(message, { entities: ['phon'] })) as OptionError;
    expect(error.known).toEqual(['address', 'bank-account', 'card', 'email', 'handle', 'ip', 'national-id', 'phone', 'url']);
    const category = thrown(() => moderator.redact(message, { categories: ['x'] })) as OptionError;
    expect(category.known).toEqual(['off-platform', 'pii', 'profanity', 'threat']);
  });

  it('knows only the loaded rule sets: pii is unknown to a profanity-only moderator, and its default redacts nothing', () => {
    const profanity = createModerator({ ruleSets: ['profanity'] });
    expect((thrown(() => profanity.redact('what the fuck', { categories: ['pii'] })) as OptionError).code).toBe('unknown_category');
    expect((thrown(() => profanity.redact('what the fuck', { entities: ['phone'] })) as OptionError).code).toBe('unknown_entity');
    expect(profanity.redact('what the fuck').text).toBe('what the fuck');
    expect(profanity.redact('what the fuck', { categories: ['profanity'] }).text).toBe('what the [profanity]');
  });

  it('accepts the category and entity of a custom rule set, and entities its detector declares', () => {
    const custom = loadRuleSet(`
id: passports
category: identity
description: Passport numbers.
rules:
  - id: passport
    description: A passport number.
    severity: high
    score: 0.9
    message: Shares a passport number.
    detector: passport
`);
    const detector = {
      name: 'passport',
      description: 'Nine digits after the word passport.',
      entities: ['passport'],
      detect: ({ text }: { text: string }) => {
        const match = /passport (\d{9})/.exec(text);
        return match ? [{ start: match.index + 9, end: match.index + 18, entity: 'passport' }] : [];
      },
    };
    const moderator = createModerator({ ruleSets: [custom], detectors: [detector] });
    expect(moderator.redact('my passport 123456789', { categories: ['identity'], entities: ['passport'] }).text).toBe('my passport [passport]');
    expect((thrown(() => moderator.redact('x', { categories: ['identity'], entities: ['pasport'] })) as OptionError).suggestion).toBe('passport');
  });

  it.each([[{ categories: 'pii' }], [{ entities: 'phone' }], [{ entities: [1] }]])('%j is a TypeError', (options) => {
    expect(thrown(() => moderator.redact(message, options as never))).toBeInstanceOf(TypeError);
  });

  it('still redacts with known names and with no options', () => {
    expect(moderator.redact(message, { entities: ['phone'] }).text).toBe('call me on [phone] or mail jay.lee@mail.com');
    expect(moderator.redact(message).text).toBe('call me on [phone] or mail [email]');
  });
});
