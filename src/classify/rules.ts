/**
 * The context-free class of a block (jusText's first step), from its
 * features: `bad` (with `hard` when no neighbour can rescue it), `short`,
 * `near-good` or `good`, with the rule that decided it.
 */
import type { Limits } from './limits.js';
import type { Features } from './features.js';
import { LOW_DENSITY_MEANS_NOT_PROSE, type StopLang } from './stopwords.js';

export type Cls = 'good' | 'near-good' | 'short' | 'bad';

export interface Verdict {
  cls: Cls;
  reason: string;
  /** A bad verdict no context smoothing can overturn. */
  hard?: boolean;
}

const hard = (reason: string): Verdict => ({ cls: 'bad', reason, hard: true });

/** `evidence`: the label of the block's first piece of context evidence (classify/context.ts), if it has any. */
export function initialClass(f: Features, evidence: string | undefined, lang: StopLang | undefined, k: Limits): Verdict {
  if (f.linkDensity > k.maxLinkDensity) return hard('link-density');
  if (evidence !== undefined) return hard(`context(${evidence})`);
  if (f.chars === 0) return hard('empty');
  if (f.copyright) return hard('copyright');
  if (f.contact) return hard('contact');
  if (f.date) return hard('date');
  // a counter is only short text: "Part 2" may be a heading between paragraphs; neighbours decide
  if (f.counter) return { cls: 'short', reason: 'counter' };
  if (f.letterShare < k.minLetterShare) return hard('symbols');
  if (f.digitTokens >= 2 && f.digitTokenShare >= k.maxDigitTokenShare && f.sentenceEnds === 0) return hard('numbers');
  if (f.weight < k.lengthLow) {
    // jusText: a short block holding a link is navigation
    return f.linkDensity > 0 ? { cls: 'bad', reason: 'short-link' } : { cls: 'short', reason: f.endsAsSentence ? 'short-sentence' : 'short' };
  }
  const prose = lang ? k.prose[lang] : 0;
  // the stopword density is read only where it decides (classify/features.ts counts it on first reading)
  // punctuation without function words is a keyword line ("Tags: AI. Meta."); only judged on enough tokens
  const stopPoor = lang !== undefined && LOW_DENSITY_MEANS_NOT_PROSE[lang] && f.stopDensity !== undefined && f.stopTokens >= 10 && f.stopDensity < prose * k.stopwordShare;
  if (stopPoor) return { cls: 'bad', reason: 'few-stopwords' };
  const punctuated = f.endsAsSentence || f.sentenceEnds > 0 || f.unpunctuatedScript;
  const wordy = () => f.stopDensity !== undefined && f.stopDensity >= prose;
  if (!punctuated && !wordy()) return { cls: 'bad', reason: 'no-sentence' };
  return f.weight >= k.lengthHigh ? { cls: 'good', reason: 'prose' } : { cls: 'near-good', reason: 'medium-prose' };
}
