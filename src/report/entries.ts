/**
 * The report's entries: one per input, whatever happened to it, with every
 * removed span (reason code, offsets into the decoded and normalised text, and
 * the text itself) and every finding, and the run's totals. They become the
 * lines of documents.jsonl and the totals of report.json (io/report-files.ts).
 */
import { describe, type Code } from '../record/codes.js';
import type { Doc, DocStatus } from '../record/doc.js';

/** Removed text longer than this is cut in the report (its offsets still give the whole span). */
const MAX_REMOVED_TEXT = 2000;

export interface RemovedEntry {
  code: Code;
  start: number;
  end: number;
  text: string;
  truncated?: true;
  detail?: string;
}

export interface FindingEntry {
  code: Code;
  severity: 'error' | 'warning' | 'info';
  stage: string;
  message: string;
  args?: Record<string, string | number>;
  start?: number;
  end?: number;
}

export interface DocEntry {
  input: string;
  line?: number;
  id?: string;
  output: string | null;
  status: DocStatus;
  format: Doc['format'];
  encoding: string | null;
  encodingSource: string | null;
  bytesIn: number;
  charsIn: number;
  charsOut: number;
  duplicateOf?: string;
  similarity?: number;
  cluster?: number;
  removed: RemovedEntry[];
  findings: FindingEntry[];
  /** The most serious finding, in words; absent when there is nothing to say. */
  message?: string;
}

export interface Totals {
  documents: number;
  kept: number;
  duplicate: number;
  skipped: number;
  error: number;
  bytesIn: number;
  charsIn: number;
  charsOut: number;
  /** Characters removed, by reason code. */
  removedChars: Partial<Record<Code, number>>;
  /** Documents with each finding code. */
  findings: Partial<Record<Code, number>>;
}

export function emptyTotals(): Totals {
  return { documents: 0, kept: 0, duplicate: 0, skipped: 0, error: 0, bytesIn: 0, charsIn: 0, charsOut: 0, removedChars: {}, findings: {} };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The report entry for a finished document. `output` is the written path, or null if nothing was written. */
export function docEntry(doc: Doc, output: string | null): DocEntry {
  // optional keys are assigned, not spread in, and in the order JSON.stringify must meet them: building an entry
  // is on the main thread for every document
  const findings: FindingEntry[] = new Array(doc.findings.length);
  let worst: FindingEntry | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = doc.findings[i];
    const e: FindingEntry = { code: f.code, severity: f.severity, stage: f.stage, message: describe(f.code, f.args) };
    if (f.args) e.args = f.args;
    if (f.start !== undefined) {
      e.start = f.start;
      e.end = f.end;
    }
    findings[i] = e;
    // the first of the most serious
    if (!worst || SEVERITY_RANK[e.severity] < SEVERITY_RANK[worst.severity]) worst = e;
  }
  const removed: RemovedEntry[] = new Array(doc.removed.length);
  for (let i = 0; i < removed.length; i++) {
    const r = doc.removed[i];
    const cut = r.end - r.start > MAX_REMOVED_TEXT;
    const e: RemovedEntry = { code: r.code, start: r.start, end: r.end, text: doc.text.slice(r.start, cut ? r.start + MAX_REMOVED_TEXT : r.end) };
    if (cut) e.truncated = true;
    if (r.detail) e.detail = r.detail;
    removed[i] = e;
  }
  const entry = { input: doc.source.path } as DocEntry;
  if (doc.source.line !== undefined) entry.line = doc.source.line;
  if (doc.source.recordId !== undefined) entry.id = doc.source.recordId;
  entry.output = output;
  entry.status = doc.status;
  entry.format = doc.format;
  entry.encoding = doc.encoding ?? null;
  entry.encodingSource = doc.encodingSource ?? null;
  entry.bytesIn = doc.bytesIn;
  entry.charsIn = doc.text.length;
  entry.charsOut = doc.status === 'kept' ? (doc.output ?? '').length : 0;
  entry.removed = removed;
  entry.findings = findings;
  if (doc.duplicate) {
    entry.duplicateOf = doc.duplicate.of;
    entry.similarity = Math.round(doc.duplicate.similarity * 1000) / 1000;
    entry.cluster = doc.duplicate.cluster;
  } else if (doc.cluster !== undefined) entry.cluster = doc.cluster;
  if (worst && worst.severity !== 'info') entry.message = worst.message;
  return entry;
}

/** Add one document to the totals. */
export function addToTotals(t: Totals, doc: Doc, entry: DocEntry): void {
  t.documents++;
  t[doc.status]++;
  t.bytesIn += entry.bytesIn;
  t.charsIn += entry.charsIn;
  t.charsOut += entry.charsOut;
  for (const r of doc.removed) t.removedChars[r.code] = (t.removedChars[r.code] ?? 0) + (r.end - r.start);
  // each code once per document, in the order the findings first name it
  const f = doc.findings;
  for (let i = 0; i < f.length; i++) {
    const code = f[i].code;
    let again = false;
    for (let j = 0; j < i && !again; j++) again = f[j].code === code;
    if (!again) t.findings[code] = (t.findings[code] ?? 0) + 1;
  }
}
