import { createRequire } from 'node:module';

/** The part of compromise's document API that chaperone uses; its own types are loose. */
export interface CompromiseTermJson {
  readonly text: string;
  readonly pre: string;
  readonly post: string;
  readonly normal: string;
  /** The word a contraction stands for (`will` for the second half of `I'll`). */
  readonly implicit?: string;
  readonly tags: readonly string[];
  readonly offset: { readonly start: number; readonly length: number };
}

/** One match or sentence of a compromise document as JSON, with offsets. */
export interface CompromiseMatch {
  readonly text: string;
  readonly offset?: { readonly start: number; readonly length: number };
  readonly terms?: readonly CompromiseTermJson[];
}

/** A parsed compromise document, as far as chaperone uses it. */
export interface CompromiseDocument {
  match(pattern: string): { json(options: object): CompromiseMatch[] };
  json(options: object): CompromiseMatch[];
}

/** compromise's entry point: parses English text into a document. */
export type Compromise = (text: string) => CompromiseDocument;

let compromise: Compromise | undefined;

/**
 * compromise, loaded the first time something needs it: importing it costs ~100 ms, and most
 * messages never need grammar. Shared by `pattern` rules and grammar detectors so it loads once.
 */
export function loadCompromise(): Compromise {
  if (!compromise) {
    const required = createRequire(import.meta.url)('compromise') as Compromise | { default: Compromise };
    compromise = typeof required === 'function' ? required : required.default;
  }
  return compromise;
}

/** Whether compromise has been loaded in this process (for tests of lazy loading). */
export function isCompromiseLoaded(): boolean {
  return compromise !== undefined;
}
