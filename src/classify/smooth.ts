/**
 * Context smoothing (jusText's second step, Pomikálek 2011, §4.3): short
 * blocks take the class of their nearest non-short neighbours, near-good
 * blocks stay unless both neighbours are bad, and headings directly before
 * good text are kept. The start and the end of the page count as bad.
 */
import type { Thresholds } from '../thresholds.js';
import type { Cls, Verdict } from './rules.js';
import { REASON, type Reason } from './reasons.js';

export interface Item {
  /** The context-free verdict. */
  initial: Verdict;
  /** The class after smoothing, `good` or `bad` at the end. */
  cls: Cls;
  /** The rule that decided last (reasons.ts). */
  reason: Reason;
  /** Characters of the block, for heading distances. */
  length: number;
  /** Weighted length (classify/features.ts). */
  weight: number;
  /** Looks like a heading: an HTML heading, or a short unpunctuated title-like line. */
  heading: boolean;
  /** Marked up as a heading (h1–h6): jusText's own heading rule applies to these only. */
  markedHeading: boolean;
  /** Tiny or metadata block a heading may be separated from its text by ("Posted 12:20", a lone label). */
  skippable: boolean;
  /** Inside an HTML5 `<article>` element. */
  inArticle: boolean;
  /** The enclosing elements and their class/id names, for HTML blocks ('' for plain text): siblings share it. */
  container: string;
}

/** Verdicts of smoothing alone (no evidence of the block's own) that an `<article>` holding good text overrules. */
const NEIGHBOUR_ONLY = new Set<Reason>([REASON.SHORT_NEAR_BAD, REASON.NEAR_GOOD_ISOLATED]);

// A neighbour's class as a small number, so that the passes below keep theirs in typed arrays reused from one
// page to the next rather than in arrays of strings made per page.
const GOOD = 1;
const BAD = 2;
const NEAR_GOOD = 3;
/** `next` of `shortBlocks`: good, as the last short sentence before a byline. */
const SIGNING = 4;
const codeOf = (c: Cls): number => (c === 'good' ? GOOD : c === 'bad' ? BAD : c === 'near-good' ? NEAR_GOOD : 0);

/** Scratch arrays of the passes, grown to the longest page seen (in this thread) and reused. */
class Scratch {
  prev = new Uint8Array(0);
  after = new Uint8Array(0);
  prevAny = new Uint8Array(0);
  afterAny = new Uint8Array(0);
  next = new Uint8Array(0);
  nextNotShort = new Int32Array(0);

  /** Make every array hold at least `n` entries (their contents are left as they are). */
  fit(n: number): this {
    if (this.prev.length < n) {
      const size = Math.max(n, 2 * this.prev.length, 64);
      this.prev = new Uint8Array(size);
      this.after = new Uint8Array(size);
      this.prevAny = new Uint8Array(size);
      this.afterAny = new Uint8Array(size);
      this.next = new Uint8Array(size);
      this.nextNotShort = new Int32Array(size);
    }
    return this;
  }
}
const scratch = new Scratch();

/**
 * For every item, into `out`, the class of its nearest neighbour in direction
 * `step` that is good or bad (or near-good, unless ignored); the page edge
 * counts as bad. One pass, so long runs of short blocks cost linear time.
 */
function neighbours(items: Item[], step: 1 | -1, ignoreNearGood: boolean, out: Uint8Array): Uint8Array {
  let last = BAD;
  for (let k = 0; k < items.length; k++) {
    const i = step === 1 ? items.length - 1 - k : k;
    out[i] = last;
    const c = codeOf(items[i].cls);
    if (c === GOOD || c === BAD || (c === NEAR_GOOD && !ignoreNearGood)) last = c;
  }
  return out;
}

/**
 * Smooth `items` in place (see the module comment). Each pass is a function
 * of its own: V8 then optimises (and, on a branch first taken late,
 * re-optimises) a small function rather than all of smoothing at once.
 */
export function smooth(items: Item[], t: Thresholds): void {
  if (items.length === 0) return;
  const maxDistance = t['classify.maxHeadingDistance'];
  if (!hasGood(items)) bestOnPage(items);
  headingsNearText(items, maxDistance);
  const s = scratch.fit(items.length);
  shortBlocks(items, s);
  nearGoodBlocks(items, s.after);
  // a page with nothing good at all keeps its complete short sentences
  if (!hasGood(items)) for (const it of items) if (it.initial.reason === REASON.SHORT_SENTENCE) set(it, 'good', REASON.BEST_ON_PAGE);
  insideArticle(items);
  sentencesBesideText(items);
  headingsBeforeText(items, maxDistance, s.next);
}

function hasGood(items: Item[]): boolean {
  for (let i = 0; i < items.length; i++) if (items[i].cls === 'good') return true;
  return false;
}

/**
 * A page without a good block: its near-good blocks are the best it has, and
 * count as good (and failing those, its long unpunctuated blocks: lyrics,
 * lists, text that lost its punctuation).
 */
function bestOnPage(items: Item[]): void {
  // the longer half of them: a page of short paragraphs still drops a one-line notice
  let longest = 0;
  for (const it of items) if (it.cls === 'near-good') longest = Math.max(longest, it.weight);
  for (const it of items) if (it.cls === 'near-good' && it.weight >= longest / 2) set(it, 'good', REASON.BEST_ON_PAGE);
  if (!hasGood(items)) for (const it of items) if (it.initial.reason === REASON.NO_SENTENCE) set(it, 'good', REASON.BEST_ON_PAGE);
}

/** Headings shortly before good text become near-good. */
function headingsNearText(items: Item[], maxDistance: number): void {
  for (let i = 0; i < items.length; i++)
    if (items[i].markedHeading && items[i].cls === 'short' && goodWithin(items, i, maxDistance)) set(items[i], 'near-good', REASON.HEADING_BEFORE_TEXT);
}

/** Whether a good item follows item `i` within `maxDistance` characters. */
function goodWithin(items: Item[], i: number, maxDistance: number): boolean {
  let distance = 0;
  for (let j = i + 1; j < items.length && distance <= maxDistance; j++) {
    if (items[j].cls === 'good') return true;
    distance += items[j].length;
  }
  return false;
}

/** Short blocks: good between good, bad between bad, otherwise good only next to near-good. */
function shortBlocks(items: Item[], s: Scratch): void {
  const prev = neighbours(items, -1, true, s.prev);
  const after = neighbours(items, 1, true, s.after);
  const prevAny = neighbours(items, -1, false, s.prevAny);
  const afterAny = neighbours(items, 1, false, s.afterAny);
  // decided for all short blocks first, then set: a decision reads the classes before any of them changed
  const next = s.next;
  nextNotShort(items, s.nextNotShort);
  for (let i = 0; i < items.length; i++) {
    next[i] = 0;
    if (items[i].cls !== 'short') continue;
    if (prev[i] === GOOD && after[i] === GOOD) next[i] = GOOD;
    // the last short sentence of a story, before its reporter's byline or dateline ("다만 지방은 여전히 약세다.")
    else if (prev[i] === GOOD && items[i].initial.reason === REASON.SHORT_SENTENCE && signedOff(items, s.nextNotShort[i])) next[i] = SIGNING;
    else if (prev[i] === BAD && after[i] === BAD) next[i] = BAD;
    else if ((prev[i] === BAD && prevAny[i] === NEAR_GOOD) || (after[i] === BAD && afterAny[i] === NEAR_GOOD)) next[i] = GOOD;
    else next[i] = BAD;
  }
  for (let i = 0; i < items.length; i++) {
    const c = next[i];
    if (c === SIGNING) set(items[i], 'good', REASON.SHORT_BEFORE_BYLINE);
    else if (c === GOOD) set(items[i], 'good', REASON.SHORT_BETWEEN_GOOD);
    else if (c === BAD) set(items[i], 'bad', items[i].initial.reason === REASON.COUNTER ? REASON.COUNTER : REASON.SHORT_NEAR_BAD);
  }
}

/** Near-good blocks: bad only when both neighbours are bad (earlier decisions count, as in jusText). */
function nearGoodBlocks(items: Item[], after: Uint8Array): void {
  neighbours(items, 1, true, after);
  let prev = BAD;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.cls === 'near-good') {
      const bad = prev === BAD && after[i] === BAD;
      set(it, bad ? 'bad' : 'good', bad ? REASON.NEAR_GOOD_ISOLATED : it.reason === REASON.HEADING_BEFORE_TEXT ? it.reason : REASON.NEAR_GOOD_BY_GOOD);
    }
    if (it.cls === 'good') prev = GOOD;
    else if (it.cls === 'bad') prev = BAD;
  }
}

/**
 * An <article> element is the page's own word for where its text is: inside
 * one that holds good text, a block condemned only by its neighbours (a list
 * item, a one-line quote, a closing "He declined to comment.", the headline)
 * is kept. Evidence of its own — links, counters, dates, a share or ad class —
 * still wins.
 */
function insideArticle(items: Item[]): void {
  let goodInArticle = false;
  for (let i = 0; i < items.length && !goodInArticle; i++) goodInArticle = items[i].inArticle && items[i].cls === 'good';
  if (goodInArticle)
    for (const it of items) if (it.inArticle && it.cls === 'bad' && !it.initial.hard && NEIGHBOUR_ONLY.has(it.reason)) set(it, 'good', REASON.INSIDE_ARTICLE);
}

/**
 * A complete short sentence in the same container as the good text next to it
 * (the last line of a blog post before its footer: "また秋にも来たいと思います。")
 * is part of that text. Plain text has no containers.
 */
function sentencesBesideText(items: Item[]): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    // the container last: building it is the costly part
    if (it.cls !== 'bad' || it.initial.hard || it.initial.reason !== REASON.SHORT_SENTENCE || !NEIGHBOUR_ONLY.has(it.reason) || !it.container) continue;
    if (goodSibling(items, i - 1, it.container) || goodSibling(items, i + 1, it.container)) set(it, 'good', REASON.SENTENCE_BESIDE_TEXT);
  }
}

/** Whether item `j` exists, is good and is in `container`. */
function goodSibling(items: Item[], j: number, container: string): boolean {
  return j >= 0 && j < items.length && items[j].cls === 'good' && items[j].container === container;
}

/** Headings (and a title with its dateline between) directly before good text are kept. */
function headingsBeforeText(items: Item[], maxDistance: number, goodBefore: Uint8Array): void {
  for (let i = 0; i < items.length; i++) goodBefore[i] = items[i].cls === 'good' ? 1 : 0;
  for (let i = items.length - 1; i >= 0; i--) {
    if (!goodBefore[i]) continue;
    let distance = 0;
    for (let j = i - 1; j >= 0; j--) {
      const it = items[j];
      if (it.cls === 'good') break;
      if (it.heading && !it.initial.hard) {
        set(it, 'good', REASON.HEADING_BEFORE_TEXT);
        continue;
      }
      if (!it.skippable) break;
      distance += it.length;
      if (distance > maxDistance) break;
    }
  }
}

/** For each item, into `out`, the index of the next item after it that is not short (-1: none). */
function nextNotShort(items: Item[], out: Int32Array): void {
  let next = -1;
  for (let i = items.length - 1; i >= 0; i--) {
    out[i] = next;
    if (items[i].cls !== 'short') next = i;
  }
}

/**
 * Whether item `j` (the next block that is not short, -1 for none) is a piece
 * of metadata a story signs off with (a byline with an address, a dateline:
 * hard-bad and skippable), rather than furniture. Asked of few items, so
 * `skippable` (which may cost a measurement) is read only for those.
 */
function signedOff(items: Item[], j: number): boolean {
  return j >= 0 && items[j].cls === 'bad' && Boolean(items[j].initial.hard) && items[j].skippable;
}

function set(it: Item, cls: Cls, reason: Reason): void {
  it.cls = cls;
  it.reason = reason;
}
