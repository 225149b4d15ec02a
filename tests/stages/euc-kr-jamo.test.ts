/**
 * EUC-KR text that spells a syllable outside KS X 1001's 2,350 with the standard's 8-byte sequence (0xA4D4 and
 * three jamo, as Python's euc-kr codec writes it) decodes to that syllable.
 */
import { describe, expect, it } from 'vitest';
import { composeJamo } from '../../src/stages/euc-kr-jamo.js';
import { decode } from '../../src/stages/decode.js';
import { defaultOptions } from '../../src/options.js';
import { doc } from '../helpers.js';

describe('KS X 1001 8-byte syllables', () => {
  it('compose to the syllable, with and without a final consonant', () => {
    // 똠 (U+B620) and 햏 (U+D58F) are not among the 2,350; 뷁 (U+BDC1) neither
    expect(composeJamo('\u3164ㄸㅗㅁ방')).toBe('똠방');
    expect(composeJamo('\u3164ㅎㅐㅎ')).toBe('햏');
    expect(composeJamo('\u3164ㅂㅞㄺ')).toBe('뷁');
    expect(composeJamo('\u3164ㄱㅏ\u3164')).toBe('가');
    // a filler not followed by a syllable's jamo stays as it is
    expect(composeJamo('\u3164 ㄱ')).toBe('\u3164 ㄱ');
  });

  it('decode turns the bytes Python writes for "똠방각하" in euc-kr into the text', () => {
    // '똠방각하'.encode('euc-kr') in Python: A4D4 A4A8 A4C7 A4B1, then 방 B9E6, 각 B0A2, 하 C7CF
    const bytes = Buffer.from('<meta charset="euc-kr"><p>a4d4a4a8a4c7a4b1b9e6b0a2c7cf</p>'.replace(/[0-9a-f]{8,}/, (hex) => Buffer.from(hex, 'hex').toString('latin1')), 'latin1');
    const d = doc(new Uint8Array(bytes), 'page.html');
    decode(d, defaultOptions());
    expect(d.raw).toContain('똠방각하');
  });
});
