/**
 * Standard input. A pipe can be read once, and the statistics pass reads the
 * corpus a second time, so:
 *
 * - one document (the default) is read whole, since it is cleaned as one text
 *   anyway, up to the size limit; past it only its size is counted;
 * - JSON Lines (`--jsonl`) stream: as pass 1 reads them, each chunk is also
 *   appended to a temporary file (the spool, under TMPDIR), and pass 2 reads
 *   the spool. Memory holds a chunk at a time whatever the input's size; the
 *   spool takes the input's size on disk until the run ends. Being a regular
 *   file, the spool also lets the thread that cleans a record read its line
 *   there itself in pass 2, as from a `.jsonl` file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { trackTemp, untrackTemp } from './write.js';
import { CHUNK_BYTES } from './chunk-reader.js';

type Input = NodeJS.ReadableStream | AsyncIterable<Buffer | string>;

/**
 * Bytes of standard input held in memory, at most, when the spool cannot take them: a quarter of the machine's
 * memory (our choice; the rest of a run takes a few hundred MiB). Past it the run stops with StdinOverflow rather
 * than grow until the system ends it.
 */
export const MAX_STDIN_IN_MEMORY = Math.floor(os.totalmem() / 4);

/** Standard input outgrew the memory it may take (`limit` bytes) after the spool in `dir` failed with `problem`. */
export class StdinOverflow extends Error {
  constructor(
    readonly dir: string,
    readonly problem: string,
    readonly limit: number,
  ) {
    super(`standard input over ${limit} bytes with no room in ${dir} (${problem})`);
  }
}

const toBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

/** One document from `stream`: its bytes, or none when it is larger than `maxBytes` (then only counted). */
export async function readDocument(stream: Input, maxBytes: number): Promise<{ bytes?: Buffer; size: number }> {
  let chunks: Buffer[] | undefined = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = toBuffer(chunk);
    size += buf.length;
    if (size > maxBytes) chunks = undefined;
    else chunks?.push(buf);
  }
  return { bytes: chunks && (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)), size };
}

/**
 * Standard input read once and kept for a second reading: `first` gives its chunks as they arrive and writes each
 * to the spool; `again` gives the same bytes from the spool. When the spool cannot be made or written (no room in
 * TMPDIR), the rest of the input is kept in memory instead, up to `maxMemory` bytes, and `warn` is told why.
 */
export class StdinSpool {
  /** The spool file, while it exists. */
  private file: string | undefined;
  private fd: number | undefined;
  /** Bytes of whole chunks in the spool. */
  private written = 0;
  /** Chunks kept in memory after the spool failed (undefined while it works), and their bytes. */
  private tail: Buffer[] | undefined;
  private tailBytes = 0;
  /** Why the spool failed. */
  private problem = '';
  private started = false;
  private stopped = false;
  private readonly stream: Input;
  private readonly iterator: AsyncIterator<Buffer | string>;
  /** The first chunk, read ahead by `isEmpty`. */
  private head: Buffer | undefined;
  /**
   * Asked once, when a write to the spool fails, to free room on its file system (the engine gives up its spill:
   * RunSettings.onSpill) given the spool's path; true to try the write again before keeping the rest in memory.
   */
  makeRoom: ((spool: string) => boolean) | undefined;
  /** `warn` is told once, when the spool fails. */
  constructor(
    stream: Input,
    private readonly warn: (problem: string) => void = () => {},
    private readonly dir = os.tmpdir(),
    private readonly maxMemory = MAX_STDIN_IN_MEMORY,
  ) {
    this.stream = stream;
    this.iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
    const file = path.join(dir, `clean-corpus-stdin-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      // created new (never an existing file or link), readable by this user only
      this.fd = fs.openSync(file, 'wx', 0o600);
      this.file = file;
      trackTemp(file);
    } catch (err) {
      this.fail(err);
    }
  }

  /** True when standard input holds no bytes at all (reads the first chunk ahead). */
  async isEmpty(): Promise<boolean> {
    if (!this.started && this.head === undefined) {
      const r = await this.iterator.next();
      if (r.done) return true;
      this.head = toBuffer(r.value);
    }
    return false;
  }

  /** Pass 1: the chunks of standard input as they arrive, each kept as it goes by. Can be called once. */
  async *first(): AsyncGenerator<Buffer> {
    if (this.started) throw new Error('standard input was already read');
    this.started = true;
    if (this.head) {
      const head = this.head;
      this.head = undefined;
      this.keep(head);
      yield head;
    }
    try {
      for (let r = await this.iterator.next(); !r.done; r = await this.iterator.next()) {
        const chunk = toBuffer(r.value);
        this.keep(chunk);
        yield chunk;
      }
    } catch (err) {
      if (!this.stopped) throw err;
    }
    this.closeFd();
  }

  /** End `first` now, even while it waits for input that may never come (the run was interrupted). */
  stop(): void {
    this.stopped = true;
    (this.stream as { destroy?: () => void }).destroy?.();
  }

  /** The spool file, when it holds all of the input `first` read (then a thread can read ranges of it itself). */
  get wholeFile(): string | undefined {
    return this.tail === undefined ? this.file : undefined;
  }

  /** Pass 2: the bytes `first` gave, from the spool (and memory). Call once `first` has ended. */
  async *again(): AsyncGenerator<Buffer | Uint8Array> {
    this.closeFd();
    if (this.file && this.written > 0) yield* fs.createReadStream(this.file, { highWaterMark: CHUNK_BYTES, end: this.written - 1 }) as AsyncIterable<Buffer>;
    if (this.tail) yield* this.tail;
  }

  /** Remove the spool. */
  dispose(): void {
    this.closeFd();
    if (this.file) {
      fs.rmSync(this.file, { force: true });
      untrackTemp(this.file);
      this.file = undefined;
    }
    this.tail = undefined;
  }

  private keep(chunk: Buffer): void {
    if (this.tail) return this.hold(chunk);
    try {
      try {
        this.write(chunk);
      } catch (err) {
        const room = this.makeRoom;
        this.makeRoom = undefined;
        if (!room?.(this.file!)) throw err;
        // the whole chunk again, in its place
        this.write(chunk);
      }
      this.written += chunk.length;
    } catch (err) {
      // the whole chunks written stay readable (`again` stops after them); this chunk and the rest are kept here
      this.fail(err);
      this.hold(chunk);
    }
  }

  /** Keep `chunk` in memory, within `maxMemory`. */
  private hold(chunk: Buffer): void {
    this.tailBytes += chunk.length;
    if (this.tailBytes > this.maxMemory) {
      this.tail = [];
      throw new StdinOverflow(this.dir, this.problem, this.maxMemory);
    }
    this.tail!.push(chunk);
  }

  /** Write `chunk` to its place, after the whole chunks written. */
  private write(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; ) at += fs.writeSync(this.fd!, chunk, at, chunk.length - at, this.written + at);
  }

  private fail(err: unknown): void {
    if (this.tail) return;
    this.tail = [];
    this.problem = (err as Error).message;
    this.warn(this.problem);
    this.closeFd();
  }

  private closeFd(): void {
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // nothing was lost: every write was checked
    }
    this.fd = undefined;
  }
}
