/**
 * One colour per removal reason, shared by the chart, the legend and the
 * highlighted spans (Okabe–Ito palette: told apart with the common colour
 * vision deficiencies).
 */
import type { RemovalCode } from '../../record/codes.js';

export const REASON_COLOURS: Record<RemovalCode, string> = {
  'repeat-within-doc': '#E69F00',
  'boilerplate-corpus': '#56B4E9',
  'boilerplate-block': '#CC79A7',
  'repeat-across-docs': '#009E73',
};
/** What was kept, in the chart. */
export const KEPT_COLOUR = '#8a8a8a';
