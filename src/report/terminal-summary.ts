/**
 * The terminal summary: what was read, what was kept, what was removed and
 * why, and where the output went. Plain text, or coloured with chalk when the
 * caller says the stream is a terminal.
 */
import { Chalk } from 'chalk';
import { describe, REMOVAL_CODES, type Code } from '../record/codes.js';
import type { DocEntry, Totals } from './entries.js';

export interface SummaryInfo {
  totals: Totals;
  /** `--verbose`: ordinary skips were listed, so the summary need not say how to see them. */
  verbose?: boolean;
  outputDir?: string;
  reportPath?: string;
  seconds: number;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '0%');
const size = (bytes: number) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;

/**
 * Skips that are part of cleaning a corpus, not a problem with an input: a page with no text left, an empty
 * file. They are counted in the summary and listed on stderr only with `--verbose` (a crawl of 1,400 pages
 * had 130 of them, which buried the errors).
 */
const ORDINARY_SKIPS: ReadonlySet<Code> = new Set<Code>(['no-text', 'empty']);

export function isOrdinarySkip(entry: DocEntry): boolean {
  return entry.status === 'skipped' && entry.findings.some((f) => ORDINARY_SKIPS.has(f.code));
}

/** Whether a finished document gets a line on stderr: errors always, other skips unless `--quiet`, ordinary skips with `--verbose`. */
export function listsOnStderr(entry: DocEntry, quiet: boolean, verbose: boolean): boolean {
  if (entry.status === 'error') return true;
  if (entry.status !== 'skipped' || quiet) return false;
  return verbose || !isOrdinarySkip(entry);
}

/** Documents skipped as ordinary (see `isOrdinarySkip`), from the totals' finding counts. */
export function ordinarySkips(t: Totals): number {
  let n = 0;
  for (const code of ORDINARY_SKIPS) n += t.findings[code] ?? 0;
  return Math.min(n, t.skipped);
}

/** One line for a document that did not go through cleanly: `path: status: message`. */
export function problemLine(entry: DocEntry, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  // a JSON Lines record's input already reads `file.jsonl:LINE`
  const where = entry.line !== undefined && !entry.input.endsWith(`:${entry.line}`) ? `${entry.input}:${entry.line}` : entry.input;
  const tag = entry.status === 'error' ? c.red('error') : c.yellow(entry.status);
  return `${c.bold(where)}: ${tag}: ${entry.message ?? ''}`.trimEnd();
}

export function formatSummary(info: SummaryInfo, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const t = info.totals;
  const lines: string[] = [];
  const parts = [`${t.kept} kept`];
  if (t.duplicate) parts.push(`${t.duplicate} duplicate`);
  const quietSkips = info.verbose ? 0 : ordinarySkips(t);
  if (t.skipped) parts.push(c.yellow(`${t.skipped} skipped`) + (quietSkips ? ` (${quietSkips} with no text: --verbose lists them)` : ''));
  if (t.error) parts.push(c.red(`${t.error} failed`));
  lines.push(`${c.bold('clean-corpus')}: ${t.documents} document${t.documents === 1 ? '' : 's'}, ${size(t.bytesIn)} in ${info.seconds.toFixed(2)}s — ${parts.join(', ')}`);
  const removed = Object.values(t.removedChars).reduce((a, b) => a + (b ?? 0), 0);
  lines.push(`  characters: ${t.charsIn} in, ${t.charsOut} out, ${removed} removed (${pct(removed, t.charsIn)})`);
  for (const code of Object.keys(REMOVAL_CODES) as Code[]) {
    const n = t.removedChars[code];
    if (n) lines.push(`    ${c.cyan(code.padEnd(20))} ${pct(n, t.charsIn).padStart(6)}  ${c.dim(describe(code))}`);
  }
  if (info.outputDir) lines.push(`  output: ${info.outputDir}`);
  if (info.reportPath) lines.push(`  report: ${info.reportPath}`);
  return lines.join('\n') + '\n';
}
