/**
 * classify: judge every block that is left — main text or boilerplate — from
 * its own features (classify/features.ts, classify/rules.ts), the HTML tag
 * context (classify/context.ts) and its neighbours (classify/smooth.ts).
 * Sets `block.label`; removes bad blocks as `boilerplate-block` with the
 * deciding rule in `detail`. Blocks already removed whole by an earlier stage
 * (corpus boilerplate) count as bad neighbours.
 */
import { REGION_INSIDE, regionOf, removeSpan, type Block, type Doc } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { contextEvidence, wrapperEvidence, type Evidence } from '../classify/context.js';
import { coreFeatures, features, mentionsContact, type BlockFeatures, type CoreFeatures, type Features } from '../classify/features.js';
import { REMOVED_EARLIER, featureClass, initialClass, type Cls, type Verdict } from '../classify/rules.js';
import { cascade } from '../classify/cascade.js';
import { REASON, contextReason, type Reason } from '../classify/reasons.js';
import { dropCommentThread } from '../classify/comments.js';
import { smooth, type Item } from '../classify/smooth.js';
import { EN_MIN_DENSITY, EnglishSample, scriptLang } from '../classify/language.js';
import { limitsOf, type Limits } from '../classify/limits.js';
import { LOW_DENSITY_MEANS_NOT_PROSE, stopList } from '../classify/stopwords.js';
import { openUnits, type Units } from '../kit/code-units.js';

/** Hard-bad reasons that are page metadata, which may stand between a title and its text. */
const META = new Set<Reason>([REASON.DATE, REASON.NUMBERS, REASON.SYMBOLS, REASON.CONTACT, REASON.EMPTY]);
/** The reason of a byline, which may stand between a headline and its story. */
const BYLINE = contextReason('name:byline');

export function classify(doc: Doc, t: Thresholds): void {
  const { text, blocks } = doc;
  if (blocks.length === 0) return;
  const k = limitsOf(t);
  // The stoplist language: scripts decide, but for Latin text, which is English only if English stopwords are
  // common enough in its first LANG_SAMPLE characters — counted while its blocks are measured with the
  // English list, so that the text is read once (classify/language.ts EnglishSample). Where a low density
  // tells against a block, most blocks are judged on it and their stopwords are counted while they are
  // measured; elsewhere only when a rule reads them.
  const units = openUnits(text);
  const byScript = scriptLang(units);
  const early = byScript === 'latin' ? stopList('en') : byScript && LOW_DENSITY_MEANS_NOT_PROSE[byScript] ? stopList(byScript) : undefined;
  const sample = byScript === 'latin' ? new EnglishSample(units) : undefined;
  const gone = removedWhole(doc);
  // The arrays of this function are filled with push, not made with `map`: `map` gives a packed array until
  // V8 optimises the caller and a holey one after, and that change of shape sends the code reading them
  // (smoothing, every pass of it) back to be optimised again.
  // A block removed whole is bad whatever its features: it is measured only if smoothing asks (BlockItem), but
  // for the English sample, which reads all the text.
  const measured: (BlockFeatures | undefined)[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const f = gone[i] ? undefined : features(units, b, early, k);
    sample?.add(b.start, b.end, f);
    measured.push(f);
  }
  const lang = byScript !== 'latin' ? byScript : sample!.density() >= EN_MIN_DENSITY ? 'en' : undefined;
  const list = lang && stopList(lang);

  // wrappers are told by all of a page's evidence; inside the content region a block is judged on the evidence of
  // the elements within the region only
  const all = evidenceOf(blocks);
  const wrappers = wrapperEvidence(all, blocks, t['classify.wrapperShare']);
  const evidence = doc.region ? evidenceOf(blocks, all) : all;
  const items: BlockItem[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const f = measured[i];
    if (!f) {
      items.push(new BlockItem(REMOVED_EARLIER, b, false, false, undefined, units, k));
      continue;
    }
    f.setLanguage(list);
    const inside = b.context !== undefined && (b.context.region & REGION_INSIDE) !== 0;
    const initial = initialClass(f, { evidence: firstEvidence(evidence[i], wrappers), inside }, lang, k);
    items.push(new BlockItem(initial, b, !initial.hard && isHeading(f, text, b, k), !initial.hard && f.htmlHeading, f, units, k));
  }
  smooth(items, t);
  // plain text has no element names to tell its reader comments by: their shape does (classify/comments.ts)
  if (doc.format === 'text') dropCommentThread(items, blocks, text);
  if (doc.region) {
    const choice = cascade(items, blocks, t['classify.regionMinShare'], (i) => {
      const f = measured[i];
      if (!f) return false;
      const own = featureClass(f, lang, k).cls;
      return own === 'good' || own === 'near-good';
    }, titleMatcher(doc, t['classify.headlineMinChars']));
    doc.region = { ...doc.region, reading: choice.reading, regionKept: choice.regionChars, pageKept: choice.pageChars };
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const it = items[i];
    b.label = labelOf(it.cls === 'good' ? 'good' : 'bad', it.reason);
    if (it.cls !== 'good' && it.initial !== REMOVED_EARLIER) removeSpan(doc, 'boilerplate-block', b.start, b.end, it.reason);
  }
}

/** The words of `s`: letters and digits, lower-cased. */
function titleWords(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Whether block `i` is the headline the page's `<title>` names: nearly all its
 * words are the title's, and they are most of the title ("North pier to be
 * rebuilt | The Ledger" names "North pier to be rebuilt", and "North pier to be
 * rebuilt 12" with its comment count).
 */
function titleMatcher(doc: Doc, minChars: number): (i: number) => boolean {
  const title = new Set(titleWords(doc.region?.title ?? ''));
  if (title.size < 2) return () => false;
  return (i) => {
    const b = doc.blocks[i];
    if (b.end - b.start < minChars || b.end - b.start > 4 * (doc.region?.title.length ?? 0)) return false;
    const words = titleWords(doc.text.slice(b.start, b.end));
    if (words.length < 2 || words.length < HEADLINE_TITLE_SHARE * title.size) return false;
    let inTitle = 0;
    for (const w of words) if (title.has(w)) inTitle++;
    return inTitle >= HEADLINE_WORD_SHARE * words.length;
  };
}

/** A headline's words that must be the title's (a comment count or a dateline may be run in), and the share of the title's words it must hold (the rest: the site's name). Ours: the gold's first line is in the output of 504 -> 827 of 1,378 dragnet pages. */
const HEADLINE_WORD_SHARE = 0.8;
const HEADLINE_TITLE_SHARE = 0.5;

type BlockLabel = NonNullable<Block['label']>;
/** Labels made so far, by class and reason (a few dozen reasons): read, never changed, so shared by every block they fit. */
const LABELS = { good: new Map<Reason, BlockLabel>(), bad: new Map<Reason, BlockLabel>() };

function labelOf(cls: 'good' | 'bad', reason: Reason): BlockLabel {
  const made = LABELS[cls];
  let label = made.get(reason);
  if (!label) made.set(reason, (label = { cls, reason }));
  return label;
}

/** The label of the first piece of evidence that is not the page's wrapper, if any. */
function firstEvidence(evidence: Evidence[], wrappers: Set<string>): string | undefined {
  for (const e of evidence) if (!wrappers.has(e.key)) return e.label;
  return undefined;
}

/**
 * A block as smoothing sees it (see `Item`). One class for every block, so
 * that smoothing's many passes read one shape. What smoothing seldom reads is
 * worked out on first use: the container (one rule compares it), whether the
 * block may stand between a title and its text (asked of the blocks around a
 * heading or a byline) and, for a block an earlier stage removed whole (bad
 * whatever its features; a third of a templated site's blocks), any
 * measurement at all.
 */
class BlockItem implements Item {
  cls: Cls;
  reason: Reason;
  readonly length: number;
  readonly inArticle: boolean;
  private name: string | undefined;
  private mayStandBetween: boolean | undefined;
  private core: CoreFeatures | undefined;

  /** `features`: none for a block removed whole; `units`: the document's text, read only while it is classified. */
  constructor(
    readonly initial: Verdict,
    private readonly block: Block,
    readonly heading: boolean,
    readonly markedHeading: boolean,
    private readonly features: BlockFeatures | undefined,
    private readonly units: Units,
    private readonly k: Limits,
  ) {
    this.cls = initial.cls;
    this.reason = initial.reason;
    this.length = block.end - block.start;
    this.inArticle = (features && block.context?.tags.includes('article')) ?? false;
  }

  get weight(): number {
    return this.features ? this.features.weight : this.measured().weight;
  }

  /** Its enclosing elements and their class/id names. */
  get container(): string {
    const ctx = this.features && this.block.context;
    return (this.name ??= ctx ? `${ctx.tags.join('/')}#${ctx.names.join('.')}` : '');
  }

  get skippable(): boolean {
    if (this.mayStandBetween === undefined) {
      const { features, initial, k } = this;
      if (features) this.mayStandBetween = skippable(features, initial, k);
      else {
        const c = this.measured();
        // a byline with an address that the corpus stage removed still signs a story off (see smooth.ts)
        this.mayStandBetween = skippable(c, initial, k) || (c.chars <= k.metaMaxChars && mentionsContact(this.units.text.slice(this.block.start, this.block.end)));
      }
    }
    return this.mayStandBetween;
  }

  private measured(): CoreFeatures {
    return (this.core ??= coreFeatures(this.units, this.block.start, this.block.end, this.k));
  }
}

/**
 * The context evidence of every block. Blocks under the same elements share
 * their ancestor lists (extract/blocks.ts), so the evidence is worked out once
 * per run of such blocks; it is read, never changed. Given `all` (the page's
 * evidence, as this gives it without), the evidence of the blocks inside the
 * content region is that of the elements within the region only.
 */
function evidenceOf(blocks: Block[], all?: Evidence[][]): Evidence[][] {
  let tags: string[] | undefined;
  let names: string[] | undefined;
  let region = -1;
  let last: Evidence[] = [];
  const out: Evidence[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const ctx = blocks[i].context;
    if (!ctx) out.push(contextEvidence(ctx));
    // (given the page's evidence, a block outside the region has its own already)
    else if (all && (ctx.region & REGION_INSIDE) === 0) out.push(all[i]);
    else {
      if (ctx.tags !== tags || ctx.names !== names || ctx.region !== region) {
        tags = ctx.tags;
        names = ctx.names;
        region = ctx.region;
        // inside the content region, the region's own container and the elements around it are the page's
        // layout ("content-sidebar-wrap", "tag-guns" on the article): only elements inside it say furniture
        const m = regionOf(region);
        last = all ? contextEvidence(ctx, m.outerTags, m.outerNames) : contextEvidence(ctx);
      }
      out.push(last);
    }
  }
  return out;
}

/** What may stand between a title and its text: a label, a counter, a dateline or a byline with a date. */
function skippable(f: CoreFeatures, initial: Verdict, k: Limits): boolean {
  return (
    f.chars < k.headingMinChars ||
    f.counter ||
    (f.mentionsDate && f.chars <= k.metaMaxChars) ||
    (Boolean(initial.hard) && META.has(initial.reason)) ||
    // "By Jane Smith, Weather Correspondent" between a headline and its story
    (initial.reason === BYLINE && f.chars <= k.metaMaxChars)
  );
}

/** For each block, whether earlier stages removed all of it (1; one pass over the sorted removals). */
function removedWhole(doc: Doc): Uint8Array {
  const { blocks, removed } = doc;
  const out = new Uint8Array(blocks.length);
  let r = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    while (r < removed.length && removed[r].end <= b.start) r++;
    let cursor = b.start;
    for (let k = r; k < removed.length && removed[k].start <= cursor && cursor < b.end; k++) cursor = Math.max(cursor, removed[k].end);
    out[i] = cursor >= b.end ? 1 : 0;
  }
  return out;
}

/** An HTML heading, or a title-like line: long enough, unpunctuated, letters, not a list item or a menu. */
function isHeading(f: Features, text: string, b: Block, k: Limits): boolean {
  if (f.htmlHeading) return true;
  // the patterns last: they run on first reading
  if (f.listItem || f.linkDensity > 0 || f.counter || f.separators >= 2) return false;
  return (
    b.end - b.start >= k.headingMinChars &&
    f.weight < k.lengthHigh &&
    !f.endsAsSentence &&
    !endsWithColon(text, b) && // "Search for:", "You will need:" introduce, they do not title
    f.letterShare >= k.minLetterShare &&
    b.kind !== 'table-row'
  );
}

/** `/[:：]$/u` on the block's text. */
function endsWithColon(text: string, b: Block): boolean {
  const c = b.end > b.start ? text.charCodeAt(b.end - 1) : -1;
  return c === 0x3a || c === 0xff1a;
}
