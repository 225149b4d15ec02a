/**
 * The progress line on a terminal: redrawn in place at most REDRAW_MS apart,
 * and only once a run has taken PROGRESS_AFTER_MS (a quick run shows none).
 * Off a terminal it writes nothing.
 */
import fs from 'node:fs';
import type { Source } from '../engine/run.js';
import { formatProgress } from '../report/progress.js';

/** At most four redraws a second: moving, not flickering. */
const REDRAW_MS = 250;
/** No line for a run shorter than this. */
const PROGRESS_AFTER_MS = 500;

export interface ProgressTarget {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class ProgressLine {
  private readonly enabled: boolean;
  private passStarted = Date.now();
  private readonly started = Date.now();
  private last = 0;
  private shown = false;
  private bytes = 0;
  private docs = 0;
  private pass: 1 | 2 = 1;

  constructor(
    private readonly out: ProgressTarget,
    private readonly totals: { docs?: number; bytes?: number },
  ) {
    this.enabled = Boolean(out.isTTY);
  }

  /**
   * `sources`, counting the bytes of each as it is read (a file's size, a record's line), so the line can say how
   * much of the input is done.
   */
  counting(sources: () => AsyncIterable<Source>): () => AsyncIterable<Source> {
    if (!this.enabled) return sources;
    return async function* (this: ProgressLine) {
      // each pass reads the input from its start (pass 2 maybe from the spill): its bytes count from zero
      this.bytes = 0;
      this.passStarted = Date.now();
      for await (const src of sources()) {
        this.bytes += bytesOf(src);
        yield src;
      }
    }.bind(this);
  }

  /** Document `done` of pass `pass` is finished. */
  update(pass: 1 | 2, done: number): void {
    if (!this.enabled) return;
    this.pass = pass;
    this.docs = done;
    const now = Date.now();
    if (now - this.started < PROGRESS_AFTER_MS || now - this.last < REDRAW_MS) return;
    this.last = now;
    this.shown = true;
    const line = formatProgress({ pass: this.pass, docs: this.docs, totalDocs: this.totals.docs, bytes: Math.min(this.bytes, this.totals.bytes ?? Infinity), totalBytes: this.totals.bytes, seconds: (now - this.passStarted) / 1000 });
    this.out.write(`\r\x1b[2K${line}`);
  }

  clear(): void {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** The bytes a source is about: the size its locator gives, or else the size of the file it names. */
function bytesOf(src: Source): number {
  const { size, abs } = src.locator;
  if (typeof size === 'number' && size > 0) return size;
  if (typeof abs === 'string') {
    try {
      return fs.statSync(abs).size;
    } catch {
      return 0;
    }
  }
  return 0;
}
