import type { Views } from '../../text/index.js';
import type { Detector, DetectorMatch } from '../types.js';
import { analyse, explainThreats, type Hints, type ThreatEvent, type ThreatKind } from './analyse.js';
import { compose, FAMILIES, listWord, type SetAside } from './compose.js';
import type { DetectorContext } from '../types.js';

const KINDS: readonly ThreatKind[] = ['violence', 'intimidation', 'family', 'coercion', 'sexual', 'third-party'];

// Every threat rule asks about the same message; the analysis runs once per message's views.
const cache = new WeakMap<Views, readonly ThreatEvent[]>();

function eventsFor(views: Views, hints: () => Hints): readonly ThreatEvent[] {
  let events = cache.get(views);
  if (!events) cache.set(views, (events = analyse(views.plain.text, hints)));
  return events;
}

/** What the rule set's lists say about the message as a whole (a game), for the grammar's frames. */
function hintsOf({ views, lists, ruleSetLists }: DetectorContext): Hints {
  return { game: listWord(views.plain.text, ruleSetLists ?? lists, 'games') !== undefined };
}

/**
 * The threat grammar: who does what to whom, and whether it is meant. `options.kind` picks which
 * threats a rule reports (violence, intimidation, family, coercion, sexual, third-party).
 */
export const threatGrammarDetector: Detector = {
  name: 'threat-grammar',
  description:
    'English threat grammar on compromise: agent (speaker, someone), patient (reader, family, property, third person or group) ' +
    'and mood (future, modal, imperative, conditional; negated, asked, quoted, reported, idiom). ' +
    'options.kind: violence, intimidation, family, coercion, sexual or third-party.',
  placeholders: ['agent', 'patient', 'mood'],
  detect(context): DetectorMatch[] {
    const { views, options } = context;
    const kind = options.kind as ThreatKind;
    // moderate() never throws, so a rule with an unknown kind finds nothing (its cases will say so).
    if (!KINDS.includes(kind)) return [];
    return eventsFor(views, () => hintsOf(context))
      .filter((e) => e.kind === kind)
      .map((e) => ({
        view: 'plain' as const,
        start: e.start,
        end: e.end,
        steps: e.steps,
        values: { agent: e.agent, patient: e.patient, mood: e.mood },
      }));
  },
  explainRejected(context) {
    const { views, options } = context;
    return explainThreats(views.plain.text, () => hintsOf(context))
      .filter((e) => e.kind === options.kind)
      .map((e) => ({
        view: 'plain' as const,
        start: e.start,
        end: e.end,
        reason: e.steps
          .filter((step) => step.delta < 0)
          .map((step) => step.note)
          .join('; ') || 'scored far below the base score',
      }));
  },
};

/**
 * The compositional threat grammar: `options.frame` names a kind of threat (group, leverage,
 * veiled, coercion, advances) whose shapes are filled from the rule set's lists.
 */
export const threatFramesDetector: Detector = {
  name: 'threat-frames',
  description:
    'Threats composed of parts in an order (who, mood, harm, target), each part filled from a list of the rule set. options.frame: ' +
    `${Object.keys(FAMILIES).join(', ')}.`,
  placeholders: ['parts'],
  // `reads` names the shared lists a frame reads beyond its trigger (`@shared/people-nouns`).
  optionsSchema: (z) =>
    z.strictObject({
      frame: z.enum(Object.keys(FAMILIES) as [string, ...string[]]),
      reads: z.array(z.string().regex(/^@shared\/[A-Za-z0-9_-]+$/, 'expected a shared list such as "@shared/people-nouns"')).optional(),
    }),
  detect({ views, options, lists, ruleSetLists }): DetectorMatch[] {
    return compose(views.plain.text, ruleSetLists ?? lists, String(options.frame), undefined, lists).map((t) => ({
      view: 'plain' as const,
      start: t.start,
      end: t.end,
      steps: t.steps,
      values: { parts: t.parts },
    }));
  },
  explainRejected({ views, options, lists, ruleSetLists }) {
    const setAside: SetAside[] = [];
    compose(views.plain.text, ruleSetLists ?? lists, String(options.frame), setAside, lists);
    return setAside.map((s) => ({ view: 'plain' as const, start: s.start, end: s.end, reason: s.reason }));
  },
};

/** Detectors behind the `threat` rule set. */
export const threatDetectors: readonly Detector[] = [threatGrammarDetector, threatFramesDetector];
