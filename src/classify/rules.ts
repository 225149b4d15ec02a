/**
 * The context-free class of a block (jusText's first step), from its
 * features: `bad` (with `hard` when no neighbour can rescue it), `short`,
 * `near-good` or `good`, with the rule that decided it.
 */
import type { Thresholds } from '../thresholds.js';
import type { Features } from './features.js';
import { LOW_DENSITY_MEANS_NOT_PROSE, type StopLang } from './stopwords.js';

export type Cls = 'good' | 'near-good' | 'short' | 'bad';

export interface Verdict {
  cls: Cls;
  reason: string;
  /** A bad verdict no context smoothing can overturn. */
  hard?: boolean;
}

/** `evidence`: the label of the block's first piece of context evidence (classify/context.ts), if it has any. */
export function initialClass(f: Features, evidence: string | undefined, lang: StopLang | undefined, t: Thresholds): Verdict {
  const hard = (reason: string): Verdict => ({ cls: 'bad', reason, hard: true });
  if (f.linkDensity > t['classify.maxLinkDensity']) return hard('link-density');
  if (evidence !== undefined) return hard(`context(${evidence})`);
  if (f.chars === 0) return hard('empty');
  if (f.copyright) return hard('copyright');
  if (f.contact) return hard('contact');
  if (f.date) return hard('date');
  // a counter is only short text: "Part 2" may be a heading between paragraphs; neighbours decide
  if (f.counter) return { cls: 'short', reason: 'counter' };
  if (f.letterShare < t['classify.minLetterShare']) return hard('symbols');
  if (f.digitTokens >= 2 && f.digitTokenShare >= t['classify.maxDigitTokenShare'] && f.sentenceEnds === 0) return hard('numbers');
  if (f.weight < t['classify.lengthLow']) {
    // jusText: a short block holding a link is navigation
    return f.linkDensity > 0 ? { cls: 'bad', reason: 'short-link' } : { cls: 'short', reason: f.endsAsSentence ? 'short-sentence' : 'short' };
  }
  const prose = lang ? t[`classify.stopwords.${lang}`] : 0;
  // the stopword density is read only where it decides (classify/features.ts counts it on first reading)
  // punctuation without function words is a keyword line ("Tags: AI. Meta."); only judged on enough tokens
  const stopPoor = lang !== undefined && LOW_DENSITY_MEANS_NOT_PROSE[lang] && f.stopDensity !== undefined && f.stopTokens >= 10 && f.stopDensity < prose * t['classify.stopwordShare'];
  if (stopPoor) return { cls: 'bad', reason: 'few-stopwords' };
  const punctuated = f.endsAsSentence || f.sentenceEnds > 0 || f.unpunctuatedScript;
  const wordy = () => f.stopDensity !== undefined && f.stopDensity >= prose;
  if (!punctuated && !wordy()) return { cls: 'bad', reason: 'no-sentence' };
  return f.weight >= t['classify.lengthHigh'] ? { cls: 'good', reason: 'prose' } : { cls: 'near-good', reason: 'medium-prose' };
}
