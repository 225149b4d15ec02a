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
 * of several stories, a region that is a sidebar) — or nothing at all; when
 * what the page reading adds is scattered single paragraphs (other stories'
 * summaries), a smaller share does (`TEASER_MIN_SHARE`). Like
 * trafilatura, which falls back on other extractors when its own result is
 * short against theirs, we compare lengths, not scores. The article's
 * headline, which the region's container often leaves out (or holds as a link
 * to its own page), is kept with it: the block the page's `<title>` names, or
 * the headings just before the region. Finally, a page left with no text that holds a block of prose
 * keeps its prose: a page never comes out empty for want of a container.
 */
import { REGION_INSIDE, type Block } from '../record/doc.js';
import type { Cls, Verdict } from './rules.js';
import { REASON, type Reason } from './reasons.js';

/** What the cascade reads and sets of a block (classify.ts's BlockItem). */
export interface CascadeItem {
  cls: Cls;
  reason: Reason;
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

/** Blocks looked at before the region's first block for its headline: a run of headings and datelines. */
const HEADLINE_LOOKBACK = 6;
/** Blocks looked at before the region's first block for the one the page's title names (bylines, share bars, captions stand between). */
const TITLE_LOOKBACK = 30;

/**
 * Choose between the region reading and the page reading (see the module
 * comment), setting the items' classes. `items` have been smoothed over the
 * whole page (the page reading); `prose(i)` says whether block `i` is prose
 * by its own features, whatever evidence says.
 */
export function cascade(items: CascadeItem[], blocks: readonly Block[], minShare: number, prose: (i: number) => boolean, isTitle: (i: number) => boolean): CascadeChoice {
  let regionChars = 0;
  let pageChars = 0;
  let first = -1;
  // the region's first block that is text by its own features, not only by where it stands
  let solidFrom = -1;
  const inside = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const ctx = blocks[i].context;
    if (ctx && (ctx.region & REGION_INSIDE) !== 0) {
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
  if (solidFrom >= 0 && regionChars >= (scattered(items, inside) ? TEASER_MIN_SHARE : minShare) * pageChars) {
    choice.reading = 'region';
    const head = headline(items, first, solidFrom, isTitle);
    // short lines that are not sentences before the region's first block of text (an agency tag, a kicker) stay as
    // the page reading judged them by their neighbours: cleaned again as text, the output would lose them then.
    // (Short lines after its last block are kept: a closing line or sign-off is the article's; dragnet F1 0.898
    // against 0.896 when they too were judged by their neighbours.)
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.reason === REASON.HEADLINE) continue;
      if (i >= head && i < first) {
        if (it.cls === 'good' && it.reason === REASON.HEADING_BEFORE_TEXT) it.reason = REASON.HEADLINE;
        else if (it.cls === 'good') set(it, 'bad', REASON.OUTSIDE_REGION);
      } else if (inside[i] && it.initial.reason === REASON.SHORT && i < solidFrom) {
        // as the page reading left it
      } else if (inside[i] && keptInside(it)) {
        if (it.cls !== 'good') set(it, 'good', REASON.INSIDE_REGION);
      } else if (it.cls === 'good') set(it, 'bad', REASON.OUTSIDE_REGION);
    }
  }
  if (!items.some((it) => it.cls === 'good')) for (let i = 0; i < items.length; i++) if (prose(i)) set(items[i], 'good', REASON.BEST_ON_PAGE);
  return choice;
}

/**
 * What the page reading keeps outside the region is scattered when it stands
 * in at least `SCATTERED_MIN_RUNS` separate runs, nearly all of one block: a
 * stream of other stories' summaries, each after its linked headline, not a
 * second body of text. The region then needs only `TEASER_MIN_SHARE` of the
 * page reading's text. Ours: on the dev set's HTML the pages where the region
 * held 40–60% of the page reading and the rest was scattered so are 5
 * (dragnet 4, readability 1), and the region reading is the better one on all
 * five (F1 +0.14 to +0.40 each); no cleaneval page is in that range.
 */
const SCATTERED_MIN_RUNS = 4;
const SCATTERED_SINGLE_SHARE = 0.75;
const TEASER_MIN_SHARE = 0.4;

function scattered(items: CascadeItem[], inside: Uint8Array): boolean {
  let runs = 0;
  let single = 0;
  for (let i = 0; i < items.length; ) {
    if (inside[i] || items[i].cls !== 'good') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < items.length && !inside[j] && items[j].cls === 'good') j++;
    runs++;
    if (j - i === 1) single++;
    i = j;
  }
  return runs >= SCATTERED_MIN_RUNS && single >= SCATTERED_SINGLE_SHARE * runs;
}

/**
 * Soft verdicts that still keep a block out of the region reading: a counter
 * ("Comments (12)") is furniture wherever it stands. (A short link is not: inside
 * the article it is a list of sources or a linked sub-heading; measured, dev set
 * html F1 dragnet 0.903 -> 0.907, readability 0.841 -> 0.842.)
 */
const OUT_EVEN_INSIDE = new Set<Reason>([REASON.COUNTER]);

function keptInside(it: CascadeItem): boolean {
  return !it.initial.hard && !OUT_EVEN_INSIDE.has(it.initial.reason);
}

/**
 * Where the article's headline starts, when the region's container left it
 * out (set `good`, reason `headline`): the nearest block before the region's
 * first block of text that the page's `<title>` names — even one the page reading condemned (a
 * headline that links to its own page) — or else the run of blocks just
 * before the region that the page reading kept as headings (a title and its
 * subtitle, a dateline between), or the page's marked heading there. `first`
 * when there is none.
 */
function headline(items: CascadeItem[], first: number, solidFrom: number, isTitle: (i: number) => boolean): number {
  // the title's block may stand inside the region too, above its text (with a link to its own page)
  for (let i = solidFrom - 1; i >= 0 && i >= solidFrom - TITLE_LOOKBACK; i--) {
    if (items[i].initial.reason !== REASON.REMOVED_EARLIER && isTitle(i)) {
      set(items[i], 'good', REASON.HEADLINE);
      return Math.min(i, first);
    }
  }
  let start = first;
  for (let i = first - 1; i >= 0 && i >= first - HEADLINE_LOOKBACK; i--) {
    const it = items[i];
    if (it.initial.hard) continue;
    if (it.cls === 'good' && it.reason === REASON.HEADING_BEFORE_TEXT) start = i;
    else if (it.markedHeading && start === first) {
      set(it, 'good', REASON.HEADLINE);
      return i;
    } else break;
  }
  return start;
}

function set(it: CascadeItem, cls: Cls, reason: Reason): void {
  it.cls = cls;
  it.reason = reason;
}
