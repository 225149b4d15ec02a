/**
 * Context smoothing (jusText's second step, Pomikálek 2011, §4.3): short
 * blocks take the class of their nearest non-short neighbours, near-good
 * blocks stay unless both neighbours are bad, and headings directly before
 * good text are kept. The start and the end of the page count as bad.
 */
import type { Thresholds } from '../thresholds.js';
import type { Cls, Verdict } from './rules.js';

export interface Item {
  /** The context-free verdict. */
  initial: Verdict;
  /** The class after smoothing, `good` or `bad` at the end. */
  cls: Cls;
  reason: string;
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
const NEIGHBOUR_ONLY = new Set(['short-near-bad', 'near-good-isolated']);

/**
 * For every item, the class of its nearest neighbour in direction `step` that
 * is good or bad (or near-good, unless ignored); the page edge counts as bad.
 * One pass, so long runs of short blocks cost linear time.
 */
function neighbours(items: Item[], step: 1 | -1, ignoreNearGood: boolean): Cls[] {
  const out: Cls[] = new Array(items.length);
  let last: Cls = 'bad';
  for (let k = 0; k < items.length; k++) {
    const i = step === 1 ? items.length - 1 - k : k;
    out[i] = last;
    const c = items[i].cls;
    if (c === 'good' || c === 'bad' || (c === 'near-good' && !ignoreNearGood)) last = c;
  }
  return out;
}

/** Smooth `items` in place (see the module comment). */
export function smooth(items: Item[], t: Thresholds): void {
  const maxDistance = t['classify.maxHeadingDistance'];
  const goodWithin = (i: number): boolean => {
    let distance = 0;
    for (let j = i + 1; j < items.length && distance <= maxDistance; j++) {
      if (items[j].cls === 'good') return true;
      distance += items[j].length;
    }
    return false;
  };
  // a page without a good block: its near-good blocks are the best it has, and count as good
  // (and failing those, its long unpunctuated blocks: lyrics, lists, text that lost its punctuation)
  if (!items.some((it) => it.cls === 'good')) {
    // the longer half of them: a page of short paragraphs still drops a one-line notice
    const longest = items.reduce((m, it) => (it.cls === 'near-good' ? Math.max(m, it.weight) : m), 0);
    for (const it of items) if (it.cls === 'near-good' && it.weight >= longest / 2) set(it, 'good', 'best-on-page');
    if (!items.some((it) => it.cls === 'good'))
      for (const it of items) if (it.initial.reason === 'no-sentence') set(it, 'good', 'best-on-page');
  }

  // headings shortly before good text become near-good
  for (let i = 0; i < items.length; i++)
    if (items[i].markedHeading && items[i].cls === 'short' && goodWithin(i)) set(items[i], 'near-good', 'heading-before-text');

  // short blocks: good between good, bad between bad, otherwise good only next to near-good
  {
    const prev = neighbours(items, -1, true);
    const after = neighbours(items, 1, true);
    const prevAny = neighbours(items, -1, false);
    const afterAny = neighbours(items, 1, false);
    // decided for all short blocks first, then set: a decision reads the classes before any of them changed
    const next: (Cls | 'signing' | undefined)[] = new Array(items.length);
    const byline = signedOff(items);
    for (let i = 0; i < items.length; i++) {
      if (items[i].cls !== 'short') continue;
      if (prev[i] === 'good' && after[i] === 'good') next[i] = 'good';
      // the last short sentence of a story, before its reporter's byline or dateline ("다만 지방은 여전히 약세다.")
      else if (prev[i] === 'good' && items[i].initial.reason === 'short-sentence' && byline(i)) next[i] = 'signing';
      else if (prev[i] === 'bad' && after[i] === 'bad') next[i] = 'bad';
      else if ((prev[i] === 'bad' && prevAny[i] === 'near-good') || (after[i] === 'bad' && afterAny[i] === 'near-good')) next[i] = 'good';
      else next[i] = 'bad';
    }
    for (let i = 0; i < items.length; i++) {
      const c = next[i];
      if (c === 'signing') set(items[i], 'good', 'short-before-byline');
      else if (c) set(items[i], c, c === 'good' ? 'short-between-good' : items[i].initial.reason === 'counter' ? 'counter' : 'short-near-bad');
    }
  }

  // near-good blocks: bad only when both neighbours are bad (earlier decisions count, as in jusText)
  {
    const after = neighbours(items, 1, true);
    let prev: Cls = 'bad';
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.cls === 'near-good') {
        const bad = prev === 'bad' && after[i] === 'bad';
        set(it, bad ? 'bad' : 'good', bad ? 'near-good-isolated' : it.reason === 'heading-before-text' ? it.reason : 'near-good-by-good');
      }
      if (it.cls === 'good' || it.cls === 'bad') prev = it.cls;
    }
  }

  // a page with nothing good at all keeps its complete short sentences
  if (!items.some((it) => it.cls === 'good'))
    for (const it of items) if (it.initial.reason === 'short-sentence') set(it, 'good', 'best-on-page');

  // An <article> element is the page's own word for where its text is: inside one that holds good text, a
  // block condemned only by its neighbours (a list item, a one-line quote, a closing "He declined to
  // comment.", the headline) is kept. Evidence of its own — links, counters, dates, a share or ad class — still wins.
  if (items.some((it) => it.inArticle && it.cls === 'good'))
    for (const it of items) if (it.inArticle && it.cls === 'bad' && !it.initial.hard && NEIGHBOUR_ONLY.has(it.reason)) set(it, 'good', 'inside-article');

  // A complete short sentence in the same container as the good text next to it (the last line of a blog
  // post before its footer: "また秋にも来たいと思います。") is part of that text. Plain text has no containers.
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    // the container last: building it is the costly part
    if (it.cls !== 'bad' || it.initial.hard || it.initial.reason !== 'short-sentence' || !NEIGHBOUR_ONLY.has(it.reason) || !it.container) continue;
    const sibling = (j: number) => j >= 0 && j < items.length && items[j].cls === 'good' && items[j].container === it.container;
    if (sibling(i - 1) || sibling(i + 1)) set(it, 'good', 'sentence-beside-text');
  }

  // headings (and a title with its dateline between) directly before good text are kept
  const goodBefore = items.map((it) => it.cls === 'good');
  for (let i = items.length - 1; i >= 0; i--) {
    if (!goodBefore[i]) continue;
    let distance = 0;
    for (let j = i - 1; j >= 0; j--) {
      const it = items[j];
      if (it.cls === 'good') break;
      if (it.heading && !it.initial.hard) {
        set(it, 'good', 'heading-before-text');
        continue;
      }
      if (!it.skippable) break;
      distance += it.length;
      if (distance > maxDistance) break;
    }
  }
}

/**
 * Whether the next block after item `i` that is not short is a piece of
 * metadata a story signs off with (a byline with an address, a dateline:
 * hard-bad and skippable), rather than furniture. Asked of few items, so
 * `skippable` (which may cost a measurement) is read only for those.
 */
function signedOff(items: Item[]): (i: number) => boolean {
  const nextNotShort = new Int32Array(items.length);
  let next = -1;
  for (let i = items.length - 1; i >= 0; i--) {
    nextNotShort[i] = next;
    if (items[i].cls !== 'short') next = i;
  }
  return (i) => {
    const j = nextNotShort[i];
    return j >= 0 && items[j].cls === 'bad' && Boolean(items[j].initial.hard) && items[j].skippable;
  };
}

function set(it: Item, cls: Cls, reason: string): void {
  it.cls = cls;
  it.reason = reason;
}
