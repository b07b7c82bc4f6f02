import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLetterRuns, readingText } from '../../../src/detectors/threat/reading.js';

/** The original offset of each character of the joined text (the identity when nothing was joined). */
function origin(text: string): { joined: string; from: (i: number) => number } {
  const { text: joined, from } = joinLetterRuns(text);
  return { joined, from: (i) => (from ? from[i]! : i) };
}

describe('joinLetterRuns', () => {
  it.each([
    ['i will k i l l you', 'i will kill you'],
    ["i'll s  t  a  b you", "i'll stab you"],
    ['i k i l l u', 'i kill u'],
    ['k.i.l.l you, then s t a b you', 'kill you, then stab you'],
    ['s t a b you and k-i-l-l him', 'stab you and kill him'],
    // "a" at the run's start is a word of its own.
    ["it's a k i l l", "it's a kill"],
    // The words of intimidation are joined too.
    ['i know where you l i v e', 'i know where you live'],
    ['i k.n.o.w where u live', 'i know where u live'],
  ])('joins the harm word in %j', (text, expected) => {
    expect(joinLetterRuns(text).text).toBe(expected);
  });

  it.each(['u r a c u t e pup', 'the a b c of packing a van', 'my name is k i m', 'plan b or c', 'x k i l l'])(
    'leaves %j as typed when the letters spell no harm word on their own',
    (text) => {
      expect(joinLetterRuns(text)).toEqual({ text });
    },
  );

  it('maps every character of the joined text back to the same character of the input, in order', () => {
    const words = fc.constantFrom('k i l l', 's t a b', 'k.i.l.l', 'h-u-r-t', 'a b c', 'i', 'u', 'you', 'will', 'kill', ' ', '  ', ',', '.');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const { joined, from } = origin(text);
        let previous = -1;
        for (let i = 0; i < joined.length; i++) {
          const at = from(i);
          expect(at).toBeGreaterThan(previous);
          expect(text[at]).toBe(joined[i]);
          previous = at;
        }
        // Only separators between joined letters are dropped.
        expect(joined.replace(/[^a-z]/g, '')).toBe(text.replace(/[^a-z]/g, ''));
      }),
    );
  });
});

describe('readingText look-alikes', () => {
  it('reads accented letters and weak look-alikes inside Latin words as the letter', () => {
    expect(readingText("i'll fυcking hurt you")).toBe("i'll fucking hurt you");
    expect(readingText('kíll')).toBe('kill');
  });

  it('reads a comma or semicolon glued between words as a space, keeping the length', () => {
    expect(readingText("ok,i'll go")).toBe("ok i'll go");
    expect(readingText("迟到,i'll go;now")).toBe("迟到 i'll go now");
    expect(readingText('1,000 boxes, then tape')).toBe('1,000 boxes, then tape');
  });

  it('leaves a weak look-alike alone outside a Latin word', () => {
    // υ looks like u only in some fonts: inside "fυcking" it is read as u, inside Greek "ψυχή" it is not.
    expect(readingText('ψυχή').charAt(1)).toBe('υ');
    expect(readingText('fυck ψυχή')).toMatch(/^fuck ψυ/);
  });
});
