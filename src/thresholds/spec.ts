/**
 * What a threshold is: a default with what it controls, where the default comes from, and the range it may be
 * set to. Each family of thresholds (this folder) declares its entries with `spec`.
 */

export interface ThresholdSpec {
  /** Default value. */
  value: number;
  /** What it controls, in one line. */
  doc: string;
  /** Where the default comes from. */
  source: string;
  /** Smallest and largest accepted value. */
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
}

export const spec = (value: number, doc: string, source: string, min: number, max: number, integer = false): ThresholdSpec => ({
  value,
  doc,
  source,
  min,
  max,
  integer,
});
