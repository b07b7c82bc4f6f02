// Types for scripts/corpus.mjs (plain JS with JSDoc), so TypeScript tests can import it.

export interface CorpusMessage {
  id: string;
  sender: string;
  text: string;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number;

/** Deterministic chat-like messages; the same seed gives the same corpus. */
export function generateCorpus(count: number, options?: { seed?: number }): CorpusMessage[];

/** JSONL lines (each ending in "\n") until at least `bytes` UTF-8 bytes were yielded. */
export function generateArchiveLines(options: { seed?: number; bytes: number }): Generator<string, void>;

/** Number of message templates. */
export const TEMPLATE_COUNT: number;

/** Longest message the generator produces, in UTF-16 code units. */
export const MAX_LENGTH: number;
