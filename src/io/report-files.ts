/**
 * Writes the report's three files (see report/names.ts): documents.jsonl line
 * by line as documents finish (a reader can follow it while the run goes on),
 * then report.json (the summary) and report.html at the end. The summary and
 * the page are written to temporary names and renamed; an interrupted run
 * still finishes them, marked interrupted. A run stopped at once (a second
 * signal) removes all three.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Doc } from '../record/doc.js';
import type { DocEntry, RemovedEntry, Totals } from '../report/entries.js';
import { BoilerplateDictionary } from '../report/dictionary.js';
import { ClusterList } from '../report/clusters.js';
import { reportPaths, type ReportPaths } from '../report/names.js';
import { PageSample, removedChars } from '../report/page-sample.js';
import { LOST_BINS, lostBin, removedShare, REPORT_VERSION, type Summary } from '../report/summary.js';
import { renderPage } from '../report/html.js';
import { Utf8Buffer } from './streamed-output.js';
import { trackTemp, untrackTemp } from './write.js';
import { defaultThresholds, type Thresholds } from '../thresholds.js';

/** Bytes of lines gathered before one write. */
const BUFFER_BYTES = 1 << 20;
/** Lines wait at most this long before they are written, so a reader following the file sees the run move. */
const FLUSH_MS = 500;

/** A corpus-boilerplate removal in documents.jsonl: the dictionary id instead of the text. */
export interface BlockRef {
  code: 'boilerplate-corpus';
  start: number;
  end: number;
  block: number;
}

/** A line of documents.jsonl: a report entry whose corpus-boilerplate removals may be dictionary references. */
export type DocumentsLine = Omit<DocEntry, 'removed'> & { removed: (RemovedEntry | BlockRef)[] };

export interface ReportHeader {
  tool: object;
  options: object & { thresholds?: Partial<Thresholds> };
}

export class ReportFiles {
  readonly paths: ReportPaths;
  private fd: number;
  private readonly buffer: Utf8Buffer;
  /** Set while lines wait in the buffer for the timer that writes them. */
  private timer?: NodeJS.Timeout;
  private readonly dictionary: BoilerplateDictionary;
  private readonly clusters = new ClusterList();
  private readonly page: PageSample;
  private readonly lost = new Array<number>(LOST_BINS).fill(0);
  private closed = false;

  constructor(
    summaryPath: string,
    private readonly header: ReportHeader,
  ) {
    this.paths = reportPaths(summaryPath);
    const t = { ...defaultThresholds(), ...header.options.thresholds };
    this.dictionary = new BoilerplateDictionary(t['report.dictionaryMax']);
    this.page = new PageSample(t['report.pageDocs'], t['report.pageDocChars']);
    fs.mkdirSync(path.dirname(summaryPath), { recursive: true });
    // a summary or page of an earlier run would describe another documents file
    fs.rmSync(this.paths.summary, { force: true });
    fs.rmSync(this.paths.page, { force: true });
    this.fd = fs.openSync(this.paths.documents, 'w');
    // a run ended at once (a second signal, a closed stdout) removes it with the other temporary files
    trackTemp(this.paths.documents);
    const fd = this.fd;
    this.buffer = new Utf8Buffer(BUFFER_BYTES, (bytes) => fs.writeSync(fd, bytes));
  }

  /** One finished document, in input order. */
  add(doc: Doc, entry: DocEntry): void {
    this.dictionary.nextDocument();
    let line: DocumentsLine = entry;
    for (let i = 0; i < entry.removed.length; i++) {
      const r = entry.removed[i];
      if (r.code !== 'boilerplate-corpus') continue;
      const id = this.dictionary.idOf(r.text, r.detail, r.truncated === true);
      if (id === undefined) continue;
      if (line === entry) line = { ...entry, removed: entry.removed.slice() };
      line.removed[i] = { code: r.code, start: r.start, end: r.end, block: id };
    }
    // write the whole line at once: the buffer hands over whole lines only
    this.buffer.write(JSON.stringify(line) + '\n');
    // a full buffer is written at once; a few lines wait no longer than FLUSH_MS, even when the run waits (on a
    // reader of standard output, on standard input)
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (!this.closed) this.buffer.flush();
    }, FLUSH_MS).unref();
    if (doc.duplicate) this.clusters.add(doc.duplicate.cluster, doc.duplicate.of, member(entry, doc.duplicate.similarity));
    if (doc.text.length > 0) this.lost[lostBin(removedChars(doc) / doc.text.length)]++;
    this.page.add(doc, entry);
  }

  /**
   * Close the documents file and write the summary and the page: `interrupted` marks a run stopped by a signal
   * (the documents file lists the documents done); `timings`, when given, are milliseconds per stage.
   */
  finish(totals: Totals, interrupted = false, timings?: Record<string, number>): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.buffer.flush();
    fs.closeSync(this.fd);
    this.closed = true;
    untrackTemp(this.paths.documents);
    const summary: Summary = {
      version: REPORT_VERSION,
      tool: this.header.tool,
      options: this.header.options,
      files: { documents: path.basename(this.paths.documents), page: path.basename(this.paths.page) },
      ...(interrupted ? { interrupted: true as const } : {}),
      totals,
      removedShare: removedShare(totals),
      lostHistogram: this.lost,
      ...(timings ? { timings } : {}),
      boilerplate: { max: this.dictionary.max, notListed: this.dictionary.overflow, blocks: this.dictionary.entries() },
      clusters: this.clusters.all(),
    };
    writeRenamed(this.paths.summary, serialise(summary));
    writeRenamed(this.paths.page, renderPage(summary, this.page.documents(), this.page.pageClusters()));
  }

  /** Drop the files (a second signal, an internal failure). */
  abort(): void {
    clearTimeout(this.timer);
    if (!this.closed) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already closed
      }
      this.closed = true;
    }
    for (const p of [this.paths.documents, this.paths.summary, this.paths.page]) fs.rmSync(p, { force: true });
    untrackTemp(this.paths.documents);
  }
}

function member(entry: DocEntry, similarity: number) {
  const m: { input: string; line?: number; similarity: number } = { input: entry.input, similarity: Math.round(similarity * 1000) / 1000 };
  if (entry.line !== undefined) m.line = entry.line;
  return m;
}

/** One key a line, arrays of objects one element a line: readable with less, diffable, and still one JSON document. */
function serialise(s: Summary): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (key === 'boilerplate') {
      const b = value as Summary['boilerplate'];
      lines.push(`"boilerplate": {"max": ${b.max}, "notListed": ${b.notListed}, "blocks": [${b.blocks.map((x) => '\n  ' + JSON.stringify(x)).join(',')}\n]}`);
    } else if (key === 'clusters') lines.push(`"clusters": [${(value as Summary['clusters']).map((x) => '\n  ' + JSON.stringify(x)).join(',')}\n]`);
    else lines.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

function writeRenamed(target: string, text: string): void {
  const tmp = `${target}.tmp-${process.pid}`;
  trackTemp(tmp);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  } finally {
    untrackTemp(tmp);
  }
}
