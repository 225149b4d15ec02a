/**
 * Language-independent features of one block, in the spirit of jusText and
 * of the C4 / Gopher / FineWeb line rules: weighted length, letters against
 * digits and symbols, sentence ends, dates, counters, contact details, links.
 */
import type { Block } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { CHAR_FLAGS, SPACE } from './char-table.js';
import { listMarkerLength } from './list-marker.js';
import { COPYRIGHT, COUNTER, DATE_TIME, EMAIL, URL, endsAsSentenceIn, mayHoldDate } from './patterns.js';
import type { StopLang, StopList } from './stopwords.js';
import { scanRange, stopScanRange, type Scan } from './scan.js';
import { cover, type Units } from '../kit/code-units.js';
import type { Limits } from './limits.js';
import { FRACTION } from './fraction.js';

export interface Features {
  /** Characters, spaces excluded. */
  chars: number;
  /** Length with CJK characters weighted (see classify.weight*), spaces included as jusText counts them. */
  weight: number;
  letterShare: number;
  digitTokens: number;
  digitTokenShare: number;
  /** Mostly in a script written without sentence punctuation (Thai, Lao, Khmer, Tibetan). */
  unpunctuatedScript: boolean;
  endsAsSentence: boolean;
  sentenceEnds: number;
  /** Stopword density, when the document's language has a stoplist (see `BlockFeatures.setLanguage`). */
  readonly stopDensity?: number;
  /** Stopword tokens, when it has one; else 0. */
  readonly stopTokens: number;
  listItem: boolean;
  /** The text opens with a list marker (segment.ts LIST_MARKER), which the other features leave out. */
  listMarker: boolean;
  /** The stoplist the stopwords were counted with while measuring, if one was given then (classify/language.ts reads the counts). */
  countedWith: StopLang | undefined;
  /** Stopword tokens counted with `countedWith` (0 without). */
  countedTokens: number;
  /** Of those, the ones on its list. */
  countedStops: number;
  /** An HTML heading element. */
  htmlHeading: boolean;
  linkDensity: number;
  date: boolean;
  /** Holds a date or time somewhere ("By Jane Doe | March 3, 2024"). */
  mentionsDate: boolean;
  counter: boolean;
  contact: boolean;
  copyright: boolean;
  /** Separators typical of menus and breadcrumbs ("Home | News", "a › b"). */
  separators: number;
}

/** True when `text` holds a date or a time. */
export function hasDate(text: string): boolean {
  DATE_TIME.lastIndex = 0;
  return DATE_TIME.test(text);
}

/** True when `text` is dates and times with at most a short label ("Posted 2024-01-19 14:31"). */
export function isDateLine(text: string, t: Thresholds): boolean {
  DATE_TIME.lastIndex = 0;
  if (!DATE_TIME.test(text)) return false;
  DATE_TIME.lastIndex = 0;
  const rest = text.replace(DATE_TIME, ' ').replace(/[^\p{L}\s]/gu, ' ').trim();
  const words = rest ? rest.split(/\s+/).length : 0;
  return words <= t['classify.labelMaxWords'];
}

/** Menu and breadcrumb separators between spaces, or next to one. */
const SEPARATORS = /\s[|·•›»>\/]\s|\s[|·•›»]|[|·•›»]\s/gu;

/** Characters of a block looked at; a longer block is judged on its beginning (its length still counts in full). */
const SAMPLE = 100_000;

/** The features smoothing reads of every block, bad ones included: size, and whether it is a counter or mentions a date. */
export type CoreFeatures = Pick<Features, 'chars' | 'weight' | 'counter' | 'mentionsDate'>;

/**
 * A block as the features see it, measured in place in the document's text:
 * `whole` is the block without its list marker and outer spaces, `body` its
 * first SAMPLE characters. Filled by `measure`, read at once by its caller.
 */
const m = {
  wholeStart: 0,
  wholeEnd: 0,
  bodyEnd: 0,
  marker: 0,
  short: false,
  chars: 0,
  weight: FRACTION,
};

/**
 * Measure `u.text.slice(from, to)` into `m`: what is measured of every block.
 * Returns the character counts of the body (classify/scan.ts), with its
 * stopwords when `list` is given.
 */
function measure(u: Units, from: number, to: number, k: Limits, list: StopList | undefined): Scan {
  const text = u.text;
  const marker = listMarkerLength(text, from, to);
  // String.prototype.trim strips what `\s` matches: the table's SPACE
  let ws = from + marker;
  let we = to;
  while (ws < we && CHAR_FLAGS[text.charCodeAt(ws)] & SPACE) ws++;
  while (we > ws && CHAR_FLAGS[text.charCodeAt(we - 1)] & SPACE) we--;
  const be = we - ws > SAMPLE ? ws + SAMPLE : we;
  const scale = be > ws ? (we - ws) / (be - ws) : 1;
  const s = scanRange(u, ws, be, k.weights, list);
  m.wholeStart = ws;
  m.wholeEnd = we;
  m.bodyEnd = be;
  m.marker = marker;
  m.short = s.nonSpace * scale <= k.metaMaxChars;
  m.chars = Math.round(s.nonSpace * scale);
  m.weight = s.weight * scale;
  return s;
}

/** Whether the short body `[from, to)` holds a date or time: every such pattern holds an ASCII digit, most short blocks none. */
function datedIn(u: Units, from: number, to: number, short: boolean, digits: number): boolean {
  if (!short || digits === 0) return false;
  cover(u, from, to);
  return mayHoldDate(u.codes, from - u.base, to - u.base) && hasDate(u.text.slice(from, to));
}

/** Whether the short body `[from, to)` is a counter ("Comments (12)"): one holds a digit, and is 30 characters at most. */
function counterIn(u: Units, from: number, to: number, short: boolean, digits: number): boolean {
  return short && to - from <= 30 && digits > 0 && COUNTER.test(u.text.slice(from, to));
}

/** An e-mail address or a link in the text (a byline with an address, a source line). */
export function mentionsContact(text: string): boolean {
  // an address needs an @, a link "://" or "www.": skip the patterns on text without them
  return (text.includes('@') && EMAIL.test(text)) || ((text.includes('://') || hasWww(text)) && URL.test(text));
}

/** `www.` in any case (URL's `\bwww\.` under its `i` flag: no other character folds to w). */
function hasWww(text: string): boolean {
  for (let dot = text.indexOf('.', 3); dot !== -1; dot = text.indexOf('.', dot + 1))
    if ((text.charCodeAt(dot - 1) | 0x20) === 0x77 && (text.charCodeAt(dot - 2) | 0x20) === 0x77 && (text.charCodeAt(dot - 3) | 0x20) === 0x77) return true;
  return false;
}

/**
 * Only the core features of `u.text.slice(from, to)`: enough for a block an
 * earlier stage removed whole, which is bad whatever the rest would say (a
 * third of the blocks of a templated site), so the costlier patterns and the
 * stopwords are skipped.
 */
export function coreFeatures(u: Units, from: number, to: number, k: Limits): CoreFeatures {
  const s = measure(u, from, to, k, undefined);
  const { wholeStart, bodyEnd, short } = m;
  return {
    chars: m.chars,
    weight: m.weight,
    counter: counterIn(u, wholeStart, bodyEnd, short, s.digits),
    mentionsDate: datedIn(u, wholeStart, bodyEnd, short, s.digits),
  };
}

/**
 * Features of a block in which what only some rules read is worked out when
 * first read: the patterns (a date, a counter, an address, a notice, menu
 * separators) and the stopwords — the document's stoplist is known only once
 * all its blocks are measured, and most blocks are judged without them (a
 * hard-bad one, a short one; in Korean or Chinese, a punctuated one).
 */
export class BlockFeatures implements Features {
  chars = 0;
  weight = FRACTION;
  // the shares are worked out when read, from counts (small integers): a fraction in a field costs an
  // allocation of its own per block
  letters = 0;
  nonSpace = 0;
  tokens = 0;
  digitTokens = 0;
  /** Characters of the block, and of its links (0 for plain text). */
  length = 0;
  linkChars = 0;
  unpunctuatedScript = false;
  endsAsSentence = false;
  sentenceEnds = 0;
  listItem = false;
  listMarker = false;
  htmlHeading = false;
  /** The list given to `features`, if any, or the one counted with last (see `stops`). */
  countedWith: StopLang | undefined = undefined;
  countedTokens = 0;
  countedStops = 0;
  /** Short enough to be a date, counter or address line (metaMaxChars). */
  short = false;
  digits = 0;
  copyrightHints = 0;
  separatorChars = 0;
  private list: StopList | undefined = undefined;
  private dated: boolean | undefined = undefined;
  private counts: boolean | undefined = undefined;
  private dateLine: boolean | undefined = undefined;
  private address: boolean | undefined = undefined;
  private notice: boolean | undefined = undefined;
  /** Menu separators, once counted (-1: not yet; a number from the start, see FRACTION). */
  private menu = -1;
  private text: string | undefined = undefined;

  /** `bodyStart`/`bodyEnd`: the measured text in `units` (read only while the document is classified). */
  constructor(
    private readonly units: Units,
    private readonly bodyStart: number,
    private readonly bodyEnd: number,
    private readonly k: Limits,
  ) {}

  /** The document's stoplist (none: no stopword density). */
  setLanguage(list: StopList | undefined): void {
    this.list = list;
  }

  get letterShare(): number {
    return this.nonSpace ? this.letters / this.nonSpace : 0;
  }

  get digitTokenShare(): number {
    return this.tokens ? this.digitTokens / this.tokens : 0;
  }

  get linkDensity(): number {
    return this.length ? Math.min(1, this.linkChars / this.length) : 0;
  }

  get stopTokens(): number {
    if (!this.list) return 0;
    this.stops(this.list);
    return this.countedTokens;
  }

  get stopDensity(): number | undefined {
    if (!this.list) return undefined;
    this.stops(this.list);
    return this.countedTokens === 0 ? 0 : this.countedStops / this.countedTokens;
  }

  get mentionsDate(): boolean {
    return (this.dated ??= datedIn(this.units, this.bodyStart, this.bodyEnd, this.short, this.digits));
  }

  get date(): boolean {
    return (this.dateLine ??= this.mentionsDate && this.sentenceEnds === 0 && isDateLine(this.body(), this.k.t));
  }

  get counter(): boolean {
    return (this.counts ??= counterIn(this.units, this.bodyStart, this.bodyEnd, this.short, this.digits));
  }

  get contact(): boolean {
    return (this.address ??= this.short && mentionsContact(this.body()));
  }

  get copyright(): boolean {
    // the weight test first: it is free, the notice pattern is not
    return (this.notice ??= this.weight < this.k.lengthHigh && this.copyrightHints > 0 && COPYRIGHT.test(this.body()));
  }

  get separators(): number {
    // a block without any separator character (most of them) cannot match
    if (this.menu < 0) this.menu = this.separatorChars > 0 ? (this.body().match(SEPARATORS) ?? []).length : 0;
    return this.menu;
  }

  private body(): string {
    return (this.text ??= this.units.text.slice(this.bodyStart, this.bodyEnd));
  }

  /** Make `counted*` the counts of `list`. */
  private stops(list: StopList): void {
    if (this.countedWith === list.lang) return;
    const s = stopScanRange(this.units, this.bodyStart, this.bodyEnd, list.lang);
    this.countedWith = list.lang;
    this.countedTokens = s.stopTokens;
    this.countedStops = s.stops;
  }
}

/**
 * The features of `block`, a block of `u.text` (the document's text), read in
 * place, against the limits `k`; stopwords are counted now with `list` when
 * given, else on first reading (`BlockFeatures`).
 */
export function features(u: Units, block: Block, list: StopList | undefined, k: Limits): BlockFeatures {
  const s = measure(u, block.start, block.end, k, list);
  const { letters, unpunctuated } = s;
  const ctx = block.context;
  const f = new BlockFeatures(u, m.wholeStart, m.bodyEnd, k);
  if (list) {
    f.countedWith = list.lang;
    f.countedTokens = s.stopTokens;
    f.countedStops = s.stops;
  }
  f.chars = m.chars;
  f.weight = m.weight;
  f.short = m.short;
  f.digits = s.digits;
  f.copyrightHints = s.copyrightHints;
  f.separatorChars = s.separatorChars;
  f.letters = letters;
  f.nonSpace = s.nonSpace;
  f.tokens = s.tokens;
  f.digitTokens = s.digitTokens;
  f.unpunctuatedScript = letters > 0 && unpunctuated / letters >= 0.5;
  f.endsAsSentence = endsAsSentenceIn(u.text, Math.max(m.wholeStart, m.wholeEnd - 16), m.wholeEnd);
  f.sentenceEnds = s.sentenceEnds;
  f.listItem = block.kind === 'list-item' || m.marker > 0;
  f.listMarker = m.marker > 0;
  f.htmlHeading = Boolean(ctx && isHeadingElement(ctx.element)) || (Boolean(ctx) && block.kind === 'heading');
  f.length = block.end - block.start;
  f.linkChars = ctx ? ctx.linkChars : 0;
  return f;
}

/** `/^h[1-6]$/`: an HTML heading element. */
function isHeadingElement(element: string): boolean {
  if (element.length !== 2 || element.charCodeAt(0) !== 0x68) return false;
  const d = element.charCodeAt(1);
  return d >= 0x31 && d <= 0x36;
}
