/**
 * The spill: where pass 1 keeps each prepared document (prepared.ts) so that
 * pass 2 reads it back instead of preparing the document again. A temporary
 * folder of append-only files, one per thread that writes (no locking); a
 * document is found again by its `SpillRef`. The engine (run.ts) creates the
 * folder, keeps the references — about 20 bytes a document — and removes the
 * folder when the run ends.
 *
 * The spill only saves work: a document that could not be written (a full
 * disk) has no reference, and pass 2 reads it from its source as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { trackTemp, untrackTemp } from '../io/write.js';
import { ChunkReader, CHUNK_BYTES } from '../io/chunk-reader.js';
import { grown } from '../kit/typed-arrays.js';

/** The spill of a run as a thread that writes to it sees it: its folder, and the bytes this thread may write there. */
export interface SpillPlace {
  dir: string;
  budget: number;
}

/** Where one prepared document sits in the spill. */
export interface SpillRef {
  /** Number of the file: the id of the thread that wrote it. */
  file: number;
  offset: number;
  length: number;
}

/**
 * Share of the free space of the spill's file system, as it is when the run starts, that the spill may fill. Our
 * choice: the output and other programs need room too, and where `/tmp` is a RAM-backed tmpfs this also bounds the
 * memory the spill takes. Past it, documents are prepared again in pass 2, as with `--no-spill`.
 */
export const SPILL_SHARE_OF_FREE = 0.5;

/** Bytes the spill in `dir` may take (SPILL_SHARE_OF_FREE of the free space), or 0 when that cannot be known. */
export function spillBudget(dir: string): number {
  try {
    const st = fs.statfsSync(dir);
    return Math.floor(st.bavail * st.bsize * SPILL_SHARE_OF_FREE);
  } catch {
    return 0;
  }
}

/** A new, empty spill folder under the system's temporary folder (`TMPDIR`), or undefined when none can be made. */
export function createSpillDir(): string | undefined {
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-corpus-spill-'));
    // a run stopped at once (a second interrupt) removes it with the other temporary files
    trackTemp(dir);
    return dir;
  } catch {
    return undefined;
  }
}

export function removeSpillDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  untrackTemp(dir);
}

/** Whether `a` and `b` are on one file system (false when either cannot be looked at). */
export function sameFileSystem(a: string, b: string): boolean {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev;
  } catch {
    return false;
  }
}

const fileOf = (dir: string, file: number): string => path.join(dir, `${file}.bin`);

/**
 * Appends this thread's documents to its own file, in writes of about
 * CHUNK_BYTES (one system call per ~1 MB), up to a budget. `close` writes what is gathered and closes the file: call it
 * before a reference handed out is used (a worker thread that is stopped does
 * not close its descriptors). After a failed write it writes nothing more.
 */
export class SpillWriter {
  private fd: number | undefined;
  private size = 0;
  private buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private buffered = 0;
  private broken = false;

  /** `budget`: bytes this writer may write in all; documents past it are not kept. */
  constructor(
    private readonly dir: string,
    private readonly budget = Infinity,
  ) {}

  /** Add `bytes`; the reference to read them back by, or undefined when the spill is broken or full. */
  append(bytes: Uint8Array): SpillRef | undefined {
    if (this.broken || this.size + bytes.length > this.budget) return undefined;
    if (this.buffered + bytes.length > this.buffer.length && !this.flush()) return undefined;
    const ref = { file: threadId, offset: this.size, length: bytes.length };
    if (bytes.length > this.buffer.length) {
      if (!this.write(bytes)) return undefined;
    } else {
      this.buffer.set(bytes, this.buffered);
      this.buffered += bytes.length;
    }
    this.size += bytes.length;
    return ref;
  }

  /**
   * Write what is gathered and close the file. False when a write failed: the references handed out since the
   * last successful `close` may point at nothing.
   */
  close(): boolean {
    const ok = this.flush();
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // nothing to keep
      }
      this.fd = undefined;
    }
    return ok;
  }

  /** Write nothing more, and close the file without writing what is gathered (the spill was given up). */
  abandon(): void {
    this.broken = true;
    this.buffered = 0;
    this.close();
  }

  private flush(): boolean {
    const n = this.buffered;
    this.buffered = 0;
    return n === 0 || this.write(this.buffer.subarray(0, n));
  }

  private write(bytes: Uint8Array): boolean {
    if (this.broken) return false;
    try {
      this.fd ??= fs.openSync(fileOf(this.dir, threadId), 'a');
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
      return true;
    } catch {
      // part of it may be written: the next document would not start where its reference says, so none follows
      this.broken = true;
      return false;
    }
  }
}

/** Reads documents back (io/chunk-reader.ts: a chunk at a time, since they are asked for in about the order written). */
export class SpillReader {
  private readonly chunks = new ChunkReader();

  constructor(private readonly dir: string) {}

  /** The bytes at `ref`: a view that the next `read` may reuse, aligned as `ref.offset` is. Throws when they cannot be read whole. */
  read(ref: SpillRef): Uint8Array {
    return this.chunks.read(fileOf(this.dir, ref.file), ref.offset, ref.length);
  }
}

/**
 * The references of a run, by document id, in typed arrays (20 bytes a
 * document; no object per document). A document without one reads its source.
 */
export class SpillIndex {
  private file = new Int32Array(1024).fill(-1);
  private offset = new Float64Array(1024);
  private length = new Int32Array(1024);
  /** Bytes of a JSON Lines record's line in pass 1: pass 2 uses the spill only for the same line. */
  private frame = new Int32Array(1024);

  set(id: number, ref: SpillRef, frameBytes = -1): void {
    this.file = grown(this.file, id, (n) => new Int32Array(n), -1);
    this.offset = grown(this.offset, id, (n) => new Float64Array(n));
    this.length = grown(this.length, id, (n) => new Int32Array(n));
    this.frame = grown(this.frame, id, (n) => new Int32Array(n));
    this.file[id] = ref.file;
    this.offset[id] = ref.offset;
    this.length[id] = ref.length;
    this.frame[id] = frameBytes;
  }

  get(id: number, frameBytes = -1): SpillRef | undefined {
    if (id >= this.file.length || this.file[id] < 0 || this.frame[id] !== frameBytes) return undefined;
    return { file: this.file[id], offset: this.offset[id], length: this.length[id] };
  }
}
