import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, type ThreatEvent } from '../../../src/detectors/threat/analyse.js';
import { listWord } from '../../../src/detectors/threat/compose.js';
import { gate } from '../../../src/detectors/threat/gate.js';
import { loadRuleSet } from '../../../src/policy/load.js';
import { readingText } from '../../../src/detectors/threat/reading.js';
import { createViews } from '../../../src/text/index.js';

const score = (e: ThreatEvent) => e.steps.reduce((sum, step) => sum + step.delta, 0);
/** Events that would reach review with the rule's base score (0.75 to 0.9). */
// The grammar's message-wide hints come from the rule file's lists, as the detector reads them.
const { lists } = loadRuleSet('rules/threat.en.yaml');
const hinted = (plain: string) => analyse(plain, () => ({ game: listWord(plain, lists, 'games') !== undefined }));
const meant = (text: string) => hinted(createViews(text).plain.text).filter((e) => 0.85 + score(e) >= 0.5);

describe('who does what to whom', () => {
  it.each([
    ['I will break your legs', 'violence', 'speaker', 'reader', 'future'],
    ["I'm gonna stab you", 'violence', 'speaker', 'reader', 'future'],
    ['I could strangle you right now', 'violence', 'speaker', 'reader', 'hypothetical'],
    ['someone should shoot him', 'third-party', 'someone', 'a third person', 'called for'],
    ['kill them all', 'third-party', 'the reader, told to', 'a group', 'imperative'],
    ['they should all be hanged', 'third-party', 'unnamed', 'a group', 'called for'],
    ["I'll burn your car", 'violence', 'speaker', "reader's car", 'future'],
    ["I'll hurt your daughter", 'family', 'speaker', "reader's daughter", 'future'],
    ['you will die', 'violence', 'unnamed', 'reader', 'future'],
  ])('%s → %s, agent %s, patient %s, %s', (text, kind, agent, patient, mood) => {
    const event = meant(text).find((e) => e.kind === kind);
    expect(event, JSON.stringify(meant(text))).toBeDefined();
    expect(event!.agent).toBe(agent);
    expect(event!.patient).toBe(patient);
    expect(event!.mood).toContain(mood);
  });
});

describe('frames that change what a clause means', () => {
  it.each([
    ['negated', 'I would never hurt you'],
    ['negated by the subject', "nobody's going to hurt you"],
    ['a question', 'are you going to kill me?'],
    ['reported', 'he said he will kill you'],
    ['quoted and reported', 'she texted me "I will break your legs", please help'],
    ['a plea to support', 'the mover said he will find me. I am scared, please ban him'],
    ['an idiom, the speaker as patient', 'this traffic is killing me'],
    ['an idiom, a thing as patient', "I'll kill this workout"],
    ['praise', 'you killed it'],
    ['break a leg', 'break a leg tonight'],
    ['kill to', "I'd kill to have that view"],
    ['literal advice', 'watch your back when lifting the boxes'],
    ['a game', 'I will destroy you in this game tonight'],
    ['past news', 'a courier got stabbed near the depot last night'],
    ['a technical kill', "I'll kill the server process"],
    ['pickup logistics', "don't worry I'll find you, I'm at the arrivals gate"],
  ])('%s: %s', (_, text) => {
    expect(meant(text)).toEqual([]);
  });

  it.each([
    ['negation with an exception', "I'd never hurt you... unless you report me", 'violence'],
    ["don't make me", "don't make me come to your house", 'intimidation'],
    ['a condition', 'if you report me I will break your legs', 'violence'],
    ['an or clause', "pay up or I'll smash your windows", 'coercion'],
  ])('%s still threatens: %s', (_, text, kind) => {
    expect(meant(text).map((e) => e.kind)).toContain(kind);
  });

  it('names each adjustment as a step', () => {
    const [event] = analyse(createViews('I will find you').plain.text);
    expect(event!.steps.map((s) => s.kind)).toContain('weak-verb');
    const hostile = analyse(createViews('I will find you, you owe me money').plain.text)[0]!;
    expect(hostile.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['weak-verb', 'hostility']));
  });
});

describe('the reading text', () => {
  it.each([
    ['k1ll', 'kill'],
    ['kn0w wh3re u w0rk', 'know where u work'],
    ['flat 4b at 2am', 'flat 4b at 2am'],
    ['whеre', 'where'],
  ])('%s reads as %s', (plain, reading) => {
    expect(readingText(plain)).toBe(reading);
  });

  it('reads every word as the plain word-by-word reading does, keeping the length', () => {
    // The rule spelled out word by word: a word of letters and digits (or @, $) is leetspeak when it
    // is no unit or label and mostly letters.
    const LETTER: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
    const byWord = (text: string) =>
      text.replace(/[a-z0-9@$]+/g, (word) => {
        if (!/[0-9@$]/.test(word) || !/[a-z]/.test(word) || /^\d+(?:st|nd|rd|th|am|pm|k|kg|km|mi|min|mins|hr|hrs|h|m|x|b|a|c|d|f|p|gb|mb|ft|lb|lbs|yo|s)?$/.test(word)) return word;
        const letters = word.replace(/[^a-z]/g, '').length;
        if (letters < 2 || letters < word.length / 2 - 1) return word;
        return word.replace(/[0-9@$]/g, (ch) => LETTER[ch] ?? ch);
      });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'akilnowu0134@$ .7'.split('')), maxLength: 40 }), (text) => {
        expect(readingText(text)).toBe(byWord(text));
        expect(readingText(text)).toHaveLength(text.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the gate before compromise', () => {
  it.each(['see you at the north entrance', 'the traffic is killing me', 'can you send photos of the scratches?', 'thanks, you killed it', 'please rate me 5 stars'])(
    'does not parse %s',
    (text) => {
      expect(gate(readingText(createViews(text).plain.text))).toBeUndefined();
    },
  );
  it.each(['I will kill you', 'I know where you live', 'give me 5 stars or else', 'send nudes', 'your wife drives a white SUV'])('parses %s', (text) => {
    expect(gate(readingText(createViews(text).plain.text))).toBeDefined();
  });
});

describe('long messages', () => {
  it('still finds a threat deep inside a long text with no punctuation, in bounded time', () => {
    const filler = 'the boxes go in the van and the sofa goes last '.repeat(4000);
    const text = `${filler}I will break your legs ${filler}`;
    const started = Date.now();
    const events = analyse(createViews(text).plain.text);
    expect(events.some((e) => e.kind === 'violence')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
