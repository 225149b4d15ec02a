/**
 * KS X 1001's 8-byte Hangul: a syllable outside the standard's 2,350 precomposed ones is written as the filler
 * 0xA4D4 and three jamo (initial, medial, final; the filler again for no final), as Python's euc-kr codec writes
 * it (KS X 1001:1998, annex 3). iconv-lite decodes those bytes to four compatibility jamo (U+3164 and U+3131–U+3163);
 * `composeJamo` turns each such sequence into its syllable.
 */

/** Compatibility jamo of the 19 initial consonants, in syllable order (Unicode §3.12). */
const INITIAL = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/** The 27 final consonants, after "none" (index 0). */
const FINAL = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
/** U+3164 HANGUL FILLER, what 0xA4D4 decodes to. */
const FILLER = '\u3164';
const SEQUENCE = /\u3164([\u3131-\u314E])([\u314F-\u3163])([\u3131-\u314E\u3164])/g;

/** `text` with every filler-led jamo sequence that spells a syllable replaced by that syllable. */
export function composeJamo(text: string): string {
  if (!text.includes(FILLER)) return text;
  return text.replace(SEQUENCE, (whole, initial: string, medial: string, final: string) => {
    const l = INITIAL.indexOf(initial);
    const v = medial.charCodeAt(0) - 0x314f;
    const t = final === FILLER ? 0 : FINAL.indexOf(final) + 1;
    if (l < 0 || t < 0) return whole;
    return String.fromCharCode(0xac00 + (l * 21 + v) * 28 + t);
  });
}
