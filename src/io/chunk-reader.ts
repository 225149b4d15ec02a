/**
 * Reads byte ranges of files that are read in about the order they were
 * written — the spill (spill.ts), JSON Lines records (formats/jsonl/place.ts RecordPlace) —
 * a chunk of CHUNK_BYTES at a time, so most ranges come from memory: one
 * system call per ~1 MB instead of one per document. A file is open only while
 * a chunk is read, so a reader can be dropped at any time (a worker thread that
 * is stopped does not close its descriptors).
 */
import fs from 'node:fs';

/** Bytes read at once, from the start of the range asked for. */
export const CHUNK_BYTES = 1 << 20;
/** Files whose last chunk is kept (the spill has one file per thread; a run reads its JSON Lines files one by one). */
const FILES_KEPT = 8;

export class ChunkReader {
  private readonly chunks = new Map<string, { start: number; bytes: Uint8Array }>();

  /**
   * The bytes `[offset, offset + length)` of `file`: a view that the next `read` may reuse, starting at a multiple
   * of 4 in its buffer when `offset` is one. `check` is given the open file before a chunk is read from it (it
   * throws to refuse it). Throws when the range cannot be read whole.
   */
  read(file: string, offset: number, length: number, check?: (fd: number) => void): Uint8Array {
    let c = this.chunks.get(file);
    if (!c || offset < c.start || offset + length > c.start + c.bytes.length) {
      const want = Math.max(CHUNK_BYTES, length);
      const buf = c && c.bytes.buffer.byteLength >= want ? c.bytes.buffer : new ArrayBuffer(want);
      const fd = fs.openSync(file, 'r');
      let got = 0;
      try {
        check?.(fd);
        for (let n = -1; got < want && n !== 0; got += n) n = fs.readSync(fd, new Uint8Array(buf, got, want - got), 0, want - got, offset + got);
      } finally {
        fs.closeSync(fd);
      }
      if (got < length) throw new Error(`${file} ends early`);
      c = { start: offset, bytes: new Uint8Array(buf, 0, got) };
    }
    // most recently used last; the least recently used file's chunk goes first
    this.chunks.delete(file);
    this.chunks.set(file, c);
    if (this.chunks.size > FILES_KEPT) this.chunks.delete(this.chunks.keys().next().value!);
    return c.bytes.subarray(offset - c.start, offset - c.start + length);
  }
}
