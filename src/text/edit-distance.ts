// Edit distances on UTF-16 code units. Both are small dynamic programs: they run for a did-you-mean
// hint in an error and for the few words that pass the misspelled-app check's cheap filters, so
// no dependency is worth its weight here (natural, which supplied them before, brought database
// clients into every install).

/** Levenshtein distance between two strings: insertions, deletions and substitutions cost 1. */
export function levenshtein(source: string, target: string): number {
  if (source === target) return 0;
  if (source.length === 0) return target.length;
  if (target.length === 0) return source.length;
  // Two rows of the table suffice: row i depends only on row i - 1.
  let previous = new Uint32Array(target.length + 1);
  let current = new Uint32Array(target.length + 1);
  for (let j = 0; j <= target.length; j++) previous[j] = j;
  for (let i = 1; i <= source.length; i++) {
    current[0] = i;
    const code = source.charCodeAt(i - 1);
    for (let j = 1; j <= target.length; j++) {
      const substitute = previous[j - 1]! + (code === target.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[target.length]!;
}

/**
 * Damerau-Levenshtein distance with adjacent transpositions costing 1: the fewest insertions,
 * deletions, substitutions and swaps of two adjacent characters that turn one string into the
 * other. This is the unrestricted distance, where a swapped pair may be edited further
 * (`ca` → `abc` is 2), not the optimal-string-alignment one (3 there).
 */
export function damerauLevenshtein(source: string, target: string): number {
  if (source === target) return 0;
  if (source.length === 0) return target.length;
  if (target.length === 0) return source.length;
  // Lowrance and Wagner's algorithm. The table has one extra row and column in front (index 0)
  // holding a bound no edit sequence reaches, so a transposition with no earlier match is never
  // chosen; d(i, j) is at (i + 1) * width + j + 1.
  const width = target.length + 2;
  const table = new Uint32Array((source.length + 2) * width);
  const beyond = source.length + target.length;
  const at = (i: number, j: number) => (i + 1) * width + j + 1;
  table[at(-1, -1)] = beyond;
  for (let i = 0; i <= source.length; i++) {
    table[at(i, -1)] = beyond;
    table[at(i, 0)] = i;
  }
  for (let j = 0; j <= target.length; j++) {
    table[at(-1, j)] = beyond;
    table[at(0, j)] = j;
  }
  // The last row (1-based) at which each code unit occurred in source, among rows done so far.
  const lastRow = new Map<number, number>();
  for (let i = 1; i <= source.length; i++) {
    const code = source.charCodeAt(i - 1);
    // The last column (1-based) in this row whose target code unit equals source's.
    let lastColumn = 0;
    for (let j = 1; j <= target.length; j++) {
      const targetCode = target.charCodeAt(j - 1);
      const k = lastRow.get(targetCode) ?? 0;
      const l = lastColumn;
      let cost = 1;
      if (code === targetCode) {
        cost = 0;
        lastColumn = j;
      }
      // Transposing source[k] with source[i] to match target[l] and target[j], deleting what lay
      // between them in source and inserting what lies between them in target.
      const transpose = table[at(k - 1, l - 1)]! + (i - k - 1) + 1 + (j - l - 1);
      table[at(i, j)] = Math.min(table[at(i - 1, j - 1)]! + cost, table[at(i, j - 1)]! + 1, table[at(i - 1, j)]! + 1, transpose);
    }
    lastRow.set(code, i);
  }
  return table[at(source.length, target.length)]!;
}
