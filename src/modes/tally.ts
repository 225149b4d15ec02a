/**
 * The report side of a session's bookkeeping (modes/session.ts): a report entry
 * for each finished document, the running totals, and the report files when
 * they were asked for.
 */
import type { Doc } from '../record/doc.js';
import { addToTotals, docEntry, emptyTotals, type DocEntry, type Totals } from '../report/entries.js';
import { ReportFiles, type ReportHeader } from '../io/report-files.js';

export class Tally {
  readonly totals: Totals = emptyTotals();
  private readonly report?: ReportFiles;

  /** `reportPath` (the summary's path) undefined: no report files. */
  constructor(reportPath: string | undefined, header: ReportHeader) {
    if (reportPath) this.report = new ReportFiles(reportPath, header);
  }

  /** Record a finished document; `output` is where its text went, or null. */
  add(doc: Doc, output: string | null): DocEntry {
    const entry = docEntry(doc, output);
    this.report?.add(doc, entry);
    addToTotals(this.totals, doc, entry);
    return entry;
  }

  /** Close the report: `interrupted` marks a run stopped by a signal; `timings` are milliseconds per stage. */
  finish(interrupted = false, timings?: Record<string, number>): void {
    this.report?.finish(this.totals, interrupted, timings);
  }

  /** Drop the partial report (a second signal, an internal failure). */
  abort(): void {
    this.report?.abort();
  }
}
