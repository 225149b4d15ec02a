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
 * COMMENTS_HEADING) that stands after `MIN_CHARS_BEFORE` of the text the
 * classifier kept, and that at least `MIN_SIGNATURES` short dated lines follow
 * within `SIGNATURE_WINDOW` blocks (the first within `FIRST_SIGNATURE_WITHIN`);
 * everything after it that was kept goes (what follows a thread is the site's
 * footer). A heading with no signatures
 * after it is a link in a menu ("Comments", "Add a Comment" above the story).
 */
import type { Block } from '../record/doc.js';
import { REASON, type Reason } from './reasons.js';
import { COMMENTS_HEADING, DATE_TIME } from './patterns.js';
import type { Cls } from './rules.js';

/**
 * Kept text (characters) that must stand before the heading: the article comes first. An amount, not a
 * share of the page: a thread of hundreds of comments outweighs any article (ours: dev set text track, dragnet F1
 * 0.773 with a fifth of the kept text, 0.795 with 300 characters; 100 to 800 give 0.791 to 0.795).
 */
const MIN_CHARS_BEFORE = 300;
/** Dated signatures that must follow the heading, and within how many blocks (ours: two comments' signatures; a menu link has none). */
const MIN_SIGNATURES = 2;
const SIGNATURE_WINDOW = 30;
/**
 * Blocks after the heading within which the first signature must stand: a thread's sort and sign-in lines and its
 * first comment come before it, and an "Add a Comment" link above a story has the story after it, and the dates of
 * related stories further down (ours: dev set text track, dragnet F1 0.789 at 6, 0.795 at 15 to 25).
 */
const FIRST_SIGNATURE_WITHIN = 20;
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
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (before >= MIN_CHARS_BEFORE && b.end - b.start <= HEADING_MAX_CHARS && COMMENTS_HEADING.test(text.slice(b.start, b.end).trim()) && signed(blocks, text, i)) {
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
    // the first comment starts right under the heading: its signature is among its first lines
    if (found === 0 && j > at + FIRST_SIGNATURE_WITHIN) return false;
    if (b.end - b.start > SIGNATURE_MAX_CHARS) continue;
    DATE_TIME.lastIndex = 0;
    if (DATE_TIME.test(text.slice(b.start, b.end)) && ++found >= MIN_SIGNATURES) return true;
  }
  return false;
}
