/**
 * The stoplist language of a document (stopwords.ts), told from its scripts
 * and, for Latin text, from its English stopword density.
 */
import { CHAR_FLAGS, LANG_HANGUL, LANG_LATIN, PER_CHAR, WEIGHT_HAN, WEIGHT_KANA, WORD } from './char-table.js';
import type { Features } from './features.js';
import { stopCountsRange } from './scan.js';
import { cover, openUnits, type Units } from '../kit/code-units.js';
import { stopDensityOf, type StopLang } from './stopwords.js';

/** Characters of a document its language is told from. */
export const LANG_SAMPLE = 20000;
/** Share of English stopwords from which Latin text is taken for English. */
export const EN_MIN_DENSITY = 0.15;
/**
 * The script a character counts for, as four byte-wide counters added at once
 * (Hangul syllables, kana, Han, Latin), by the script bits of its flags (kana
 * and Han are bits 3 and 4, Hangul syllables and Latin bits 9 and 10): a table
 * of 16, not one per character. The ranges are all in the BMP and do not
 * overlap: an astral character falls in none, as a pair or as halves. A run of
 * at most SCRIPTS_RUN characters cannot carry a byte into the next.
 */
const scriptBits = (f: number): number => ((f >> 3) & 3) | ((f >> 7) & 12);
const SCRIPTS = new Uint32Array(16);
for (const [flag, lane] of [[LANG_HANGUL, 1], [WEIGHT_KANA, 1 << 8], [WEIGHT_HAN, 1 << 16], [LANG_LATIN, 1 << 24]]) SCRIPTS[scriptBits(flag)] = lane;
const SCRIPTS_RUN = 255;
/** CHAR_FLAGS under a module-level constant of this module, for the loop: see kit/unit-table.ts, "Tables in hot loops". */
const FLAGS = CHAR_FLAGS;

/**
 * The stoplist language of a whole document, from its scripts: kana → ja;
 * Han without kana → zh; Hangul → ko; Latin → en only if English function
 * words are common enough (other Latin-script languages get no stoplist).
 */
export function detectStopLang(text: string): StopLang | undefined {
  const u = openUnits(text);
  const byScript = scriptLang(u);
  if (byScript !== 'latin') return byScript;
  return stopDensityOf(stopCountsRange(u, 0, Math.min(text.length, LANG_SAMPLE), 'en')) >= EN_MIN_DENSITY ? 'en' : undefined;
}

/**
 * The first step of `detectStopLang`: the language its scripts decide, or
 * `latin` for mostly Latin text, which is English only if the English stopword
 * density of its first LANG_SAMPLE characters reaches EN_MIN_DENSITY.
 */
export function scriptLang(u: Units): StopLang | 'latin' | undefined {
  let hangul = 0;
  let kana = 0;
  let han = 0;
  let latin = 0;
  const sample = Math.min(u.text.length, LANG_SAMPLE);
  cover(u, 0, sample);
  const { codes, base } = u;
  for (let i = 0; i < sample; ) {
    const end = Math.min(sample, i + SCRIPTS_RUN);
    let acc = 0;
    for (; i < end; i++) acc += SCRIPTS[scriptBits(FLAGS[codes[i - base]])];
    hangul += acc & 0xff;
    kana += (acc >>> 8) & 0xff;
    han += (acc >>> 16) & 0xff;
    latin += acc >>> 24;
  }
  const letters = hangul + kana + han + latin;
  if (letters === 0) return undefined;
  if (kana / letters >= 0.05) return 'ja';
  if (hangul / letters >= 0.3) return 'ko';
  if (han / letters >= 0.3) return 'zh';
  if (latin / letters >= 0.5) return 'latin';
  return undefined;
}

/** Flags of the code units that can be part of a stopword token (surrogates are tested apart). */
const TOKEN_PART = WORD | PER_CHAR;

/**
 * The English stopword counts of a document's first LANG_SAMPLE characters,
 * as `detectStopLang` takes them, summed from the counts the classifier makes
 * of each block anyway: a block inside the sample, without a list marker,
 * counts exactly the tokens the sample holds there (only spaces are trimmed
 * from it). Any other block, and any doubt about what stands between blocks,
 * is counted over the text itself.
 */
export class EnglishSample {
  private readonly limit: number;
  private tokens = 0;
  private stops = 0;
  /** End of what has been added so far. */
  private cursor = 0;
  /** False once something between blocks could join or hold a token: the sample is then counted whole. */
  private exact = true;

  private readonly text: string;

  constructor(private readonly units: Units) {
    this.text = units.text;
    this.limit = Math.min(this.text.length, LANG_SAMPLE);
  }

  /** Add the block `[start, end)`, measured (classify/features.ts) with the English stoplist, or not measured. */
  add(start: number, end: number, f: Pick<Features, 'listMarker' | 'countedWith' | 'countedTokens' | 'countedStops'> | undefined): void {
    if (start >= this.limit || !this.exact) return;
    this.between(start);
    if (f && end <= this.limit && !f.listMarker && f.countedWith === 'en') {
      this.tokens += f.countedTokens;
      this.stops += f.countedStops;
    } else {
      const c = stopCountsRange(this.units, start, Math.min(end, this.limit), 'en');
      this.tokens += c.tokens;
      this.stops += c.stops;
    }
    this.cursor = end;
  }

  /** The stopword density of the sample. */
  density(): number {
    this.between(this.limit);
    return stopDensityOf(this.exact ? { tokens: this.tokens, stops: this.stops } : stopCountsRange(this.units, 0, this.limit, 'en'));
  }

  /** Check what stands between the last block added and `to`: at least one character, none of them part of a token. */
  private between(to: number): void {
    const end = Math.min(to, this.limit);
    if (this.cursor > 0 && end < this.limit && end <= this.cursor) this.exact = false;
    for (let i = this.cursor; i < end && this.exact; i++) {
      const c = this.text.charCodeAt(i);
      if (CHAR_FLAGS[c] & TOKEN_PART || (c >= 0xd800 && c <= 0xdfff)) this.exact = false;
    }
  }
}
