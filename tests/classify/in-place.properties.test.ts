/**
 * The classifier measures blocks in place in the document's text (typed-array
 * code units, no block strings) and skips patterns that cannot match. Each
 * shortcut must give what the string and regular-expression forms gave: the
 * reference versions below are those forms, kept here as the specification.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIST_MARKER } from '../../src/stages/segment.js';
import { listMarkerLength } from '../../src/classify/list-marker.js';
import { endsAsSentence, mayHoldDate, TERMINAL } from '../../src/classify/patterns.js';
import { hasDate } from '../../src/classify/features.js';
import { features } from '../../src/classify/features.js';
import { limitsOf } from '../../src/classify/limits.js';
import { scan, stopCounts, stopCountsRange } from '../../src/classify/scan.js';
import { EnglishSample, LANG_SAMPLE } from '../../src/classify/language.js';
import { stopDensityOf, stopList, type StopLang } from '../../src/classify/stopwords.js';
import { openUnits } from '../../src/kit/code-units.js';
import { defaultThresholds } from '../../src/thresholds.js';
import { segment } from '../../src/stages/segment.js';
import { createDoc } from '../../src/record/doc.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

const piece = fc.oneof(
  fc.constantFrom(
    ' ', '\t', '\u00A0', '\u3000', '.', '. ', '!', '?"', '…)', '。', '．', '」', '）', '"', '’', ':', '-', '/', '(', ')',
    '- ', '* ', '• ', '— ', '1. ', '12) ', '(3) ', '1234. ', 'a) ', '(B. ', '① ', '⑳', '①x', '(a', 'x.',
    'Word', 'the', 'AND', 'it’s', 'İstanbul', 'ΣΑΣ', '한국어', '그리고', '的', 'の', 'カタカナ', '😀', '𝐀', '𐐀', '\uD800', '\uDC00',
    '2024', '0', '12', '2024-01-19', '14:31', '3.5', '02-7532', 'March 3', 'SEP 9', 'ſep 1', 'mar', 'Ago', '3 days ago', '3일 전', '5分钟前', '4月3日', '6월',
  ),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
  fc.string({ unit: 'binary', maxLength: 5 }),
);
const text = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''));

/** Code units of a string. */
const codes = (s: string) => Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('in-place block measurement', () => {
  it('finds the list marker LIST_MARKER finds', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(listMarkerLength(s, 0, s.length)).toBe(s.match(LIST_MARKER)?.[0].length ?? 0);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('tells sentence ends as the closer-stripping expression did', () => {
    const closers = /[\s"'”’»)\]}」』】〉》）]+$/u;
    fc.assert(
      fc.property(text, (s) => {
        const t = s.replace(closers, '');
        expect(endsAsSentence(s)).toBe(t.length > 0 && TERMINAL.test(t[t.length - 1]));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('skips the date pattern only where it cannot match', () => {
    fc.assert(
      fc.property(text, (s) => {
        if (!mayHoldDate(codes(s), 0, s.length)) expect(hasDate(s)).toBe(false);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('sums weights in text order when they are not multiples of 1/1024', () => {
    const t = { ...defaultThresholds(), 'classify.weightHangul': 1.3, 'classify.weightHan': 2.7, 'classify.weightKana': 1.1 };
    fc.assert(
      fc.property(text, (s) => {
        let weight = 0;
        for (const ch of s) {
          if (/[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/u.test(ch)) weight += 1.3;
          else if (/[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u.test(ch)) weight += 2.7;
          else if (/[\u3041-\u30FF]/u.test(ch)) weight += 1.1;
          else weight += 1;
        }
        expect(scan(s, t).weight).toBe(weight);
      }),
      { numRuns: RUNS },
    );
  });

  it('counts stopwords in a range of a text as in the range cut out', () => {
    fc.assert(
      fc.property(text, text, text, fc.constantFrom<StopLang>('en', 'ko', 'ja', 'zh'), (before, s, after, lang) => {
        const whole = before + s + after;
        const c = stopCountsRange(openUnits(whole), before.length, before.length + s.length, lang);
        const d = stopCounts(s, lang);
        expect([c.tokens, c.stops]).toEqual([d.tokens, d.stops]);
      }),
      { numRuns: RUNS },
    );
  });

  it('sums the English density of a document from its blocks as counted over its first characters', () => {
    const k = limitsOf(defaultThresholds());
    const line = fc.oneof(text, fc.constantFrom('The plan is to vote on it at the end of the year.', 'a) the first one', '① the', '   ', 'x'.repeat(700) + ' the'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), (lines, gone) => {
        const doc = createDoc(0, { path: 'x', relPath: 'x' }, new Uint8Array(0));
        doc.text = lines.map((l) => l.replace(/[\n\r\u2028\u2029]/g, ' ')).join('\n');
        segment(doc);
        const units = openUnits(doc.text);
        const sample = new EnglishSample(units);
        doc.blocks.forEach((b, i) => sample.add(b.start, b.end, gone[i] ? undefined : features(units, b, stopList('en'), k)));
        const want = stopDensityOf(stopCountsRange(openUnits(doc.text), 0, Math.min(doc.text.length, LANG_SAMPLE), 'en'));
        expect(sample.density()).toBe(want);
      }),
      { numRuns: RUNS },
    );
  });
});
