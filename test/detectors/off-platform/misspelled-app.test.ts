import { describe, expect, it } from 'vitest';
import { misspelledApp, misspelledAppDetector } from '../../../src/detectors/off-platform/index.js';
import { createViews, mapSpanToOriginal } from '../../../src/text/index.js';

const names = [
  { label: 'Telegram', key: 'telegram' },
  { label: 'WhatsApp', key: 'whatsap' },
  { label: 'Instagram', key: 'instagram' },
];

describe('misspelledApp', () => {
  it.each([
    ['teiegram', 'Telegram'],
    ['telegarm', 'Telegram'],
    ['telegrm', 'Telegram'],
    ['whtsap', 'WhatsApp'],
    ['instagarm', 'Instagram'],
    ['instagran', 'Instagram'],
  ])('%s is %s misspelled', (word, label) => {
    expect(misspelledApp(word, names)?.label).toBe(label);
  });

  it.each(['telegram', 'whatsap', 'telegrams', 'telegraph', 'xelegram', 'program', 'instant'])('%s is not a misspelling', (word) => {
    expect(misspelledApp(word, names)).toBeUndefined();
  });
});

describe('misspelled-app detector', () => {
  const options = { apps: { Telegram: ['telegram'], WhatsApp: ['whatsapp'] }, before: ['on', 'via'] };
  const found = (text: string) => {
    const views = createViews(text);
    return misspelledAppDetector.detect({ text, views, options, lists: {} }).map((m) => {
      const span = mapSpanToOriginal(views.skeleton, m.start, m.end);
      return [text.slice(span.start, span.end), m.values!['app']];
    });
  };

  it.each([
    ['message me on teIegram', [['teIegram', 'Telegram']]],
    ['reach me via whtsapp', [['whtsapp', 'WhatsApp']]],
    ['add me on the telegarm', [['telegarm', 'Telegram']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(['message me on telegram', 'the telegarm arrived', 'nothing here'])('finds nothing in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads the names of shared lists it names, and passes over those too short to compare', () => {
    const lists = {
      'shared/apps': [
        { term: 'telegram', label: 'Telegram' },
        { term: 'tg', label: 'Telegram' },
        { term: 'hangouts', label: 'Google Chat' },
      ],
      'shared/apps-words': [{ term: 'messenger', label: 'Facebook' }],
    };
    const shared = { apps: ['@shared/apps', '@shared/apps-words'], before: ['on', 'the'] };
    const apps = (text: string) => misspelledAppDetector.detect({ text, views: createViews(text), options: shared, lists }).map((m) => m.values!['app']);
    expect(apps('add me on telegarm')).toEqual(['Telegram']);
    expect(apps('message me on messanger')).toEqual(['Facebook']);
    expect(apps('add me on tq')).toEqual([]);
    // A name's singular is no misspelling of it: "the hangout" is a place, not Google Chat.
    expect(apps('message me on the hangout')).toEqual([]);
  });

  it('ignores names too short to compare safely', () => {
    const views = createViews('add me on vibr');
    expect(misspelledAppDetector.detect({ text: 'add me on vibr', views, options: { apps: { Viber: ['viber'] } }, lists: {} })).toEqual([]);
  });
});
