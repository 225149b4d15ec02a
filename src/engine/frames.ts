/**
 * Frame files: what one task of a sharded run hands the next (engine/shards.ts) — a sequence of values, each
 * serialised with V8's structured serialiser (typed arrays, bigints and nested records survive as they are) behind
 * its length. A file is written under a temporary name and renamed into place when complete, so that a file that
 * exists is a finished one: that is the completion marker a rerun trusts (a task killed midway leaves only the
 * temporary file, which the next attempt overwrites).
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import { deserialize } from '../kit/structured.js';

/** Bytes gathered before a write: few system calls, little memory. */
const WRITE_CHUNK = 1 << 20;
/** Bytes read at a time; a larger frame is read whole. */
const READ_CHUNK = 1 << 20;

export class FrameWriter {
  private readonly temp: string;
  private readonly fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes written so far (for the figures of a sharded run). */
  bytes = 0;

  constructor(private readonly file: string) {
    this.temp = `${file}.partial`;
    this.fd = fs.openSync(this.temp, 'w');
  }

  append(value: unknown): void {
    const body = v8.serialize(value);
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(body.length);
    this.pending.push(head, body);
    this.pendingBytes += 4 + body.length;
    this.bytes += 4 + body.length;
    if (this.pendingBytes >= WRITE_CHUNK) this.flush();
  }

  /** Write what is left and move the file into place: from now on it counts as complete. */
  close(): void {
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    fs.renameSync(this.temp, this.file);
  }

  /** Give up: the temporary file is removed, nothing is left in place. */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // closed already
    }
    fs.rmSync(this.temp, { force: true });
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    fs.writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** The values of a frame file, in the order they were written. Throws on a file cut short. */
export function* readFrames<T>(file: string): Generator<T> {
  const fd = fs.openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(READ_CHUNK);
    let start = 0;
    let end = 0;
    let eof = false;
    /** Make `n` bytes available from `start`; false at the end of the file. */
    const fill = (n: number): boolean => {
      while (end - start < n && !eof) {
        if (start > 0) {
          buf.copy(buf, 0, start, end);
          end -= start;
          start = 0;
        }
        if (n > buf.length) {
          const bigger = Buffer.allocUnsafe(Math.max(n, 2 * buf.length));
          buf.copy(bigger, 0, 0, end);
          buf = bigger;
        }
        const got = fs.readSync(fd, buf, end, buf.length - end, null);
        if (got === 0) eof = true;
        end += got;
      }
      return end - start >= n;
    };
    while (fill(4)) {
      const length = buf.readUInt32LE(start);
      if (!fill(4 + length)) throw new Error(`${file} is cut short`);
      const value = deserialize<T>(buf.subarray(start + 4, start + 4 + length));
      start += 4 + length;
      yield value;
    }
    if (end > start) throw new Error(`${file} is cut short`);
  } finally {
    fs.closeSync(fd);
  }
}
