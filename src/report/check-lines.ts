/**
 * What `--check` and `--write` print: a line on stdout for each file that would change (or was cleaned in place)
 * saying why, a line for each duplicate, and the one-line summary on stderr. The modes hand over counts; the
 * wording is here, the sentences of the codes in record/codes.ts.
 */
import { describe, type Code } from '../record/codes.js';
import type { DocEntry, Totals } from './entries.js';

/** Characters removed, by removal code. */
export type RemovedChars = Partial<Record<Code, number>>;

/** `code N chars` for each removal reason, largest first. */
function removalReasons(removed: RemovedChars): string[] {
  return (Object.entries(removed) as [Code, number][]).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n} chars`);
}

/** A plain file's change: its size before and after, what was removed, and what else turned it into clean UTF-8 text. */
export interface FileChange {
  bytesBefore: number;
  bytesAfter: number;
  removed: RemovedChars;
  html: boolean;
  encoding?: string;
  encodingSource?: string;
}

/** `would change: …` or `cleaned in place: …` for a plain file. */
export function fileChangeLine(change: FileChange, written: boolean): string {
  const reasons = removalReasons(change.removed);
  if (change.html) reasons.push('HTML to text');
  const { encoding, encodingSource } = change;
  if (encoding && (encoding !== 'utf-8' || encodingSource === 'bom')) reasons.push(`${encodingSource === 'bom' ? `${encoding} with BOM` : encoding} to UTF-8`);
  if (reasons.length === 0) reasons.push('normalised (spaces, blank lines, Unicode)');
  return describe(written ? 'cleaned-in-place' : 'would-change', { reasons: [`${change.bytesBefore} → ${change.bytesAfter} bytes`, ...reasons].join(', ') });
}

/** `would change: …` or `cleaned in place: …` for a JSON Lines file: how many of its records changed, and what was removed. */
export function recordsChangeLine(change: { records: number; changed: number; removed: RemovedChars }, written: boolean): string {
  const reasons = [`${change.changed} of ${change.records} records`, ...removalReasons(change.removed)].join(', ');
  return describe(written ? 'cleaned-in-place' : 'would-change', { reasons });
}

/** What is said of a duplicate: the sentence of its finding, or that it was deleted. */
export function duplicateLine(entry: DocEntry, deleted: boolean): string {
  if (deleted) return describe('duplicate-deleted', { of: entry.duplicateOf ?? '?' });
  return entry.findings.find((f) => f.code.startsWith('duplicate-'))?.message ?? `is a duplicate of ${entry.duplicateOf ?? 'an earlier document'}`;
}

/** The summary on stderr: documents checked, and the files that would change or duplicate another (`--check`) or were cleaned in place (`--write`). */
export function checkSummaryLine(totals: Totals, write: boolean, changed: number): string {
  const t = totals;
  const summary = write
    ? `clean-corpus: ${t.documents} document${t.documents === 1 ? '' : 's'} checked, ${changed} file${changed === 1 ? '' : 's'} cleaned in place`
    : `clean-corpus: ${t.documents} document${t.documents === 1 ? '' : 's'} checked, ${changed} would change or duplicate another`;
  return summary + (t.duplicate ? `, ${t.duplicate} duplicate` : '') + (t.error ? `, ${t.error} failed` : '') + '\n';
}
