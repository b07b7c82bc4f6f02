import { createRequire } from 'node:module';

type Distances = typeof import('natural/lib/natural/distance/levenshtein_distance.js');

let library: Distances | undefined;

/**
 * natural's edit distances, loaded on first use: the module loads underscore with it (about
 * 10 ms of importing chaperone), and it is needed only for a word that already passed the cheap
 * typo filters of the app-name check, or for a "did you mean" hint in an error.
 */
function distances(): Distances {
  library ??= createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as Distances;
  return library;
}

/** Levenshtein distance between two strings (natural's). */
export function levenshtein(source: string, target: string): number {
  return distances().LevenshteinDistance(source, target, {});
}

/** Damerau-Levenshtein distance with adjacent transpositions costing 1 (natural's). */
export function damerauLevenshtein(source: string, target: string): number {
  return distances().DamerauLevenshteinDistance(source, target, { transposition_cost: 1 });
}
