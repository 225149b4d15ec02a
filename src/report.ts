/**
 * The dedupe report: one entry per input, whatever happened to it, with every
 * removed span (reason code, offsets into the decoded and normalised text, and
 * the text itself) and every finding. Written as a stream, so a corpus of
 * millions of documents never sits in memory; `totals` comes last.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, type Code } from './codes.js';
import type { Doc, DocStatus } from './doc.js';

export const REPORT_VERSION = 1;
/** Removed text longer than this is cut in the report (its offsets still give the whole span). */
const MAX_REMOVED_TEXT = 2000;
/** Characters of report entries gathered before one write. */
const REPORT_BUFFER_CHARS = 256 * 1024;

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
  const findings: FindingEntry[] = doc.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    stage: f.stage,
    message: describe(f.code, f.args),
    ...(f.args ? { args: f.args } : {}),
    ...(f.start !== undefined ? { start: f.start, end: f.end } : {}),
  }));
  const worst = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
  const entry: DocEntry = {
    input: doc.source.path,
    ...(doc.source.line !== undefined ? { line: doc.source.line } : {}),
    ...(doc.source.recordId !== undefined ? { id: doc.source.recordId } : {}),
    output,
    status: doc.status,
    format: doc.format,
    encoding: doc.encoding ?? null,
    encodingSource: doc.encodingSource ?? null,
    bytesIn: doc.bytesIn,
    charsIn: doc.text.length,
    charsOut: doc.status === 'kept' ? (doc.output ?? '').length : 0,
    removed: doc.removed.map((r) => {
      const text = doc.text.slice(r.start, r.end);
      return {
        code: r.code,
        start: r.start,
        end: r.end,
        text: text.length > MAX_REMOVED_TEXT ? text.slice(0, MAX_REMOVED_TEXT) : text,
        ...(text.length > MAX_REMOVED_TEXT ? { truncated: true as const } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
      };
    }),
    findings,
  };
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
  for (const code of new Set(doc.findings.map((f) => f.code))) t.findings[code] = (t.findings[code] ?? 0) + 1;
}

/**
 * Streams the report to a file: header, then one entry per document as it
 * finishes, then totals. Written to a temporary name and renamed when done.
 */
export class ReportWriter {
  private fd: number;
  private first = true;
  /** Entries not yet written: one write per ~256 KB instead of one per document. */
  private buffer: string[] = [];
  private buffered = 0;
  private readonly tmp: string;

  constructor(
    private readonly target: string,
    header: { tool: object; options: object },
  ) {
    this.tmp = `${target}.tmp-${process.pid}`;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    this.fd = fs.openSync(this.tmp, 'w');
    fs.writeSync(this.fd, `{\n"version": ${REPORT_VERSION},\n"tool": ${JSON.stringify(header.tool)},\n"options": ${JSON.stringify(header.options)},\n"documents": [\n`);
  }

  add(entry: DocEntry): void {
    this.buffer.push((this.first ? '' : ',\n') + JSON.stringify(entry));
    this.first = false;
    this.buffered += this.buffer[this.buffer.length - 1].length;
    if (this.buffered >= REPORT_BUFFER_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /**
   * Close the report with the totals; `interrupted` marks a run stopped by a signal (the entries are the
   * documents done); `timings`, when given, are milliseconds per stage (they differ from run to run).
   */
  finish(totals: Totals, interrupted = false, timings?: Record<string, number>): void {
    const t = timings ? `,\n"timings": ${JSON.stringify(timings)}` : '';
    this.flush();
    fs.writeSync(this.fd, `\n],\n${interrupted ? '"interrupted": true,\n' : ''}"totals": ${JSON.stringify(totals)}${t}\n}\n`);
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.target);
  }

  /** Drop the partial report (on interrupt). */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.tmp, { force: true });
  }
}
