/**
 * Tag evidence for HTML blocks: ancestors such as nav, footer, aside, form,
 * and class/id names such as comment, related, share, footer, menu. Evidence
 * that encloses most of a page (a `with-sidebar` class on <body>, a form
 * around everything) is a wrapper and is ignored for that page.
 */
import type { BlockContext } from '../doc.js';

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

/** The furniture evidence in a block's context: tag names and matched name stems, e.g. `tag:nav`, `name:comment`. */
export function contextEvidence(ctx: BlockContext | undefined): string[] {
  if (!ctx) return [];
  const out: string[] = [];
  for (const tag of ctx.tags) if (BAD_TAGS.has(tag)) out.push(`tag:${tag}`);
  for (const name of ctx.names) {
    const stem = BAD_STEMS.find((s) => name.includes(s));
    if (stem) {
      out.push(`name:${stem}`);
      continue;
    }
    const word = name.split(/[^a-z0-9]+/).find((w) => BAD_WORDS.has(w));
    if (word) out.push(`name:${word}`);
  }
  return out;
}

/**
 * Evidence that covers more than `share` of the page's characters: the page's
 * wrappers, not its furniture.
 */
export function wrapperEvidence(evidence: string[][], lengths: number[], share: number): Set<string> {
  const total = lengths.reduce((a, b) => a + b, 0);
  const covered = new Map<string, number>();
  evidence.forEach((ev, i) => {
    for (const e of new Set(ev)) covered.set(e, (covered.get(e) ?? 0) + lengths[i]);
  });
  const out = new Set<string>();
  for (const [e, n] of covered) if (total > 0 && n / total > share) out.add(e);
  return out;
}
