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

import { CHAR_FLAGS, LOWER, PER_CHAR, WORD, isHighSurrogate, isLowSurrogate } from './char-table.js';

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
export const ASTRAL_WORD = /[\p{L}\p{N}'’]/u;

/** Stopword tokens of a text and how many of them are on a stoplist. */
export interface StopCounts {
  tokens: number;
  stops: number;
  /** The stoplist they were counted with. */
  list?: StopLang;
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
 * A stoplist prepared for counting in place (classify/scan.ts): its
 * one-character entries by code unit, and its words in an open-addressing
 * table keyed by an FNV-1a hash of their code units, so a word of the text is
 * looked up without being cut out or lower-cased as a string.
 */
export interface StopList {
  lang: StopLang;
  /** 1 for each Han or kana code unit that is an entry alone. */
  chars: Uint8Array;
  /** Code units of the longest entry: a longer word is on no list. */
  longest: number;
  /** 1 for each code unit some entry starts with. */
  first: Uint8Array;
  words: string[];
  /** Index into `words` plus one; 0 is an empty slot. */
  slots: Int32Array;
  hashes: Int32Array;
  mask: number;
}
const prepared = new Map<StopLang, StopList>();

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
const slotOf = (h: number, mask: number): number => (h ^ (h >>> 16)) & mask;

/** The stoplist of `lang`, prepared once. */
export function stopList(lang: StopLang): StopList {
  let p = prepared.get(lang);
  if (!p) {
    const words = [...LISTS[lang]];
    const chars = new Uint8Array(0x10000);
    const first = new Uint8Array(0x10000);
    let size = 16;
    while (size < 2 * words.length) size <<= 1;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    let longest = 0;
    words.forEach((w, k) => {
      longest = Math.max(longest, w.length);
      // only the characters counted alone (Han, kana): a one-letter word ("a", "이") is counted as a word
      if (w.length === 1 && CHAR_FLAGS[w.charCodeAt(0)] & PER_CHAR) chars[w.charCodeAt(0)] = 1;
      first[w.charCodeAt(0)] = 1;
      let h = HASH_SEED;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), HASH_PRIME);
      let slot = slotOf(h, size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = k + 1;
      hashes[slot] = h;
    });
    prepared.set(lang, (p = { lang, chars, longest, first, words, slots, hashes, mask: size - 1 }));
  }
  return p;
}

/** Whether the word `codes[start..end)`, lower-cased, is on `list`. */
export function isListed(codes: Uint16Array, start: number, end: number, list: StopList): boolean {
  const len = end - start;
  // most words are longer than any entry, or start with a character no entry starts with
  if (len > list.longest || !list.first[LOWER[codes[start]]]) return false;
  const { words, slots, hashes, mask } = list;
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ LOWER[codes[i]], HASH_PRIME);
  for (let slot = slotOf(h, mask); slots[slot] !== 0; slot = (slot + 1) & mask) {
    if (hashes[slot] !== h) continue;
    const w = words[slots[slot] - 1];
    if (w.length !== len) continue;
    let k = 0;
    while (k < len && LOWER[codes[start + k]] === w.charCodeAt(k)) k++;
    if (k === len) return true;
  }
  return false;
}

/**
 * The string path, for text with a LOWER_ODD character: lower-case the text
 * whole, cut its tokens and look each one up.
 */
export function stopCountsOfString(text: string, lang: StopLang): StopCounts {
  const words = LISTS[lang];
  const { chars, longest } = stopList(lang);
  const lower = text.toLowerCase();
  let tokens = 0;
  let stops = 0;
  eachToken(
    lower,
    (s, e) => {
      tokens++;
      if (e - s <= longest && words.has(lower.slice(s, e))) stops++;
    },
    (c) => {
      tokens++;
      stops += chars[c];
    },
  );
  return { tokens, stops, list: lang };
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
