/**
 * Letters of other scripts that are drawn like a Latin letter, as `[code point, Latin letter]`.
 *
 * Source: the Unicode confusables data (UTS #39, `confusables.txt`), its "MA" entries whose
 * source is a Cyrillic, Greek, Armenian, Cherokee, Lisu, Latin-extended or IPA letter and whose
 * target is a single ASCII letter; written from that data, not generated, because the build has
 * no network. The target is given in lower case because the views are case-folded. Compatibility
 * forms (full-width, mathematical, circled letters) are absent on purpose: NFKC in the plain view
 * already folds them.
 */
const STRONG: ReadonlyArray<readonly [number, string]> = [
  // Cyrillic capitals: identical to Latin capitals, so looked up on the original character.
  [0x0410, 'a'], [0x0412, 'b'], [0x0415, 'e'], [0x041a, 'k'], [0x041c, 'm'], [0x041d, 'h'],
  [0x041e, 'o'], [0x0420, 'p'], [0x0421, 'c'], [0x0422, 't'], [0x0423, 'y'], [0x0425, 'x'],
  [0x0405, 's'], [0x0406, 'i'], [0x0408, 'j'], [0x042c, 'b'], [0x0474, 'v'], [0x04ae, 'y'],
  [0x04ba, 'h'], [0x04c0, 'l'], [0x051a, 'q'], [0x051c, 'w'],
  // Cyrillic small letters.
  [0x0430, 'a'], [0x0435, 'e'], [0x043e, 'o'], [0x0440, 'p'], [0x0441, 'c'], [0x0443, 'y'],
  [0x0445, 'x'], [0x0455, 's'], [0x0456, 'i'], [0x0458, 'j'], [0x0461, 'w'], [0x0475, 'v'],
  [0x04af, 'y'], [0x04bb, 'h'], [0x04cf, 'l'], [0x0501, 'd'], [0x051b, 'q'], [0x051d, 'w'],
  // Greek capitals.
  [0x0391, 'a'], [0x0392, 'b'], [0x0395, 'e'], [0x0396, 'z'], [0x0397, 'h'], [0x0399, 'i'],
  [0x039a, 'k'], [0x039c, 'm'], [0x039d, 'n'], [0x039f, 'o'], [0x03a1, 'p'], [0x03a4, 't'],
  [0x03a5, 'y'], [0x03a7, 'x'], [0x03f9, 'c'], [0x037f, 'j'],
  // Greek small letters.
  [0x03b1, 'a'], [0x03b3, 'y'], [0x03b9, 'i'], [0x03bd, 'v'], [0x03bf, 'o'], [0x03c1, 'p'],
  [0x03f2, 'c'], [0x03f3, 'j'],
  // Armenian.
  [0x0555, 'o'], [0x054d, 'u'], [0x054f, 's'], [0x053c, 'l'], [0x0585, 'o'], [0x057d, 'u'],
  [0x0570, 'h'], [0x0578, 'n'], [0x0581, 'g'], [0x0566, 'q'],
  // Cherokee (capitals; their lower-case forms are added below).
  [0x13aa, 'a'], [0x13f4, 'b'], [0x13df, 'c'], [0x13a0, 'd'], [0x13ac, 'e'], [0x13c0, 'g'],
  [0x13bb, 'h'], [0x13a5, 'i'], [0x13ab, 'j'], [0x13e6, 'k'], [0x13de, 'l'], [0x13b7, 'm'],
  [0x13e2, 'p'], [0x13d2, 'r'], [0x13da, 's'], [0x13a2, 't'], [0x13d9, 'v'], [0x13b3, 'w'],
  [0x13c3, 'z'],
  // Lisu (Fraser) capitals.
  [0xa4ee, 'a'], [0xa4d0, 'b'], [0xa4da, 'c'], [0xa4d3, 'd'], [0xa4f0, 'e'], [0xa4dd, 'f'],
  [0xa4d6, 'g'], [0xa4e7, 'h'], [0xa4f2, 'i'], [0xa4d9, 'j'], [0xa4d7, 'k'], [0xa4e1, 'l'],
  [0xa4df, 'm'], [0xa4e0, 'n'], [0xa4f3, 'o'], [0xa4d1, 'p'], [0xa4e3, 'r'], [0xa4e2, 's'],
  [0xa4d4, 't'], [0xa4f4, 'u'], [0xa4e6, 'v'], [0xa4ea, 'w'], [0xa4eb, 'x'], [0xa4ec, 'y'],
  [0xa4dc, 'z'],
  // Latin extended and IPA.
  [0x0251, 'a'], [0x0261, 'g'], [0x0131, 'i'], [0x0237, 'j'], [0x0269, 'i'], [0x026a, 'i'],
  [0x028f, 'y'], [0x0185, 'b'], [0x01c0, 'l'], [0x1d0f, 'o'], [0x1d04, 'c'], [0x1d20, 'v'],
  [0x1d21, 'w'], [0x1d22, 'z'], [0x1d1c, 'u'], [0xa731, 's'],
];

/**
 * Lower-case letters that only resemble a Latin letter in some fonts or as a small capital
 * (`в` ≈ ʙ, `т` ≈ ᴛ, `κ`, `τ`). Confusables lists most of them against small capitals, not ASCII;
 * they are mapped only inside a word that already has a Latin letter, never in a word written
 * wholly in another script, where they would turn ordinary words into Latin look-alikes.
 */
const WEAK: ReadonlyArray<readonly [number, string]> = [
  [0x0432, 'b'], [0x0433, 'r'], [0x043a, 'k'], [0x043c, 'm'], [0x043d, 'h'], [0x043f, 'n'],
  [0x0442, 't'], [0x044c, 'b'],
  [0x03b5, 'e'], [0x03b7, 'n'], [0x03ba, 'k'], [0x03bc, 'u'], [0x03c4, 't'], [0x03c5, 'u'],
  [0x03c7, 'x'], [0x03c9, 'w'],
  [0x028b, 'u'],
];

/** Flag set on a {@link CONFUSABLES} value for a weak (font-dependent) look-alike. */
export const WEAK_CONFUSABLE = 0x100;

function build(): Map<number, number> {
  const map = new Map<number, number>();
  for (const [cp, latin] of STRONG) map.set(cp, latin.charCodeAt(0));
  for (const [cp, latin] of WEAK) map.set(cp, latin.charCodeAt(0) | WEAK_CONFUSABLE);
  // Unicode 8 gave Cherokee lower-case forms; the plain view folds to them, so both must map.
  for (const [cp, latin] of STRONG) {
    if (cp < 0x13a0 || cp > 0x13f5) continue;
    const lower = String.fromCodePoint(cp).toLowerCase().codePointAt(0)!;
    if (lower !== cp) map.set(lower, latin.charCodeAt(0));
  }
  return map;
}

/**
 * Confusable letter → ASCII lower-case letter code, with {@link WEAK_CONFUSABLE} set for weak
 * look-alikes. Keys are code points of either case; the skeleton looks up the original
 * character first, so capitals are matched by their shape, not by their lower case.
 */
export const CONFUSABLES: ReadonlyMap<number, number> = build();
