/**
 * An output file built up piece by piece (JSON Lines records), that can be
 * written atomically (temporary file, renamed when closed), compared with the
 * file already at the target (for check mode and for not rewriting a file that
 * is already clean), or both. Never holds the whole content in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { trackTemp, untrackTemp } from './write.js';

export interface StreamedOutputOptions {
  /** Write the content to `target` (atomically). */
  write: boolean;
  /** Compare the content with the file now at `target`; with `write`, an unchanged file is left untouched. */
  compare: boolean;
  /** Permissions for the written file (those of the file it replaces). */
  mode?: number;
}

const FLUSH_BYTES = 1 << 20;
let counter = 0;

export class StreamedOutput {
  private tmp?: string;
  private fd?: number;
  private original?: number;
  private offset = 0;
  private changed = false;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(
    private readonly target: string,
    private readonly options: StreamedOutputOptions,
  ) {
    if (options.compare) {
      try {
        this.original = fs.openSync(target, 'r');
      } catch {
        this.changed = true;
      }
    }
    if (options.write) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      this.tmp = `${target}.tmp-${process.pid}-s${++counter}`;
      trackTemp(this.tmp);
      this.fd = fs.openSync(this.tmp, 'w');
    }
  }

  append(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    if (this.fd !== undefined) fs.writeSync(this.fd, chunk);
    if (this.original !== undefined && !this.changed) {
      const old = Buffer.alloc(chunk.length);
      const n = fs.readSync(this.original, old, 0, chunk.length, this.offset);
      if (n !== chunk.length || !old.equals(chunk)) this.changed = true;
    }
    this.offset += chunk.length;
  }

  /** Give up: remove the temporary file, leave the target as it was. */
  abort(): void {
    for (const fd of [this.fd, this.original]) if (fd !== undefined) fs.closeSync(fd);
    this.fd = this.original = undefined;
    if (this.tmp) {
      fs.rmSync(this.tmp, { force: true });
      untrackTemp(this.tmp);
    }
  }

  /** Finish; says whether the content differs from the file that was at the target (always true when not comparing). */
  close(): { changed: boolean } {
    try {
      this.flush();
      if (this.original !== undefined) {
        if (!this.changed && fs.fstatSync(this.original).size !== this.offset) this.changed = true;
        fs.closeSync(this.original);
      }
      const changed = this.options.compare ? this.changed : true;
      if (this.fd !== undefined && this.tmp !== undefined) {
        fs.closeSync(this.fd);
        if (changed) {
          if (this.options.mode !== undefined) fs.chmodSync(this.tmp, this.options.mode);
          fs.renameSync(this.tmp, this.target);
        } else fs.rmSync(this.tmp, { force: true });
      }
      return { changed };
    } catch (err) {
      if (this.tmp) fs.rmSync(this.tmp, { force: true });
      throw err;
    } finally {
      if (this.tmp) untrackTemp(this.tmp);
    }
  }
}
