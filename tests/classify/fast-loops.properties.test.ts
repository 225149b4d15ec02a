/**
 * The classifier's table-driven character loops (classify/scan.ts,
 * classify/stopwords.ts) must count exactly what the regular expressions they
 * replaced counted: the reference versions below are those expressions, kept
 * here as the specification.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scan, stopCounts } from '../../src/classify/scan.js';
import { detectStopLang } from '../../src/classify/language.js';
import { stopDensity, stopDensityOf, stopTokens, type StopLang } from '../../src/classify/stopwords.js';
import { COPYRIGHT, sentenceEnds, UNPUNCTUATED_SCRIPT } from '../../src/classify/patterns.js';
import { defaultThresholds } from '../../src/thresholds.js';
import { hasDate } from '../../src/classify/features.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const t = defaultThresholds();

/** Text with what the loops branch on: spaces of all kinds, scripts, digits, sentence marks, separators, surrogates. */
const piece = fc.oneof(
  fc.constantFrom(
    ' ', '  ', '\n', '\t', '\u00A0', '\u3000', '\u2028', '\uFEFF', '.', '. ', '3.5', '3. ', '!', '?"', '…)', '。', '！', '？', '؟', '।', '။',
    '|', ' | ', '›', ' » ', '>', ' / ', '·', '•', 'Word', 'the', 'and', 'İstanbul', 'ΣΑΣ', "it's", 'don’t', '한국어', '이', '그리고',
    '中文', '的', '了', 'ひらがな', 'の', 'カタカナ', 'ｶﾀｶﾅ', 'ไทย', 'ລາວ', 'ខ្មែរ', 'བོད', '2024', '0', '😀', '𠀀', '𝐀', '\uD800', '\uDC00',
    '\u0301', 'e\u0301', '\u1100\u1161', 'ㄱ', 'Ünïcödé', '©', '(c) 2024', '(C) 1999', 'Copyright', 'ALL RIGHTS RESERVED', 'all rightſ reſerved', '版权所有', '著作権', '저작권', '2024-01-19', '14:31', 'March 3, 2024', '3일 전', '5分钟前',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/u;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;
const KANA = /[\u3041-\u309F\u30A0-\u30FF]/u;

/** The counts as features.ts took them before classify/scan.ts. */
function reference(body: string) {
  let letters = 0;
  let nonSpace = 0;
  let weight = 0;
  for (const ch of body) {
    if (HANGUL.test(ch)) weight += t['classify.weightHangul'];
    else if (HAN.test(ch)) weight += t['classify.weightHan'];
    else if (KANA.test(ch)) weight += t['classify.weightKana'];
    else weight += 1;
    if (/\s/.test(ch)) continue;
    nonSpace++;
    if (/\p{L}/u.test(ch)) letters++;
  }
  const tokens = body.split(/\s+/).filter(Boolean);
  return {
    nonSpace,
    letters,
    weight,
    tokens: tokens.length,
    digitTokens: tokens.filter((w) => /\d/.test(w)).length,
    unpunctuated: body.match(UNPUNCTUATED_SCRIPT)?.length ?? 0,
    sentenceEnds: sentenceEnds(body),
    separators: (body.match(/\s[|·•›»>/]\s|\s[|·•›»]|[|·•›»]\s/gu) ?? []).length,
  };
}

/** The stopword tokens as stopwords.ts cut them before its table-driven loop. */
function referenceTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/\s+/)) {
    let word = '';
    for (const ch of raw) {
      if (/[\u3041-\u309F\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u.test(ch)) {
        if (word) out.push(word);
        word = '';
        out.push(ch);
      } else if (/[\p{L}\p{N}'’]/u.test(ch)) word += ch;
      else {
        if (word) out.push(word);
        word = '';
      }
    }
    if (word) out.push(word);
  }
  return out;
}

describe('table-driven classifier features', () => {
  it('scan counts what the regular expressions counted', () => {
    fc.assert(
      fc.property(text, (body) => {
        const { separators, ...want } = reference(body);
        const { separatorChars, copyrightHints, digits, stopTokens: _t, stops: _s, ...got } = scan(body, t);
        expect(got).toEqual(want);
        // separators are counted by their pattern only when a separator character is present
        if (separatorChars === 0) expect(separators).toBe(0);
        if (copyrightHints === 0) expect(COPYRIGHT.test(body)).toBe(false);
        expect(digits).toBe(body.match(/[0-9]/g)?.length ?? 0);
        if (digits === 0) expect(hasDate(body)).toBe(false);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('stopword tokens and counts match the regular-expression tokenizer', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<StopLang>('en', 'ko', 'ja', 'zh'), (s, lang) => {
        const tokens = referenceTokens(s);
        expect(stopTokens(s)).toEqual(tokens);
        const counts = stopCounts(s, lang);
        expect(counts.tokens).toBe(tokens.length);
        expect(stopDensityOf(counts)).toBe(stopDensity(tokens, lang));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('detects the stoplist language from scripts', () => {
    expect(detectStopLang('これは日本語の文です。')).toBe('ja');
    expect(detectStopLang('한국어 문장입니다 그리고 또')).toBe('ko');
    expect(detectStopLang('这是中文的句子')).toBe('zh');
    expect(detectStopLang('this is the text of a page and it is in English')).toBe('en');
  });
});
