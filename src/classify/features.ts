/**
 * Language-independent features of one block, in the spirit of jusText and
 * of the C4 / Gopher / FineWeb line rules: weighted length, letters against
 * digits and symbols, sentence ends, dates, counters, contact details, links.
 */
import type { Block } from '../doc.js';
import type { Thresholds } from '../thresholds.js';
import { CHAR_FLAGS, SPACE } from './char-table.js';
import { listMarkerLength } from './list-marker.js';
import { COPYRIGHT, COUNTER, DATE_TIME, EMAIL, URL, endsAsSentenceIn } from './patterns.js';
import type { StopList } from './stopwords.js';
import { scanRange, type Scan } from './scan.js';
import type { Units } from './units.js';

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
  /** Stopword density, when the document's language has a stoplist (set once the language is known). */
  stopDensity?: number;
  /** Stopword tokens, counted with the stoplist the features were measured with (0 without one). */
  stopTokens: number;
  /** Of those, the ones on that stoplist. */
  stopWords: number;
  listItem: boolean;
  /** The text opens with a list marker (segment.ts LIST_MARKER), which the other features leave out. */
  listMarker: boolean;
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

/**
 * The features smoothing reads of every block, bad ones included: size, and
 * whether it is a counter or mentions a date; with the stopword counts the
 * document's language is told from.
 */
export type CoreFeatures = Pick<Features, 'chars' | 'weight' | 'counter' | 'mentionsDate' | 'stopTokens' | 'stopWords' | 'listMarker'>;

/**
 * A block as the features see it, measured in place in the document's text:
 * `whole` is the block without its list marker and outer spaces, `body` its
 * first SAMPLE characters. Filled by `measure`, read at once by its caller.
 */
const m = {
  text: '',
  wholeStart: 0,
  wholeEnd: 0,
  bodyEnd: 0,
  marker: 0,
  short: false,
  dated: false,
  chars: 0,
  weight: 0,
  counter: false,
  /** The body cut out, once a pattern needs it. */
  body: undefined as string | undefined,
};

/** The body as a string: only the patterns need one, and they run on few blocks. */
function body(): string {
  return (m.body ??= m.text.slice(m.wholeStart, m.bodyEnd));
}

/**
 * Measure `u.text.slice(from, to)` into `m`: what is measured of every block.
 * Returns the character counts of the body (classify/scan.ts), with its
 * stopwords when `list` is given.
 */
function measure(u: Units, from: number, to: number, weights: Float64Array, t: Thresholds, list: StopList | undefined): Scan {
  const text = u.text;
  const marker = listMarkerLength(text, from, to);
  // String.prototype.trim strips what `\s` matches: the table's SPACE
  let ws = from + marker;
  let we = to;
  while (ws < we && CHAR_FLAGS[text.charCodeAt(ws)] & SPACE) ws++;
  while (we > ws && CHAR_FLAGS[text.charCodeAt(we - 1)] & SPACE) we--;
  const be = we - ws > SAMPLE ? ws + SAMPLE : we;
  const scale = be > ws ? (we - ws) / (be - ws) : 1;
  const s = scanRange(u, ws, be, weights, list);
  m.text = text;
  m.wholeStart = ws;
  m.wholeEnd = we;
  m.bodyEnd = be;
  m.marker = marker;
  m.body = undefined;
  const short = s.nonSpace * scale <= t['classify.metaMaxChars'];
  m.short = short;
  // every date and time pattern holds an ASCII digit; most short blocks have none
  m.dated = short && s.digits > 0 && hasDate(body());
  m.chars = Math.round(s.nonSpace * scale);
  m.weight = s.weight * scale;
  // a counter holds a digit too
  m.counter = short && be - ws <= 30 && s.digits > 0 && COUNTER.test(body());
  return s;
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
 * third of the blocks of a templated site), so the costlier patterns are
 * skipped; stopwords are counted only when `list` is given.
 */
export function coreFeatures(u: Units, from: number, to: number, weights: Float64Array, t: Thresholds, list?: StopList): CoreFeatures {
  const s = measure(u, from, to, weights, t, list);
  return { chars: m.chars, weight: m.weight, counter: m.counter, mentionsDate: m.dated, stopTokens: s.stopTokens, stopWords: s.stops, listMarker: m.marker > 0 };
}

/**
 * The features of `block`, a block of `u.text` (the document's text), read in
 * place; characters weigh `weights` (classify/scan.ts `scanWeights`), and
 * stopwords are counted with `list` — `stopDensity` is left for the caller to
 * set once it knows the document's language.
 */
export function features(u: Units, block: Block, list: StopList | undefined, weights: Float64Array, t: Thresholds): Features {
  const text = u.text;
  const s = measure(u, block.start, block.end, weights, t, list);
  const { letters, nonSpace, tokens, digitTokens, unpunctuated, sentenceEnds, copyrightHints, separatorChars } = s;
  const ctx = block.context;
  const weight = m.weight;
  const length = block.end - block.start;
  return {
    chars: m.chars,
    weight,
    letterShare: nonSpace ? letters / nonSpace : 0,
    digitTokens,
    unpunctuatedScript: letters > 0 && unpunctuated / letters >= 0.5,
    digitTokenShare: tokens ? digitTokens / tokens : 0,
    endsAsSentence: endsAsSentenceIn(text, Math.max(m.wholeStart, m.wholeEnd - 16), m.wholeEnd),
    sentenceEnds,
    stopDensity: undefined,
    stopTokens: s.stopTokens,
    stopWords: s.stops,
    listItem: block.kind === 'list-item' || m.marker > 0,
    listMarker: m.marker > 0,
    htmlHeading: Boolean(ctx && isHeadingElement(ctx.element)) || (Boolean(ctx) && block.kind === 'heading'),
    linkDensity: ctx && length ? Math.min(1, ctx.linkChars / length) : 0,
    date: m.dated && sentenceEnds === 0 && isDateLine(body(), t),
    mentionsDate: m.dated,
    counter: m.counter,
    contact: m.short && mentionsContact(body()),
    // the weight test first: it is free, the notice pattern is not
    copyright: weight < t['classify.lengthHigh'] && copyrightHints > 0 && COPYRIGHT.test(body()),
    // a block without any separator character (most of them) cannot match
    separators: separatorChars > 0 ? (body().match(SEPARATORS) ?? []).length : 0,
  };
}

/** `/^h[1-6]$/`: an HTML heading element. */
function isHeadingElement(element: string): boolean {
  if (element.length !== 2 || element.charCodeAt(0) !== 0x68) return false;
  const d = element.charCodeAt(1);
  return d >= 0x31 && d <= 0x36;
}
