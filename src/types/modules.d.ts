declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(source: string, target: string, options?: Record<string, number>): number;
  export function DamerauLevenshteinDistance(source: string, target: string, options?: Record<string, unknown>): number;
}

/** A rule file, parsed when the package is built (see tsup.config.ts). */
declare module '*.yaml' {
  const document: unknown;
  export default document;
  /** Skeletons of the file's terms computed at build time ([body, text, runs]); empty when run from sources. */
  export const skeletons: readonly (readonly [string, string, string])[];
}
