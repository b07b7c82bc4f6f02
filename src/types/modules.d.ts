declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(source: string, target: string, options?: Record<string, number>): number;
  export function DamerauLevenshteinDistance(source: string, target: string, options?: Record<string, unknown>): number;
}

declare module '*.yaml' {
  const source: string;
  export default source;
}
