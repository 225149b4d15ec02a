/**
 * Reader comments in plain text. An HTML page says where its comments are
 * (`comment`, `disqus` in class and id names: context.ts), and the classifier
 * removes them there; a text dump has lost those names, and the comments read
 * as prose. What is left to know them by is their shape: a heading with a
 * count or an invitation ("38 comments", "Leave a Reply") and then comments
 * each signed with a name and a date ("by Ann on May 23, 2011 at 2:51 am",
 * "Nadia October 25, 2012 at 12:22 pm").
 *
 * A thread starts at the first comments heading (patterns.ts
 * COMMENTS_HEADING) that stands after `MIN_TEXT_BEFORE` of the text the
 * classifier kept, and that at least `MIN_SIGNATURES` short dated lines follow
 * within `SIGNATURE_WINDOW` blocks; everything after it that was kept goes
 * (what follows a thread is the site's footer). A heading with no signatures
 * after it is a link in a menu ("Comments", "Add a Comment" above the story).
 */
import type { Block } from '../record/doc.js';
import { REASON } from './reasons.js';
import { COMMENTS_HEADING, DATE_TIME } from './patterns.js';
import type { Cls } from './rules.js';
import type { Reason } from './reasons.js';

/** Share of the kept text that must stand before the heading: the article comes first (ours: dragnet text F1 0.773 at 0.2; a heading in the menu above a story is earlier). */
const MIN_TEXT_BEFORE = 0.2;
/** Dated signatures that must follow the heading, and within how many blocks (ours: two comments' signatures; a menu link has none). */
const MIN_SIGNATURES = 2;
const SIGNATURE_WINDOW = 30;
/** Longest line read as a signature (ours: a name, a date, a time and "Reply"; a comment's text is longer). */
const SIGNATURE_MAX_CHARS = 120;
/** Longest line read as a heading. */
const HEADING_MAX_CHARS = 120;

/** What this module reads and sets of a block (classify.ts's BlockItem). */
export interface ThreadItem {
  cls: Cls;
  reason: Reason;
  readonly length: number;
}

/** Mark the reader comments of a plain text `bad` (reason `comment-thread`); returns the block the thread starts at, or -1. */
export function dropCommentThread(items: ThreadItem[], blocks: readonly Block[], text: string): number {
  let total = 0;
  for (const it of items) if (it.cls === 'good') total += it.length;
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (before >= MIN_TEXT_BEFORE * total && b.end - b.start <= HEADING_MAX_CHARS && COMMENTS_HEADING.test(text.slice(b.start, b.end).trim()) && signed(blocks, text, i)) {
      for (let j = i; j < items.length; j++) {
        if (items[j].cls !== 'good') continue;
        items[j].cls = 'bad';
        items[j].reason = REASON.COMMENT_THREAD;
      }
      return i;
    }
    if (items[i].cls === 'good') before += items[i].length;
  }
  return -1;
}

/** Whether `MIN_SIGNATURES` short dated lines follow block `at` within `SIGNATURE_WINDOW` blocks. */
function signed(blocks: readonly Block[], text: string, at: number): boolean {
  let found = 0;
  for (let j = at + 1; j < blocks.length && j <= at + SIGNATURE_WINDOW; j++) {
    const b = blocks[j];
    if (b.end - b.start > SIGNATURE_MAX_CHARS) continue;
    DATE_TIME.lastIndex = 0;
    if (DATE_TIME.test(text.slice(b.start, b.end)) && ++found >= MIN_SIGNATURES) return true;
  }
  return false;
}
