/**
 * Tag evidence for HTML blocks: ancestors such as nav, footer, aside, form,
 * and class/id names such as comment, related, share, footer, menu. Evidence
 * that encloses most of a page (a `with-sidebar` class on <body>, a form
 * around everything, as ASP.NET pages have) is a wrapper and is ignored for
 * that page — by its whole name, so `has-comments` on a wrapper does not
 * silence `comment` on the comments themselves.
 */
import { REGION_INSIDE, type Block, type BlockContext } from '../record/doc.js';

/** Ancestor tags that hold page furniture, not the article. */
const BAD_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu']);
/** Name stems that mark furniture wherever they appear in a class or id ("post-comments", "sharebar"). */
const BAD_STEMS = [
  'comment', 'footer', 'sidebar', 'breadcrumb', 'navbar', 'navigation', 'advert', 'cookie', 'newsletter', 'related',
  'share', 'sharing', 'social', 'sponsor', 'widget', 'pagination', 'copyright', 'menu', 'recommend', 'popular',
  'trending', 'subscribe', 'byline', 'toolbar', 'masthead', 'disqus', 'signup', 'login',
];
/** Words that mark furniture only as a whole word of a name ("nav", but not "canvas"). */
const BAD_WORDS = new Set(['nav', 'ad', 'ads', 'banner', 'promo', 'tags', 'tag', 'rss', 'print', 'pager', 'reply', 'replies', 'gnb', 'lnb', 'snb']);

/** One piece of furniture evidence: what it says (`tag:nav`, `name:comment`) and the tag or name that said it. */
export interface Evidence {
  label: string;
  /** The whole tag or class/id token (`has-comments`), by which wrappers are told apart. */
  key: string;
}

/** Evidence of each furniture tag, made once: evidence is read, never changed. */
const TAG_EVIDENCE = new Map([...BAD_TAGS].map((tag) => [tag, { label: `tag:${tag}`, key: `tag:${tag}` }]));
/** The furniture tags by length: most tags (div, p, span, li) have a length none of them has, the rest one or two to compare. */
const TAGS_BY_LENGTH: [string, Evidence][][] = [];
for (const [tag, e] of TAG_EVIDENCE) (TAGS_BY_LENGTH[tag.length] ??= []).push([tag, e]);

/** The evidence of an ancestor tag, if it is a furniture tag. */
function evidenceOfTag(tag: string): Evidence | undefined {
  const candidates = TAGS_BY_LENGTH[tag.length];
  if (candidates) for (const [t, e] of candidates) if (t === tag) return e;
  return undefined;
}

/** What each class/id name says (null: nothing), remembered: a site's templates repeat a few names on every page. */
const nameEvidence = new Map<string, Evidence | null>();
/** Names remembered at most; the memory is dropped whole when full (a corpus of generated ids never grows it without bound). */
const MAX_NAMES = 1 << 14;

/** Words a class or id has at most; more is a slug of a title (`sharing-with-a-single-developer`, a section anchor), not a name for furniture. */
const MAX_NAME_WORDS = 4;

function evidenceOfName(name: string): Evidence | null {
  let e = nameEvidence.get(name);
  if (e === undefined) {
    const words = name.split(/[^a-z0-9]+/);
    const stem = words.length > MAX_NAME_WORDS ? undefined : (BAD_STEMS.find((s) => name.includes(s)) ?? words.find((w) => BAD_WORDS.has(w)));
    e = stem ? { label: `name:${stem}`, key: `name:${name}` } : null;
    if (nameEvidence.size >= MAX_NAMES) nameEvidence.clear();
    nameEvidence.set(name, e);
  }
  return e;
}

const NONE: Evidence[] = [];

/** Name stems that say an element holds the text itself (after Readability's `positive`). */
const CONTENT_NAME = /article|content|entry|post|story|main|body/;

/**
 * The class/id tokens of one element that are evidence: where one token says
 * the element holds the text itself and says nothing else ("post" in `post
 * tag-guns type-post`, "entry-content"), the element's furniture-sounding
 * tokens are its taxonomy or layout, not furniture, and are dropped. A token
 * that says both ("comment-body") still counts.
 */
export function elementNames(names: string[]): string[] {
  if (names.length < 2) return names;
  let content = false;
  for (const n of names) if (CONTENT_NAME.test(n) && evidenceOfName(n) === null) content = true;
  return content ? names.filter((n) => evidenceOfName(n) === null) : names;
}

/** The furniture evidence in a block's context: ancestor tags and class/id names that match a stem or word. */
export function contextEvidence(ctx: BlockContext | undefined, fromTag = 0, fromName = 0): Evidence[] {
  if (!ctx) return NONE;
  let out = NONE;
  const { tags, names } = ctx;
  for (let i = fromTag; i < tags.length; i++) {
    const e = evidenceOfTag(tags[i]);
    if (e) (out === NONE ? (out = []) : out).push(e);
  }
  for (let i = fromName; i < names.length; i++) {
    const e = evidenceOfName(names[i]);
    if (e) (out === NONE ? (out = []) : out).push(e);
  }
  return out;
}

/**
 * Evidence that covers more than `share` of the page's characters: the page's
 * wrappers, not its furniture. On a page with a content region a wrapper also
 * encloses the region (most of its characters): a long comment thread can cover
 * most of a page, and it is still furniture.
 */
export function wrapperEvidence(evidence: Evidence[][], blocks: readonly Pick<Block, 'start' | 'end' | 'context'>[], share: number): Set<string> {
  let total = 0;
  let regionTotal = 0;
  for (const b of blocks) {
    total += b.end - b.start;
    if (b.context && (b.context.region & REGION_INSIDE) !== 0) regionTotal += b.end - b.start;
  }
  const covered = new Map<string, number>();
  const coveredInRegion = new Map<string, number>();
  for (let i = 0; i < evidence.length; i++) {
    const ev = evidence[i];
    const length = blocks[i].end - blocks[i].start;
    const ctx = blocks[i].context;
    const inside = ctx !== undefined && (ctx.region & REGION_INSIDE) !== 0;
    // each key once per block: the lists are a few entries long
    for (let k = 0; k < ev.length; k++) {
      const key = ev[k].key;
      let seen = false;
      for (let j = 0; j < k && !seen; j++) seen = ev[j].key === key;
      if (seen) continue;
      covered.set(key, (covered.get(key) ?? 0) + length);
      if (inside) coveredInRegion.set(key, (coveredInRegion.get(key) ?? 0) + length);
    }
  }
  const out = new Set<string>();
  for (const [e, n] of covered) {
    if (total === 0 || n / total <= share) continue;
    if (regionTotal > 0 && (coveredInRegion.get(e) ?? 0) / regionTotal <= WRAPPER_REGION_SHARE) continue;
    out.add(e);
  }
  return out;
}

/** Share of the region's characters a wrapper must enclose: most of them (ours: a wrapper holds the article). */
const WRAPPER_REGION_SHARE = 0.5;
