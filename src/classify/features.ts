/**
 * Language-independent features of one block, in the spirit of jusText and
 * of the C4 / Gopher / FineWeb line rules: weighted length, letters against
 * digits and symbols, sentence ends, dates, counters, contact details, links.
 */
import type { Block } from '../doc.js';
import type { Thresholds } from '../thresholds.js';
import { LIST_MARKER } from '../stages/segment.js';
import { COPYRIGHT, COUNTER, DATE_TIME, EMAIL, URL, endsAsSentence } from './patterns.js';
import { stopCounts, stopDensityOf, type StopLang } from './stopwords.js';
import { scan } from './scan.js';

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
  /** Stopword density, when the document's language has a stoplist. */
  stopDensity?: number;
  stopTokens: number;
  listItem: boolean;
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

/** A block's text as the features see it, with what is measured of every block. */
function measure(text: string, t: Thresholds) {
  const whole = text.replace(LIST_MARKER, '').trim();
  const body = whole.length > SAMPLE ? whole.slice(0, SAMPLE) : whole;
  const scale = body.length ? whole.length / body.length : 1;
  const s = scan(body, t);
  const short = s.nonSpace * scale <= t['classify.metaMaxChars'];
  // every date and time pattern holds an ASCII digit; most short blocks have none
  const dated = short && s.digits > 0 && hasDate(body);
  const core: CoreFeatures = {
    chars: Math.round(s.nonSpace * scale),
    weight: s.weight * scale,
    counter: short && body.length <= 30 && COUNTER.test(body),
    mentionsDate: dated,
  };
  return { whole, body, s, short, dated, core };
}

/**
 * Only the core features: enough for a block an earlier stage removed whole,
 * which is bad whatever the rest would say (a third of the blocks of a
 * templated site), so the costlier patterns and stopwords are skipped.
 */
/** An e-mail address or a link in the text (a byline with an address, a source line). */
export function mentionsContact(text: string): boolean {
  // an address needs an @, a link "://" or a dot: skip the patterns on text without them
  return (text.includes('@') && EMAIL.test(text)) || ((text.includes('://') || text.includes('.')) && URL.test(text));
}

export function coreFeatures(text: string, t: Thresholds): CoreFeatures {
  return measure(text, t).core;
}

export function features(text: string, block: Block, lang: StopLang | undefined, t: Thresholds): Features {
  const { whole, body, s, short, dated, core } = measure(text, t);
  const stops = lang ? stopCounts(body, lang) : undefined;
  const ctx = block.context;
  const weight = core.weight;
  return {
    chars: core.chars,
    weight,
    letterShare: s.nonSpace ? s.letters / s.nonSpace : 0,
    digitTokens: s.digitTokens,
    unpunctuatedScript: s.letters > 0 && s.unpunctuated / s.letters >= 0.5,
    digitTokenShare: s.tokens ? s.digitTokens / s.tokens : 0,
    endsAsSentence: endsAsSentence(whole.slice(-16)),
    sentenceEnds: s.sentenceEnds,
    stopDensity: stops ? stopDensityOf(stops) : undefined,
    stopTokens: stops ? stops.tokens : 0,
    listItem: block.kind === 'list-item' || LIST_MARKER.test(text),
    htmlHeading: Boolean(ctx && /^h[1-6]$/.test(ctx.element)) || (Boolean(ctx) && block.kind === 'heading'),
    linkDensity: ctx && text.length ? Math.min(1, ctx.linkChars / text.length) : 0,
    date: dated && s.sentenceEnds === 0 && isDateLine(body, t),
    mentionsDate: core.mentionsDate,
    counter: core.counter,
    contact: short && mentionsContact(body),
    // the weight test first: it is free, the notice pattern is not
    copyright: weight < t['classify.lengthHigh'] && s.copyrightHints > 0 && COPYRIGHT.test(body),
    // a block without any separator character (most of them) cannot match
    separators: s.separatorChars > 0 ? (body.match(SEPARATORS) ?? []).length : 0,
  };
}
