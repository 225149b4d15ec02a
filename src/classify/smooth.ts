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
}

function neighbour(items: Item[], i: number, step: 1 | -1, ignoreNearGood: boolean): Cls {
  for (let j = i + step; j >= 0 && j < items.length; j += step) {
    const c = items[j].cls;
    if (c === 'good' || c === 'bad') return c;
    if (c === 'near-good' && !ignoreNearGood) return c;
  }
  return 'bad';
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
    const longest = Math.max(0, ...items.filter((it) => it.cls === 'near-good').map((it) => it.weight));
    for (const it of items) if (it.cls === 'near-good' && it.weight >= longest / 2) set(it, 'good', 'best-on-page');
    if (!items.some((it) => it.cls === 'good'))
      for (const it of items) if (it.initial.reason === 'no-sentence') set(it, 'good', 'best-on-page');
  }

  // headings shortly before good text become near-good
  for (let i = 0; i < items.length; i++)
    if (items[i].markedHeading && items[i].cls === 'short' && goodWithin(i)) set(items[i], 'near-good', 'heading-before-text');

  // short blocks: good between good, bad between bad, otherwise good only next to near-good
  const next = new Map<number, Cls>();
  for (let i = 0; i < items.length; i++) {
    if (items[i].cls !== 'short') continue;
    const prev = neighbour(items, i, -1, true);
    const after = neighbour(items, i, 1, true);
    if (prev === 'good' && after === 'good') next.set(i, 'good');
    else if (prev === 'bad' && after === 'bad') next.set(i, 'bad');
    else if ((prev === 'bad' && neighbour(items, i, -1, false) === 'near-good') || (after === 'bad' && neighbour(items, i, 1, false) === 'near-good'))
      next.set(i, 'good');
    else next.set(i, 'bad');
  }
  for (const [i, c] of next)
    set(items[i], c, c === 'good' ? 'short-between-good' : items[i].initial.reason === 'counter' ? 'counter' : 'short-near-bad');

  // near-good blocks: bad only when both neighbours are bad
  for (let i = 0; i < items.length; i++) {
    if (items[i].cls !== 'near-good') continue;
    const bad = neighbour(items, i, -1, true) === 'bad' && neighbour(items, i, 1, true) === 'bad';
    set(items[i], bad ? 'bad' : 'good', bad ? 'near-good-isolated' : items[i].reason === 'heading-before-text' ? items[i].reason : 'near-good-by-good');
  }

  // a page with nothing good at all keeps its complete short sentences
  if (!items.some((it) => it.cls === 'good'))
    for (const it of items) if (it.initial.reason === 'short-sentence') set(it, 'good', 'best-on-page');

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

function set(it: Item, cls: Cls, reason: string): void {
  it.cls = cls;
  it.reason = reason;
}
