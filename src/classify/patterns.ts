/**
 * Surface patterns the classifier looks for in a block's text: sentence ends,
 * dates and times, counters, contact details, copyright notices. Scripts and
 * conventions, not words of any one site.
 */
import { CHAR_FLAGS, SPACE } from './char-table.js';

/**
 * Sentence-final punctuation: Latin, CJK (。！？ and full-width forms), Arabic
 * and Urdu (؟ ۔), Devanagari danda (। ॥), Armenian (։), Ethiopic (።),
 * Burmese (။). The Greek question mark (;) is left out: it is also a semicolon.
 */
const TERMINAL_MARKS = '.!?…。！？．؟۔।॥։።။';
export const TERMINAL = new RegExp(`[${TERMINAL_MARKS}]`, 'u');
/**
 * Scripts written without sentence punctuation (Thai, Lao, Khmer, Tibetan):
 * a block mostly in them is judged without the sentence-end rule.
 */
export const UNPUNCTUATED_SCRIPT = /[\u0E00-\u0EFF\u1780-\u17FF\u0F00-\u0FFF]/gu;
/** Closing quotes and brackets that may follow the sentence-final mark (spaces too). */
const CLOSERS = '"\'”’»)]}」』】〉》）';
const TERMINAL_UNITS = new Set(Array.from(TERMINAL_MARKS, (ch) => ch.charCodeAt(0)));
const CLOSER_UNITS = new Set(Array.from(CLOSERS, (ch) => ch.charCodeAt(0)));
/** A sentence end inside a block: a final mark followed by a space, a closer or the end (not a decimal point). */
const SENTENCE_END = /(?<!\d)[.!?…](?=[\s"'”’»)\]]|$)|[。！？؟۔।॥։።။]/gu;

/** True when the block ends as a sentence does (Korean "…다." included: it ends with a full stop). */
export function endsAsSentence(text: string): boolean {
  return endsAsSentenceIn(text, 0, text.length);
}

/**
 * `endsAsSentence(text.slice(from, to))` read in place: the last code unit
 * before the closers and spaces that end the range is a TERMINAL mark.
 */
export function endsAsSentenceIn(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from) {
    const c = text.charCodeAt(end - 1);
    if (!(CHAR_FLAGS[c] & SPACE) && !CLOSER_UNITS.has(c)) break;
    end--;
  }
  return end > from && TERMINAL_UNITS.has(text.charCodeAt(end - 1));
}

/** Sentence ends inside the text. */
export function sentenceEnds(text: string): number {
  return text.match(SENTENCE_END)?.length ?? 0;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** Dates and times in the common written forms (ISO, dotted, slashed, CJK 年月日, month names, hh:mm). */
export const DATE_TIME = new RegExp(
  [
    String.raw`\d{4}\s?[-./년年]\s?\d{1,2}\s?[-./월月]\s?\d{1,2}\s?[일日.]?`,
    String.raw`\d{1,2}[-./]\d{1,2}[-./]\d{2,4}`,
    String.raw`\b\d{2}-\d{2}-\d{2}\b`,
    String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?`,
    String.raw`\d{1,2}\s?월\s?\d{1,2}\s?일`,
    String.raw`\d{1,2}月\d{1,2}日`,
    String.raw`\b(?:${MONTHS})\.?\s\d{1,2}(?:st|nd|rd|th)?,?(?:\s\d{4})?\b`,
    String.raw`\b\d{1,2}\s(?:${MONTHS})\.?(?:\s\d{4})?\b`,
    String.raw`\b\d+\s?(?:minutes?|hours?|days?|weeks?|months?|years?)\sago\b`,
    String.raw`\d+\s?(?:분|시간|일|주|개월|년)\s?전`,
    String.raw`\d+\s?(?:分钟|小時|小时|天|周|个月|年)前`,
  ].join('|'),
  'giu',
);

/** Three lower-case ASCII letters as one number. */
const trigram = (a: number, b: number, c: number): number => (a << 16) | (b << 8) | c;
/** Month names as DATE_TIME spells them, by their first three letters, and "ago". */
const DATE_TRIGRAMS = new Set(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'ago'].map((w) => trigram(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2))),
);
/** Characters only some date patterns hold: 월 月 (month), 전 前 (ago). */
const DATE_WORDS = new Set(Array.from('월月전前', (ch) => ch.charCodeAt(0)));

const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** A letter as DATE_TIME's `iu` flags compare it: ASCII lower case, ſ (U+017F) as s; 0 for anything else. */
function folded(c: number): number {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return c | 0x20;
  return c === 0x17f ? 0x73 : 0;
}

/**
 * Whether DATE_TIME could match `codes[lo..hi)`: each of its forms needs four
 * digits in a row, a digit run followed by one of `-./:` and a digit, 월 月 전
 * or 前, a month name or "ago". Most short lines with a number have none of
 * these ("Comments (12)", "Like 3"), and the pattern is costly to try.
 */
export function mayHoldDate(codes: Uint16Array, lo: number, hi: number): boolean {
  for (let i = lo; i < hi; i++) {
    const c = codes[i];
    if (isAsciiDigit(c)) {
      let end = i + 1;
      while (end < hi && isAsciiDigit(codes[end])) end++;
      if (end - i >= 4) return true;
      if (end + 1 < hi && isAsciiDigit(codes[end + 1])) {
        const sep = codes[end];
        if (sep === 0x2d || sep === 0x2e || sep === 0x2f || sep === 0x3a) return true;
      }
      i = end - 1;
      continue;
    }
    if (DATE_WORDS.has(c)) return true;
    const a = folded(c);
    if (a === 0 || i + 2 >= hi) continue;
    const b = folded(codes[i + 1]);
    const d = folded(codes[i + 2]);
    if (b === 0 || d === 0) continue;
    if (DATE_TRIGRAMS.has(trigram(a, b, d))) return true;
  }
  return false;
}

/** A label and a number: "Comments (12)", "Like 3", "좋아요0", "조회 3회", "阅读 120" (a year is not a count: "Budget 2024"). */
export const COUNTER = /^(?:[^\d\s]{1,12}(?:\s[^\d\s]{1,12})?)?[\s:：(（[]*[+-]?(?!(?:19|20)\d\d\b)\d[\d,.]*\s?[)）\]]?\s?[^\d\s]{0,2}$/u;
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
export const URL = /\bhttps?:\/\/\S+|\bwww\.[\w-]+\.\S+/iu;
/** A copyright or reproduction notice. */
export const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|版权所有|著作権|저작권/iu;


/** A word for reader comments, in the languages the classifier knows stopwords for and a few more. */
const COMMENT_WORD = '(?:comments?|responses?|replies|reactions|댓글|评论|評論|コメント|kommentare?|commentaires?|comentarios?|commenti)';
/** An invitation to comment: "Leave a Reply", "Add a comment", "Post your comment". */
const ADD_COMMENT = String.raw`(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+|new\s+)?(?:comment|reply|response)`;
/**
 * The heading of a comment thread, the whole line: "38 comments", "Comments (12)", "Comments:",
 * "126 Comments Add A Comment", "Leave a Reply", "37 Responses to “My New Book”".
 */
export const COMMENTS_HEADING = new RegExp(
  String.raw`^(?:(?:[\d,.]+\s*)?${COMMENT_WORD}(?:\s*[(:：]?\s*[\d,.]+\)?)?(?:\s*[:|•-]?\s*${ADD_COMMENT})?\s*:?|${ADD_COMMENT}\b.{0,30}|[\d,.]+\s+${COMMENT_WORD}\s+(?:on|to)\b.{0,100})$`,
  'iu',
);
