/**
 * normaliseText skips its rules for text none of them would change; this pins
 * that the shortcut gives exactly what the full set of rules gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseText } from '../../src/stages/normalise.js';

// the rules of normalise.ts applied unconditionally (what the code did before the shortcut)
function reference(input: string) {
  let invisibles = 0;
  const text = input
    .toWellFormed()
    .replace(/\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g, '\n')
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u0000-\u0009\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B\u2060\uFEFF\uFFFE\uFFFF]/g, () => (invisibles++, ''))
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    // NFC last: removing an invisible between a letter and its accent makes a pair to compose
    .normalize('NFC');
  return { text, invisibles };
}

const pieces = [
  'a', '한', '글', 'ᄒ', 'ᅡ', 'ᆨ', 'e\u0301', '\u0301', 'A\u030A', '\u212B', '\uF900', '\u0958', 'か', '\u3099', 'é', ' ', '  ', '\n', '\n\n\n',
  '\r\n', '\t', '\u00A0', '\u2000', '\u200B', '\u200D', '\u0000', '\uFEFF', '\uD800', '\uDC00', '😀', '\uD834\uDD5E', '\uD804\uDCBA', '中', '。', 'x y',
];

describe('normaliseText shortcut', () => {
  it('gives what the full rules give, on text with and without anything to change', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(normaliseText(s)).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  // the shortcut skips NFC for text made of characters that never compose: every composition must still be seen
  it('composes every decomposable character, from its decomposition, as NFC does', () => {
    for (let cp = 0x300; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const nfd = ch.normalize('NFD');
      if (nfd === ch && ch.normalize('NFC') === ch) continue;
      for (const s of [ch, nfd, `x${nfd}`, `${nfd}\u0323`]) if (normaliseText(s).text !== reference(s).text) expect([cp.toString(16), normaliseText(s)]).toEqual([cp.toString(16), reference(s)]);
    }
  });

  // a mark of a higher combining class before U+0334 (class 1) is reordered by NFC, even where nothing composes
  it('gives what the full rules give for every BMP character, alone, between letters and spaces, and before a mark', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, ` ${ch} `, `${ch}${ch}`, `e${ch}\u0334`]) if (normaliseText(s).text !== reference(s).text) expect([c.toString(16), normaliseText(s)]).toEqual([c.toString(16), reference(s)]);
    }
  });
});
