/**
 * Language-independent features of one block, in the spirit of jusText and
 * of the C4 / Gopher / FineWeb line rules: weighted length, letters against
 * digits and symbols, sentence ends, dates, counters, contact details, links.
 */
import type { Block } from '../doc.js';
import type { Thresholds } from '../thresholds.js';
import { LIST_MARKER } from '../stages/segment.js';
import { COPYRIGHT, COUNTER, DATE_TIME, EMAIL, UNPUNCTUATED_SCRIPT, URL, endsAsSentence, sentenceEnds } from './patterns.js';
import { stopDensity, stopTokens, type StopLang } from './stopwords.js';

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

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/u;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;
const KANA = /[\u3041-\u309F\u30A0-\u30FF]/u;

/** Length of `text` with CJK characters weighted by their information density. */
export function weightedLength(text: string, t: Thresholds): number {
  let w = 0;
  for (const ch of text) {
    if (HANGUL.test(ch)) w += t['classify.weightHangul'];
    else if (HAN.test(ch)) w += t['classify.weightHan'];
    else if (KANA.test(ch)) w += t['classify.weightKana'];
    else w += 1;
  }
  return w;
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

/** Characters of a block looked at; a longer block is judged on its beginning (its length still counts in full). */
const SAMPLE = 100_000;

export function features(text: string, block: Block, lang: StopLang | undefined, t: Thresholds): Features {
  const whole = text.replace(LIST_MARKER, '').trim();
  const body = whole.length > SAMPLE ? whole.slice(0, SAMPLE) : whole;
  const scale = body.length ? whole.length / body.length : 1;
  let letters = 0;
  let nonSpace = 0;
  for (const ch of body) {
    if (/\s/.test(ch)) continue;
    nonSpace++;
    if (/\p{L}/u.test(ch)) letters++;
  }
  const tokens = body.split(/\s+/).filter(Boolean);
  const digitTokens = tokens.filter((w) => /\d/.test(w)).length;
  const stops = lang ? stopTokens(body) : [];
  const short = nonSpace * scale <= t['classify.metaMaxChars'];
  const ends = sentenceEnds(body);
  const ctx = block.context;
  return {
    chars: Math.round(nonSpace * scale),
    weight: weightedLength(body, t) * scale,
    letterShare: nonSpace ? letters / nonSpace : 0,
    digitTokens,
    unpunctuatedScript: letters > 0 && (body.match(UNPUNCTUATED_SCRIPT)?.length ?? 0) / letters >= 0.5,
    digitTokenShare: tokens.length ? digitTokens / tokens.length : 0,
    endsAsSentence: endsAsSentence(whole.slice(-16)),
    sentenceEnds: ends,
    stopDensity: lang ? stopDensity(stops, lang) : undefined,
    stopTokens: stops.length,
    listItem: block.kind === 'list-item' || LIST_MARKER.test(text),
    htmlHeading: Boolean(ctx && /^h[1-6]$/.test(ctx.element)) || (Boolean(ctx) && block.kind === 'heading'),
    linkDensity: ctx && text.length ? Math.min(1, ctx.linkChars / text.length) : 0,
    date: short && ends === 0 && isDateLine(body, t),
    mentionsDate: short && hasDate(body),
    counter: short && body.length <= 30 && COUNTER.test(body),
    contact: short && (EMAIL.test(body) || URL.test(body)),
    copyright: COPYRIGHT.test(body) && weightedLength(body, t) * scale < t['classify.lengthHigh'],
    separators: (body.match(/\s[|·•›»>\/]\s|\s[|·•›»]|[|·•›»]\s/gu) ?? []).length,
  };
}
