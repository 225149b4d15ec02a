/**
 * Where the three report files go. `--report FILE` names the summary; the
 * documents file and the page go beside it, named after it:
 *
 *   report.json → documents.jsonl, report.html   (the default, in the output folder)
 *   NAME.json   → NAME.documents.jsonl, NAME.html
 *   NAME        → NAME.documents.jsonl, NAME.html
 *
 * so two reports written to one folder never share a documents file.
 */
import path from 'node:path';

export interface ReportPaths {
  /** report.json: tool, options, totals, boilerplate dictionary, duplicate clusters. */
  summary: string;
  /** documents.jsonl: one line per input document or record, in input order. */
  documents: string;
  /** report.html: the page made from both. */
  page: string;
}

export function reportPaths(summary: string): ReportPaths {
  const dir = path.dirname(summary);
  const base = path.basename(summary);
  const stem = base.endsWith('.json') ? base.slice(0, -'.json'.length) : base;
  return {
    summary,
    documents: path.join(dir, stem === 'report' ? 'documents.jsonl' : `${stem}.documents.jsonl`),
    page: path.join(dir, `${stem}.html`),
  };
}
