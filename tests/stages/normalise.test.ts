import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/stages/normalise.js';
import { prepare } from '../../src/pipeline.js';
import { run } from '../helpers.js';

describe('normalise', () => {
  it('composes Hangul to NFC', () => {
    const decomposed = '한국어'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(3);
    expect(normaliseText(decomposed).text).toBe('한국어');
  });

  it('maps CRLF, CR and Unicode line separators to LF and collapses blank lines', () => {
    expect(normaliseText('a\r\nb\rc\u2028d\n\n\n\ne').text).toBe('a\nb\nc\nd\n\ne');
  });

  it('maps NBSP and other Unicode spaces to one space and trims lines', () => {
    expect(normaliseText('  a\u00a0\u00a0b\u3000c\u2009d  \n\t e ').text).toBe('a b c d\ne');
  });

  it('removes zero-width and control characters, keeping ZWJ/ZWNJ', () => {
    const r = normaliseText('a\u200bb\u0000c\u0007d\ufeffe\u00adf 👩\u200d💻 می\u200cخواهم');
    expect(r.text).toBe('abcdef 👩\u200d💻 می\u200cخواهم');
    expect(r.invisibles).toBe(5);
  });

  it('replaces lone surrogates so the output is valid UTF-8', () => {
    expect(normaliseText('a\ud800b').text).toBe('a\ufffdb');
  });

  it('is idempotent', () => {
    const once = normaliseText(' x \r\n\r\n\r\n y\u00a0 z ').text;
    expect(normaliseText(once).text).toBe(once);
  });
});

describe('segment', () => {
  it('makes a block of each non-empty line and marks paragraph breaks', () => {
    const d = run(prepare, 'Title\n\nFirst line\nsecond line\n\n- item one\n1. item two');
    expect(d.blocks.map((b) => [d.text.slice(b.start, b.end), b.breakBefore, b.kind])).toEqual([
      ['Title', false, 'line'],
      ['First line', true, 'line'],
      ['second line', false, 'line'],
      ['- item one', true, 'list-item'],
      ['1. item two', false, 'list-item'],
    ]);
  });
});

describe('normalise on hostile strings', () => {
  // found by the property test: NFC ran before the soft hyphen was removed, so "A", U+00AD, U+0301 came out decomposed
  it('composes a letter and an accent that an invisible character separated', () => {
    expect(normaliseText('A\u00AD\u0301').text).toBe('\u00C1');
    expect(normaliseText('e\u0000\u0301').text).toBe('\u00E9');
  });
});
