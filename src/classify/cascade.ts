/**
 * The extraction cascade for an HTML page with a content region
 * (extract/region.ts): two readings of the page, and the better one kept.
 *
 * - The **region reading**: every block inside the region that no evidence of
 *   its own condemns (links, a date line, a counter, a copyright line, an
 *   inner element named as furniture: the `hard` verdicts) is text; the rest
 *   of the page is not. Short lines, list items and captions of the article
 *   are kept because they stand inside it, not because of their neighbours.
 * - The **page reading**: the block classifier over the whole page, as for
 *   plain text (jusText's features and smoothing).
 *
 * The region reading is kept unless it holds less than `regionMinShare` of
 * what the page reading keeps — the region then missed the article (a page
 * of several stories, a region that is a sidebar) — or nothing at all. Like
 * trafilatura, which falls back on other extractors when its own result is
 * short against theirs, we compare lengths, not scores. A headline (`<h1>`)
 * just before the region, which the region's container often leaves out, is
 * kept with it. Finally, a page left with no text that holds a block of prose
 * keeps its prose: a page never comes out empty for want of a container.
 */
import { regionOf, type Block } from '../doc.js';
import type { Cls, Verdict } from './rules.js';

/** What the cascade reads and sets of a block (classify.ts's BlockItem). */
export interface CascadeItem {
  cls: Cls;
  reason: string;
  readonly initial: Verdict;
  readonly length: number;
  readonly markedHeading: boolean;
}

/** How the cascade read a page, for `--explain`. */
export interface CascadeChoice {
  /** The reading kept. */
  reading: 'region' | 'page';
  /** Characters each reading keeps. */
  regionChars: number;
  pageChars: number;
}

/** Blocks looked at before the region's first block for its headline. */
const HEADLINE_LOOKBACK = 6;

/**
 * Choose between the region reading and the page reading (see the module
 * comment), setting the items' classes. `items` have been smoothed over the
 * whole page (the page reading); `prose(i)` says whether block `i` is prose
 * by its own features, whatever evidence says.
 */
export function cascade(items: CascadeItem[], blocks: readonly Block[], minShare: number, prose: (i: number) => boolean): CascadeChoice {
  let regionChars = 0;
  let pageChars = 0;
  let first = -1;
  // the region's first block that is text by its own features, not only by where it stands
  let solidFrom = -1;
  const inside = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const ctx = blocks[i].context;
    if (ctx && regionOf(ctx.region).inside) {
      inside[i] = 1;
      if (first < 0) first = i;
      if (keptInside(it)) {
        regionChars += it.length;
        if (solidFrom < 0 && it.initial.cls !== 'short') solidFrom = i;
      }
    }
    if (it.cls === 'good') pageChars += it.length;
  }
  const choice: CascadeChoice = { reading: 'page', regionChars, pageChars };
  // a region of short lines alone (a table of labels, a gallery) is no article
  if (solidFrom >= 0 && regionChars >= minShare * pageChars) {
    choice.reading = 'region';
    const head = headline(items, first);
    // short lines that are not sentences before the region's first longer block (an agency tag, a kicker) are judged by their neighbours,
    // as the page reading judged them: cleaned again as text, the output would lose them then. (Short lines after
    // the last one are kept: a closing sentence or sign-off is the article's; measured, dragnet F1 0.898 vs 0.896.)
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (i >= head && i < first) {
        if (it.cls === 'good') it.reason = 'headline';
      } else if (inside[i] && it.initial.reason === 'short' && i < solidFrom) {
        // as the page reading left it
      } else if (inside[i] && keptInside(it)) {
        if (it.cls !== 'good') set(it, 'good', 'inside-region');
      } else if (it.cls === 'good') set(it, 'bad', 'outside-region');
    }
  }
  if (!items.some((it) => it.cls === 'good')) for (let i = 0; i < items.length; i++) if (prose(i)) set(items[i], 'good', 'best-on-page');
  return choice;
}

/**
 * Soft verdicts that still keep a block out of the region reading: a counter
 * ("Comments (12)") is furniture wherever it stands. (A short link is not: inside
 * the article it is a list of sources or a linked sub-heading; measured, dev set
 * html F1 dragnet 0.903 -> 0.907, readability 0.841 -> 0.842.)
 */
const OUT_EVEN_INSIDE = new Set(['counter']);

function keptInside(it: CascadeItem): boolean {
  return !it.initial.hard && !OUT_EVEN_INSIDE.has(it.initial.reason);
}

/**
 * Where the article's headline starts, when the region's container left it
 * out: the run of blocks just before the region that the page reading kept as
 * headings (a title and its subtitle, a dateline between), or the page's
 * marked heading there. `first` when there is none.
 */
function headline(items: CascadeItem[], first: number): number {
  let start = first;
  for (let i = first - 1; i >= 0 && i >= first - HEADLINE_LOOKBACK; i--) {
    const it = items[i];
    if (it.initial.hard) continue;
    if (it.cls === 'good' && it.reason === 'heading-before-text') start = i;
    else if (it.markedHeading && start === first) {
      set(it, 'good', 'headline');
      return i;
    } else break;
  }
  return start;
}

function set(it: CascadeItem, cls: Cls, reason: string): void {
  it.cls = cls;
  it.reason = reason;
}
