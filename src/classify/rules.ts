/**
 * The context-free class of a block (jusText's first step), from its
 * features: `bad` (with `hard` when no neighbour can rescue it), `short`,
 * `near-good` or `good`, with the rule that decided it.
 */
import type { Limits } from './limits.js';
import type { Features } from './features.js';
import { LOW_DENSITY_MEANS_NOT_PROSE, type StopLang } from './stopwords.js';
import { REASON, contextReason, type Reason } from './reasons.js';

export type Cls = 'good' | 'near-good' | 'short' | 'bad';

export interface Verdict {
  cls: Cls;
  /** The rule that decided (reasons.ts). */
  reason: Reason;
  /** A bad verdict no context smoothing can overturn. */
  hard?: boolean;
}

/**
 * A verdict is read, never changed: one frozen object per rule, shared by
 * every block it decides. All of one shape (`hard` always set), so that the
 * code reading them sees one.
 */
const verdict = (cls: Cls, reason: Reason, hard?: true): Verdict => Object.freeze({ cls, reason, hard: hard ?? false });
const LINK_DENSITY = verdict('bad', REASON.LINK_DENSITY, true);
const EMPTY = verdict('bad', REASON.EMPTY, true);
const COPYRIGHT = verdict('bad', REASON.COPYRIGHT, true);
const CONTACT = verdict('bad', REASON.CONTACT, true);
const DATE = verdict('bad', REASON.DATE, true);
const COUNTER = verdict('short', REASON.COUNTER);
const SYMBOLS = verdict('bad', REASON.SYMBOLS, true);
const NUMBERS = verdict('bad', REASON.NUMBERS, true);
const SHORT_LINK = verdict('bad', REASON.SHORT_LINK);
const SHORT_SENTENCE = verdict('short', REASON.SHORT_SENTENCE);
const SHORT = verdict('short', REASON.SHORT);
const FEW_STOPWORDS = verdict('bad', REASON.FEW_STOPWORDS);
const NO_SENTENCE = verdict('bad', REASON.NO_SENTENCE);
const PROSE = verdict('good', REASON.PROSE);
const MEDIUM_PROSE = verdict('near-good', REASON.MEDIUM_PROSE);
/** `context(<evidence>)`, per evidence label (a few dozen: classify/context.ts). */
const CONTEXT = new Map<string, Verdict>();

/** The verdict on a block removed whole by an earlier stage. */
export const REMOVED_EARLIER = verdict('bad', REASON.REMOVED_EARLIER, true);

/** What the page's structure says about a block: furniture evidence, and whether it is inside the content region. */
export interface Placement {
  /** The label of the furniture evidence in its context (classify/context.ts), if any. */
  evidence: string | undefined;
  /** Inside the page's content region (extract/region.ts). */
  inside: boolean;
}

/** Evidence that marks reader comments: not the article's text even inside its region (Dragnet's gold leaves them out). */
const COMMENT_EVIDENCE = new Set(['name:comment', 'name:disqus', 'name:reply', 'name:replies']);

export function initialClass(f: Features, place: Placement, lang: StopLang | undefined, k: Limits): Verdict {
  // over both densities a block is links whatever it reads like: no need to read its features
  if (f.linkDensity > k.maxLinkDensity && f.linkDensity > k.maxProseLinkDensity) return LINK_DENSITY;
  const own = featureClass(f, lang, k);
  const { evidence } = place;
  // inside the content region, and for prose anywhere, links in running text are citations, not a menu
  const prose = own.cls === 'good' || own.cls === 'near-good' || place.inside;
  const linked = f.linkDensity > k.maxLinkDensity && !(prose && f.linkDensity <= k.maxProseLinkDensity);
  if (linked) return LINK_DENSITY;
  if (evidence === undefined) return own;
  // a class or id name is weak evidence: inside the content region it does not outweigh prose of the block's own
  if (place.inside && own.cls === 'good' && !COMMENT_EVIDENCE.has(evidence)) return own;
  let v = CONTEXT.get(evidence);
  if (!v) CONTEXT.set(evidence, (v = verdict('bad', contextReason(evidence), true)));
  return v;
}

/** The class of a block by its own features alone (jusText's context-free classification). */
export function featureClass(f: Features, lang: StopLang | undefined, k: Limits): Verdict {
  if (f.chars === 0) return EMPTY;
  if (f.copyright) return COPYRIGHT;
  if (f.contact) return CONTACT;
  if (f.date) return DATE;
  // a counter is only short text: "Part 2" may be a heading between paragraphs; neighbours decide
  if (f.counter) return COUNTER;
  if (f.letterShare < k.minLetterShare) return SYMBOLS;
  if (f.digitTokens >= 2 && f.digitTokenShare >= k.maxDigitTokenShare && f.sentenceEnds === 0) return NUMBERS;
  if (f.weight < k.lengthLow) {
    // jusText: a short block holding a link is navigation
    return f.linkDensity > 0 ? SHORT_LINK : f.endsAsSentence ? SHORT_SENTENCE : SHORT;
  }
  const prose = lang ? k.prose[lang] : 0;
  // the stopword density is read only where it decides (classify/features.ts counts it on first reading)
  // punctuation without function words is a keyword line ("Tags: AI. Meta."); only judged on enough tokens
  const stopPoor = lang !== undefined && LOW_DENSITY_MEANS_NOT_PROSE[lang] && f.stopDensity !== undefined && f.stopTokens >= 10 && f.stopDensity < prose * k.stopwordShare;
  if (stopPoor) return FEW_STOPWORDS;
  const punctuated = f.endsAsSentence || f.sentenceEnds > 0 || f.unpunctuatedScript;
  if (!punctuated) {
    const density = f.stopDensity;
    if (density === undefined || !(density >= prose)) return NO_SENTENCE;
  }
  return f.weight >= k.lengthHigh ? PROSE : MEDIUM_PROSE;
}
