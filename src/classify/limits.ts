/**
 * The classifier's thresholds as plain fields, read once per document.
 * `Thresholds` is keyed by dotted names, which V8 keeps as a dictionary:
 * reading one costs a hash lookup, and the classifier read a dozen per block.
 */
import type { Thresholds } from '../thresholds.js';
import { scanWeights, type Weights } from './scan.js';
import type { StopLang } from './stopwords.js';

export interface Limits {
  /** The thresholds themselves, for what is read rarely. */
  readonly t: Thresholds;
  /** What a character weighs by script (classify/scan.ts). */
  readonly weights: Weights;
  readonly lengthLow: number;
  readonly lengthHigh: number;
  readonly metaMaxChars: number;
  readonly headingMinChars: number;
  readonly maxLinkDensity: number;
  readonly maxProseLinkDensity: number;
  readonly minLetterShare: number;
  readonly maxDigitTokenShare: number;
  readonly stopwordShare: number;
  /** `classify.stopwords.<lang>`: the stopword density of prose. */
  readonly prose: Readonly<Record<StopLang, number>>;
}

export function limitsOf(t: Thresholds): Limits {
  return {
    t,
    weights: scanWeights(t),
    lengthLow: t['classify.lengthLow'],
    lengthHigh: t['classify.lengthHigh'],
    metaMaxChars: t['classify.metaMaxChars'],
    headingMinChars: t['classify.headingMinChars'],
    maxLinkDensity: t['classify.maxLinkDensity'],
    maxProseLinkDensity: t['classify.maxProseLinkDensity'],
    minLetterShare: t['classify.minLetterShare'],
    maxDigitTokenShare: t['classify.maxDigitTokenShare'],
    stopwordShare: t['classify.stopwordShare'],
    prose: { en: t['classify.stopwords.en'], ko: t['classify.stopwords.ko'], ja: t['classify.stopwords.ja'], zh: t['classify.stopwords.zh'] },
  };
}
