/**
 * Small stoplists for the languages we can tell by script, and the stopword
 * density of a block (jusText's main evidence: running text is full of
 * function words, menus and link lists are not). Lists are deliberately short:
 * the most frequent function words only.
 *
 * Sources:
 * - en: the NLTK English stopword list (Bird, Klein & Loper 2009), trimmed;
 *   jusText's English list has the same core.
 * - ko: ours, after the high-frequency function words and bound forms of
 *   stopwords-iso/ko and the Sejong corpus frequency ranks; Korean particles are
 *   attached to words, so only free-standing function words count.
 * - ja: ours, after stopwords-iso/ja: the hiragana particles and auxiliaries,
 *   counted per character since Japanese has no spaces.
 * - zh: ours, after the Baidu and HIT stoplists (goto456/stopwords): the most
 *   frequent single-character function words, counted per character.
 */

import { CHAR_FLAGS, LANG_HANGUL, LANG_LATIN, PER_CHAR, WEIGHT_HAN, WEIGHT_KANA, WORD, isHighSurrogate, isLowSurrogate } from './char-table.js';

export type StopLang = 'en' | 'ko' | 'ja' | 'zh';

const EN = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself
his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves also may might must shall one us many much`.split(/\s+/),
);

const KO = new Set(
  `이 그 저 것 수 등 및 더 또 또한 그리고 하지만 그러나 그래서 따라서 그런데 있다 있는 있고 있어 있으며 있었다 없는 없다 없이
한다 하는 했다 하고 하며 해 할 위해 위한 대한 대해 통해 같은 이런 그런 이번 이는 그는 매우 가장 모든 다른 한 두 몇
것이다 것으로 것을 것은 것이 수도 때문에 때 중 내 후 전 약 우리 우리는 저는 제가 나는 너무 아주 정말 이미 아직 다시 함께
바로 또는 혹은 즉 곧 된다 되는 됐다 되어 않고 않은 않는 않았다 이라고 라고 했다고 밝혔다 말했다`.split(/\s+/),
);

const JA = new Set([...'のにはをたがでてとしもなかられるいすだっうよねばや']);

const ZH = new Set([...'的了是在和有也不这我他她它们就都而与着或被把对为从以之其中上个于将等所但并及很还又要会可让给向到说地得那你此因如由则该各已更最']);

/** `[\p{L}\p{N}'’]` for astral code points (the table covers the BMP). */
const ASTRAL_WORD = /[\p{L}\p{N}'’]/u;

/** Stopword tokens of a text and how many of them are on a stoplist. */
export interface StopCounts {
  tokens: number;
  stops: number;
}

/**
 * Visit the stopword tokens of `lower` (lower-cased text): words between
 * spaces and punctuation, and each Han or kana character alone. A word is
 * handed over as its offsets, so a caller that only counts allocates nothing.
 */
function eachToken(lower: string, onWord: (start: number, end: number) => void, onChar: (c: number) => void): void {
  let start = -1;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    let word: boolean;
    if (isHighSurrogate(c) && i + 1 < n && isLowSurrogate(lower.charCodeAt(i + 1))) {
      word = ASTRAL_WORD.test(lower.slice(i, i + 2));
      if (word) {
        if (start < 0) start = i;
        i++;
        continue;
      }
    } else {
      const f = CHAR_FLAGS[c];
      if (f & PER_CHAR) {
        if (start >= 0) onWord(start, i);
        start = -1;
        onChar(c);
        continue;
      }
      word = (f & WORD) !== 0;
      if (word) {
        if (start < 0) start = i;
        continue;
      }
    }
    if (start >= 0) onWord(start, i);
    start = -1;
  }
  if (start >= 0) onWord(start, n);
}

/** Tokens for stopword counting: words between spaces, and each Han or kana character alone. */
export function stopTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  eachToken(
    lower,
    (s, e) => out.push(lower.slice(s, e)),
    (c) => out.push(String.fromCharCode(c)),
  );
  return out;
}

/**
 * A stoplist prepared for counting in place: its one-character entries by code
 * unit, and its words in an open-addressing table keyed by an FNV-1a hash, so
 * a token is looked up without being cut out of the text.
 */
interface Prepared {
  words: Set<string>;
  chars: Uint8Array;
  longest: number;
  list: string[];
  /** Index into `list` plus one; 0 is an empty slot. */
  slots: Int32Array;
  hashes: Int32Array;
  mask: number;
  /** 1 for each code unit some entry starts with. */
  first: Uint8Array;
}
const prepared = new Map<StopLang, Prepared>();

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** FNV-1a step over a lower-cased code unit. */
const hashStep = (h: number, unit: number): number => Math.imul(h ^ unit, HASH_PRIME);
const slotOf = (h: number, mask: number): number => (h ^ (h >>> 16)) & mask;

function prepare(lang: StopLang): Prepared {
  let p = prepared.get(lang);
  if (!p) {
    const words = LISTS[lang];
    const chars = new Uint8Array(0x10000);
    const first = new Uint8Array(0x10000);
    const list = [...words];
    let size = 16;
    while (size < 2 * list.length) size <<= 1;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    let longest = 0;
    list.forEach((w, k) => {
      longest = Math.max(longest, w.length);
      if (w.length === 1) chars[w.charCodeAt(0)] = 1;
      first[w.charCodeAt(0)] = 1;
      let h = HASH_SEED;
      for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
      let slot = slotOf(h, size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = k + 1;
      hashes[slot] = h;
    });
    prepared.set(lang, (p = { words, chars, longest, list, slots, hashes, mask: size - 1, first }));
  }
  return p;
}

/** The tokens of `text` (as `stopTokens` cuts them) and how many are on the stoplist of `lang`. */
export function stopCounts(text: string, lang: StopLang): StopCounts {
  return { ...stopCountsRange(text, 0, text.length, lang) };
}

/** What `lower` maps a code unit to: a word code unit, a Han or kana character, or neither. */
const BREAK = 0;
const WORD_UNIT = 1;
const CHAR_UNIT = 2;
/** A high surrogate: a pair is a word character when `ASTRAL_WORD` says so. */
const PAIR_START = 3;
/** A character whose lower case is not one code unit (U+0130 İ → i + U+0307): the range takes the string path. */
const UNMAPPED = 4;

/**
 * Every BMP code unit lower-cased as `String.prototype.toLowerCase` does it
 * alone, and the token class of the result. Lower-casing one code unit at a
 * time gives the string's own lower case but for two characters: U+0130, whose
 * lower case is two code units (UNMAPPED), and Σ, which becomes ς at the end of
 * a word and σ elsewhere — both word characters on no stoplist, so a token
 * holding either is cut and counted alike.
 */
const LOWER = new Uint16Array(0x10000);
const TOKEN_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) {
    LOWER[c] = c;
    TOKEN_CLASS[c] = isHighSurrogate(c) ? PAIR_START : BREAK;
    continue;
  }
  const lower = String.fromCharCode(c).toLowerCase();
  if (lower.length !== 1) {
    LOWER[c] = c;
    TOKEN_CLASS[c] = UNMAPPED;
    continue;
  }
  const l = lower.charCodeAt(0);
  LOWER[c] = l;
  const f = CHAR_FLAGS[l];
  TOKEN_CLASS[c] = f & PER_CHAR ? CHAR_UNIT : f & WORD ? WORD_UNIT : BREAK;
}

/** The one record `stopCountsRange` fills: read it before the next call. */
const counted: StopCounts = { tokens: 0, stops: 0 };

/**
 * `stopCounts(text.slice(from, to), lang)` without cutting the range out or
 * lower-casing it: code units are classed through a table; a word no longer
 * than the longest entry, starting as some entry does, is lower-cased through
 * a table as it is hashed, looked up by that hash and compared in place.
 * Returns a record the next call overwrites.
 */
export function stopCountsRange(text: string, from: number, to: number, lang: StopLang): StopCounts {
  const p = prepare(lang);
  const { chars, longest } = p;
  let tokens = 0;
  let stops = 0;
  let start = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const k = TOKEN_CLASS[c];
    if (k === WORD_UNIT) {
      if (start < 0) start = i;
      continue;
    }
    if (k === PAIR_START && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      // no stopword holds an astral character: such a word only needs cutting right
      if (ASTRAL_WORD.test(text.slice(i, i + 2).toLowerCase())) {
        if (start < 0) start = i;
        i++;
        continue;
      }
    } else if (k === UNMAPPED) return slowCounts(text.slice(from, to), lang);
    if (start >= 0) {
      tokens++;
      if (i - start <= longest && listed(text, start, i, p)) stops++;
      start = -1;
    }
    if (k === CHAR_UNIT) {
      tokens++;
      stops += chars[LOWER[c]];
    }
  }
  if (start >= 0) {
    tokens++;
    if (to - start <= longest && listed(text, start, to, p)) stops++;
  }
  counted.tokens = tokens;
  counted.stops = stops;
  return counted;
}

/** Whether the lower case of `text.slice(start, end)` is on the prepared stoplist `p`. */
function listed(text: string, start: number, end: number, p: Prepared): boolean {
  // most words start with a character no entry starts with
  if (!p.first[LOWER[text.charCodeAt(start)]]) return false;
  const { list, slots, hashes, mask } = p;
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, LOWER[text.charCodeAt(i)]);
  const len = end - start;
  for (let slot = slotOf(h, mask); slots[slot] !== 0; slot = (slot + 1) & mask) {
    if (hashes[slot] !== h) continue;
    const w = list[slots[slot] - 1];
    if (w.length !== len) continue;
    let k = 0;
    while (k < len && LOWER[text.charCodeAt(start + k)] === w.charCodeAt(k)) k++;
    if (k === len) return true;
  }
  return false;
}

/** The string path: lower-case the text whole, cut its tokens and look each one up. */
function slowCounts(text: string, lang: StopLang): StopCounts {
  const { words, chars, longest } = prepare(lang);
  const lower = text.toLowerCase();
  let tokens = 0;
  let stops = 0;
  eachToken(
    lower,
    (s, e) => {
      tokens++;
      // only a word as short as the longest entry can be one: most words are never cut out as strings
      if (e - s <= longest && words.has(lower.slice(s, e))) stops++;
    },
    (c) => {
      tokens++;
      stops += chars[c];
    },
  );
  counted.tokens = tokens;
  counted.stops = stops;
  return counted;
}

/** Share of stopwords among the tokens (0 without tokens). */
export function stopDensityOf(counts: StopCounts): number {
  return counts.tokens === 0 ? 0 : counts.stops / counts.tokens;
}

/**
 * Whether a low density is evidence against a block. Korean function words are
 * mostly particles bound to the word before, so free-standing stopwords are
 * sparse and uneven (0 to 0.27 per paragraph in Korean news prose we measured):
 * for Korean the density only ever counts in a block's favour. Chinese news
 * prose is terse too: a two-sentence weather report in fixtures/dupes
 * (zh-portal/03-tianqi.html) measured under half the zh prose density, so
 * for Chinese, too, the density only counts in a block's favour.
 */
export const LOW_DENSITY_MEANS_NOT_PROSE: Record<StopLang, boolean> = { en: true, ko: false, ja: true, zh: false };

const LISTS: Record<StopLang, Set<string>> = { en: EN, ko: KO, ja: JA, zh: ZH };

/** Share of `tokens` on the stoplist of `lang`. */
export function stopDensity(tokens: string[], lang: StopLang): number {
  if (tokens.length === 0) return 0;
  const list = LISTS[lang];
  let n = 0;
  for (const t of tokens) if (list.has(t)) n++;
  return n / tokens.length;
}

/** Characters of a document its language is told from. */
const SAMPLE = 20000;
const LANG_HANGUL_BIT = Math.log2(LANG_HANGUL);
const WEIGHT_KANA_BIT = Math.log2(WEIGHT_KANA);
const WEIGHT_HAN_BIT = Math.log2(WEIGHT_HAN);
const LANG_LATIN_BIT = Math.log2(LANG_LATIN);

/**
 * The stoplist language of a whole document, from its scripts: kana → ja;
 * Han without kana → zh; Hangul → ko; Latin → en only if English function
 * words are common enough (other Latin-script languages get no stoplist).
 */
export function detectStopLang(text: string): StopLang | undefined {
  let hangul = 0;
  let kana = 0;
  let han = 0;
  let latin = 0;
  const sample = Math.min(text.length, SAMPLE);
  // the script ranges are all in the BMP: an astral character falls in none, as a pair or as halves; they do
  // not overlap, so each count is one bit of the character's flags, added without a branch
  for (let i = 0; i < sample; i++) {
    const f = CHAR_FLAGS[text.charCodeAt(i)];
    hangul += (f >> LANG_HANGUL_BIT) & 1;
    kana += (f >> WEIGHT_KANA_BIT) & 1;
    han += (f >> WEIGHT_HAN_BIT) & 1;
    latin += (f >> LANG_LATIN_BIT) & 1;
  }
  const letters = hangul + kana + han + latin;
  if (letters === 0) return undefined;
  if (kana / letters >= 0.05) return 'ja';
  if (hangul / letters >= 0.3) return 'ko';
  if (han / letters >= 0.3) return 'zh';
  if (latin / letters >= 0.5 && stopDensityOf(stopCountsRange(text, 0, sample, 'en')) >= 0.15) return 'en';
  return undefined;
}
