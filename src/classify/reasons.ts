/**
 * Every reason code the block classifier gives — its context-free rules
 * (rules.ts), context smoothing (smooth.ts), plain text's comment threads
 * (comments.ts) and the region cascade (cascade.ts) — with the line that says what it means. The code of the rule
 * that decided a block is its `label.reason`, the `detail` of its
 * `boilerplate-block` removal in the report and the second column of
 * `--explain`: part of the report format, so never rename one; add new ones.
 *
 * The code that gives or compares a reason names it here (`REASON.SHORT_SENTENCE`)
 * rather than spelling the string, so a reason cannot be given without a line
 * in this table (tests/stages/reasons.test.ts also checks every reason the
 * classifier gives on the fixtures).
 */

/** Each reason by the name the code uses for it: its code, and what it means. */
const TABLE = {
  // context-free rules (rules.ts), in the order they are tried
  LINK_DENSITY: ['link-density', 'more of its text sits inside links than text may: a menu, a list of related stories'],
  EMPTY: ['empty', 'no text at all'],
  COPYRIGHT: ['copyright', 'a copyright line'],
  CONTACT: ['contact', 'contact details: an e-mail or postal address, a telephone number, a bare web address'],
  DATE: ['date', 'a date or time line: a dateline, "Posted 2024-01-19 14:31"'],
  COUNTER: ['counter', 'a counter ("Comments (12)", "Like 3"): short text its neighbours decide on, bad between bad ones'],
  SYMBOLS: ['symbols', 'too few letters: symbols, punctuation and digits'],
  NUMBERS: ['numbers', 'mostly numbers, with no sentence end: figures, a list of scores'],
  SHORT_LINK: ['short-link', 'short and holding a link: navigation (jusText)'],
  SHORT_SENTENCE: ['short-sentence', 'short, ending as a sentence: its neighbours decide'],
  SHORT: ['short', 'short: its neighbours decide'],
  FEW_STOPWORDS: ['few-stopwords', 'long enough, but with too few of its language\'s function words: a keyword or tag line'],
  NO_SENTENCE: ['no-sentence', 'neither punctuated as sentences nor dense in function words: not running text'],
  PROSE: ['prose', 'long running text'],
  MEDIUM_PROSE: ['medium-prose', 'running text of medium length: kept unless both its neighbours are bad'],
  REMOVED_EARLIER: ['removed-earlier', 'removed whole by an earlier stage (corpus boilerplate): a bad neighbour to the rest'],
  // context smoothing (smooth.ts)
  SHORT_NEAR_BAD: ['short-near-bad', 'short, and its neighbours are bad'],
  SHORT_BETWEEN_GOOD: ['short-between-good', 'short, between good blocks (or next to medium text)'],
  SHORT_BEFORE_BYLINE: ['short-before-byline', 'the last short sentence of a story, before its byline or dateline'],
  NEAR_GOOD_ISOLATED: ['near-good-isolated', 'medium text with bad blocks on both sides'],
  NEAR_GOOD_BY_GOOD: ['near-good-by-good', 'medium text next to good text'],
  HEADING_BEFORE_TEXT: ['heading-before-text', 'a heading just before good text'],
  BEST_ON_PAGE: ['best-on-page', 'the best text of a page that has no good block: a page with prose never comes out empty'],
  INSIDE_ARTICLE: ['inside-article', 'inside an <article> that holds good text, and condemned only by its neighbours'],
  SENTENCE_BESIDE_TEXT: ['sentence-beside-text', 'a complete short sentence in the same container as the good text beside it'],
  // reader comments in plain text (comments.ts)
  COMMENT_THREAD: ['comment-thread', 'in a plain text\'s reader comments: after a comments heading ("38 comments", "Leave a Reply") that dated signatures follow'],
  // the region cascade (cascade.ts)
  HEADLINE: ['headline', 'the article\'s headline: the block the page\'s <title> names, or the headings just before the content region'],
  INSIDE_REGION: ['inside-region', 'inside the page\'s content region, with no evidence of its own against it'],
  OUTSIDE_REGION: ['outside-region', 'outside the page\'s content region, when the cascade kept the region'],
} as const satisfies Record<string, readonly [string, string]>;

type Table = typeof TABLE;

/** The reason codes by name: `REASON.NEAR_GOOD_ISOLATED` is `'near-good-isolated'`. */
export const REASON = Object.freeze(Object.fromEntries(Object.entries(TABLE).map(([name, [code]]) => [name, code]))) as {
  readonly [Name in keyof Table]: Table[Name][0];
};

/** The reason of a block an enclosing element condemns, by the label of its evidence (classify/context.ts: `tag:nav`, `name:comment`). */
export type ContextReason = `context(${string})`;

/** A reason code: one of the table's, or a `context(…)` reason. */
export type Reason = (typeof REASON)[keyof typeof REASON] | ContextReason;

/** What every `context(…)` reason means; the label in brackets names the evidence. */
const CONTEXT_MEANING = 'inside an element whose tag or class/id name marks page furniture (the label in brackets: context(tag:nav), context(name:comment))';

/** The reason for furniture evidence labelled `label`. */
export const contextReason = (label: string): ContextReason => `context(${label})`;

const MEANING = new Map<string, string>(Object.values(TABLE));

/** The line that says what `reason` means; undefined for a code this table does not list. */
export function describeReason(reason: string): string | undefined {
  if (reason.startsWith('context(') && reason.endsWith(')') && reason.length > 'context()'.length) return CONTEXT_MEANING;
  return MEANING.get(reason);
}
