import type { TermHit } from '../engine/term-matcher.js';
import type { TermEntry, Vocabulary } from '../policy/load.js';
import type { SkeletonView, Span } from '../text/types.js';

/** The word lists of the conversation vocabulary that are matched in message text. */
export const WORD_LISTS = [
  'refusals',
  'not-refusals',
  'cancel-requests',
  'contact-proposals',
  'quote-markers',
  'carry-on',
  'paid-by-hand',
  'paid-on-arrival',
  'rebook',
  'pitches',
  'app-mentions',
  'contact-moves',
] as const;
export type WordList = (typeof WORD_LISTS)[number];

/** Occurrences of each word list in one message, in original offsets, in order. */
export type WordHits = { readonly [list in WordList]?: readonly Span[] };

/** The conversation vocabulary compiled: its word lists, which the moderator's one scan matches, and the hostility kinds. */
export interface Lexicon {
  /** The word lists in the order of {@link WORD_LISTS}, for the moderator to watch for. */
  readonly watch: readonly (readonly TermEntry[])[];
  /** The kinds of hostility in rising order (`insult`, `sexual-remark`, `threat`). */
  readonly hostility: readonly string[];
  /** The index in `hostility` of the kind a rule's findings count as, or -1. */
  hostilityOf(ruleId: string): number;
}

/** Compiles a conversation vocabulary (after overrides) into a {@link Lexicon}. */
export function compileLexicon(vocabulary: Vocabulary): Lexicon {
  const hostility: string[] = [];
  const exact = new Map<string, number>();
  const bySet = new Map<string, number>();
  for (const entry of vocabulary.lists.hostility ?? []) {
    if (!hostility.includes(entry.label)) hostility.push(entry.label);
    const kind = hostility.indexOf(entry.label);
    if (entry.term.endsWith('/*')) {
      if (!bySet.has(entry.term.slice(0, -2))) bySet.set(entry.term.slice(0, -2), kind);
    } else if (!exact.has(entry.term)) exact.set(entry.term, kind);
  }
  const kinds = new Map<string, number>();
  return {
    watch: WORD_LISTS.map((list) => vocabulary.lists[list] ?? []),
    hostility,
    hostilityOf(ruleId) {
      let kind = kinds.get(ruleId);
      if (kind === undefined) {
        kind = exact.get(ruleId) ?? bySet.get(ruleId.slice(0, Math.max(0, ruleId.indexOf('/')))) ?? -1;
        if (kinds.size < 10_000) kinds.set(ruleId, kind);
      }
      return kind;
    },
  };
}

/** The word hits of a message from the watched hits of its scan, in original offsets. */
export function wordHitsOf(hits: readonly TermHit[], watched: readonly (readonly number[] | undefined)[], skeleton: SkeletonView): WordHits {
  if (hits.length === 0) return {};
  const out: { [list in WordList]?: Span[] } = {};
  for (const hit of hits) {
    if (hit.end <= hit.start) continue;
    const span = { start: skeleton.starts[hit.start]!, end: skeleton.ends[hit.end - 1]! };
    for (const list of watched[hit.term] ?? []) (out[WORD_LISTS[list]!] ??= []).push(span);
  }
  return out;
}
