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
  /** Encodes each chunk before it is written (a compressed output: each chunk its own gzip member or zstd frame). */
  encode?: (chunk: Uint8Array) => Uint8Array;
  /**
   * With `encode` and `compare`: decodes the existing file whole, so that the content is compared before encoding
   * (two encoders seldom give the same bytes for the same content). Holds the decoded file in memory.
   */
  decode?: (bytes: Uint8Array) => Uint8Array;
}

/** Bytes gathered before one write (and one comparison with the existing file). */
const FLUSH_BYTES = 1 << 20;
let counter = 0;

/**
 * Text gathered as UTF-8 bytes in one reused buffer and handed to `sink`
 * (which must be done with the bytes when it returns) whenever the buffer is
 * full, and on `flush`. Each piece is encoded straight into the buffer:
 * joining the pieces into one string (a copy) and then encoding it cost three
 * times as much (report entries of a 32 MB run, mostly two-byte text: 41 ms
 * against 15 ms, 2026-11-23).
 */
export class Utf8Buffer {
  private readonly buf: Buffer;
  private used = 0;

  constructor(
    capacity: number,
    private readonly sink: (bytes: Buffer) => void,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Bytes gathered and not yet handed over. */
  get size(): number {
    return this.used;
  }

  write(text: string): void {
    // a UTF-16 code unit takes at most 3 bytes in UTF-8
    const worst = text.length * 3;
    if (this.used + worst > this.buf.length) {
      this.flush();
      if (worst > this.buf.length) return this.sink(Buffer.from(text, 'utf8'));
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    const bytes = this.buf.subarray(0, this.used);
    this.used = 0;
    this.sink(bytes);
  }
}

export class StreamedOutput {
  private tmp?: string;
  private fd?: number;
  private original?: number;
  private offset = 0;
  private changed = false;
  private wrote = false;
  private readonly pending = new Utf8Buffer(FLUSH_BYTES, (chunk) => this.put(chunk));
  /** Bytes of the original file, read to compare a chunk with (reused). */
  private old?: Buffer;
  /** The existing file decoded (see `decode`), and how much of it the content has matched so far. */
  private plain?: Buffer;
  private plainOffset = 0;

  constructor(
    private readonly target: string,
    private readonly options: StreamedOutputOptions,
  ) {
    if (options.compare && options.encode && options.decode) {
      try {
        const decoded = options.decode(fs.readFileSync(target));
        this.plain = Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength);
      } catch {
        // missing, unreadable or damaged: whatever is written differs
        this.changed = true;
      }
    } else if (options.compare) {
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
    this.pending.write(text);
  }

  /** Write (and compare) the next chunk of the content. */
  private put(text: Buffer): void {
    if (this.plain && !this.changed) {
      const end = this.plainOffset + text.length;
      if (end > this.plain.length || !this.plain.subarray(this.plainOffset, end).equals(text)) this.changed = true;
      this.plainOffset = end;
    }
    const chunk = this.options.encode ? toBuffer(this.options.encode(text)) : text;
    this.wrote = true;
    if (this.fd !== undefined) fs.writeSync(this.fd, chunk);
    if (this.original !== undefined && !this.changed) {
      if (!this.old || this.old.length < chunk.length) this.old = Buffer.allocUnsafe(Math.max(chunk.length, FLUSH_BYTES));
      const old = this.old.subarray(0, chunk.length);
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
      this.pending.flush();
      // a compressed file of no records is still a valid stream: one empty member or frame
      if (!this.wrote && this.options.encode) this.put(Buffer.alloc(0));
      if (this.plain && this.plainOffset !== this.plain.length) this.changed = true;
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

const toBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
