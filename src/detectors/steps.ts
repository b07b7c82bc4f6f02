import type { ExplanationStep } from '../engine/types.js';

/** Step lists by note; cleared when full, so a flood of distinct notes cannot grow it without end. */
const byNote = new Map<string, readonly ExplanationStep[]>();
const LIMIT = 10_000;

/**
 * The one step `{ kind: 'detector', delta: 0, note }` of a detector match that says what was
 * checked, frozen and shared by every match with the same note: a long message can hold
 * hundreds of thousands of the same card, handle or phone number, and each match kept its own
 * array, step and note until the message's findings were built.
 */
export function detectorSteps(note: string): readonly ExplanationStep[] {
  let steps = byNote.get(note);
  if (steps === undefined) {
    if (byNote.size >= LIMIT) byNote.clear();
    byNote.set(note, (steps = Object.freeze([Object.freeze({ kind: 'detector', delta: 0, note })])));
  }
  return steps;
}
