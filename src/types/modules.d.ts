declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(source: string, target: string, options?: Record<string, number>): number;
  export function DamerauLevenshteinDistance(source: string, target: string, options?: Record<string, unknown>): number;
}

/** A rule file, parsed when the package is built (see tsup.config.ts). */
declare module '*.yaml' {
  const document: unknown;
  export default document;
  /** The file's terms normalised at build time ([cache key, normal form]); empty when run from sources. */
  export const normalisedTerms: readonly (readonly [string, never])[];
}
