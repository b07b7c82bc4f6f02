import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';

const moderator = createModerator();

describe('control characters, DEL, lone surrogates and U+2800 inside a word', () => {
  it.each([
    ['f\x01u\x01c\x01k', 'profanity/vulgar-word', 'f\x01u\x01c\x01k'],
    ['you fu\ud800ck', 'profanity/vulgar-word', 'fu\ud800ck'],
    ['sh\x7fit driver', 'profanity/vulgar-word', 'sh\x7fit'],
    ['f\u2800u\u2800c\u2800k', 'profanity/vulgar-word', 'f\u2800u\u2800c\u2800k'],
    ['we\x00chat me', 'off-platform/contact-app-verb', 'we\x00chat me'],
    ['add me on we\x7fchat', 'off-platform/contact-app-request', 'add me on we\x7fchat'],
    ['add me on whats\x1bapp pls', 'off-platform/contact-app-request', 'add me on whats\x1bapp'],
    ['加\x01微\x01信', 'off-platform/contact-app-request-zh', '加\x01微\x01信'],
    ['加\u2800微\u2800信', 'off-platform/contact-app-request-zh', '加\u2800微\u2800信'],
    ['my number is 138\x010013\x018000', 'pii/phone', '138\x010013\x018000'],
    ['my number is 138\x01 0013\x7f 8000', 'pii/phone', '138\x01 0013\x7f 8000'],
    ['my number is 138\x010013\x018000', 'off-platform/contact-number-shared', '138\x010013\x018000'],
    ['my number is 138\u200b0013\u200b8000', 'pii/phone', '138\u200b0013\u200b8000'],
    ['card 4916\x013385\x010608\x012832', 'pii/card', '4916\x013385\x010608\x012832'],
  ])('%j is found as %s with its exact span', (text, ruleId, written) => {
    const finding = moderator.moderate(text).findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(text)).toBeDefined();
    expect(finding!.text).toBe(written);
    expect(text.slice(finding!.start, finding!.end)).toBe(written);
    expect(finding!.start).toBe(text.indexOf(written));
  });
});

describe('tab, newline and U+2800 between words keep them apart', () => {
  // Each pair of innocent words spells a vulgar word when joined (bellend, knobhead, gook).
  it.each([
    'ring the bell\tend of the day',
    'ring the bell\nend of the day',
    'ring the bell\u2800end of the day',
    'turn the knob\thead first',
    'turn the knob\r\nhead first',
    'turn the knob\u2800head first',
    'turn the knob\u2800\x01head first',
    'let me go\u2800ok',
    'let me go\tok',
  ])('%j is not flagged', (text) => {
    expect(moderator.moderate(text).categories.profanity, JSON.stringify(text)).toBeUndefined();
  });
});
