/**
 * JSON Lines: one JSON object per line, the text to clean in one string field.
 *
 * Reading streams: a file is read in chunks and split on LF, one record at a
 * time, so a corpus of any size never sits in memory as one string (the
 * statistics pass reads it a second time). Each record becomes one document
 * whose source is `file.jsonl:LINE`.
 *
 * Writing splices the cleaned text into the record's own line, in place of the
 * old value, so every other field keeps its exact bytes and order (re-encoding
 * through `JSON.stringify` would reorder integer-like keys and round big numbers).
 */
import fs from 'node:fs';
import type { DocSource, Doc } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';
import type { Locator, Source } from '../engine/source.js';
import type { StreamedOutput } from '../io/streamed-output.js';
import { ChunkReader } from '../io/chunk-reader.js';
import { decodeUtf8 } from '../kit/utf8.js';
import { StdinOverflow } from '../io/stdin.js';
import { failedSource, type Format, type Open } from './format.js';
import { compressionOfName, CorruptStream, decompressed, withoutCompression, type Compression } from './compression.js';

/** The source of a JSON Lines record (or of an empty or unreadable JSON Lines file, with `frame` and `line` absent). */
export interface RecordSource extends DocSource {
  /** Path of the file the record came from, as the user named it. */
  file: string;
  /**
   * The record's whole line as read (without its line break), as bytes. Kept on the thread that writes, for the
   * writer only: it never crosses to a worker (see executor.ts), which reads the line from its file itself
   * (RecordPlace) or, from a pipe or a compressed file, gets a copy in its locator.
   */
  frame?: Uint8Array;
  /** Byte span of the text field's JSON value in `frame`, set once the record is parsed; absent when it is not a usable record. */
  textSpan?: { start: number; end: number };
  /** How the file was compressed, which its output keeps. */
  compression?: Compression;
}

export const isRecordSource = (s: DocSource): s is RecordSource => typeof (s as RecordSource).file === 'string';

/** What a regular file was when its reading began: a worker that reads a record's line from it checks it still is. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Where a record's line is in its file (a regular file, not a pipe), so that the thread that cleans it reads the
 * line there itself and its bytes never cross between threads.
 */
export interface RecordPlace {
  file: string;
  offset: number;
  length: number;
  stamp: FileStamp;
}

/**
 * A record's line read from its file (through `reader`, a chunk at a time). Throws when the file is no longer what
 * it was when its reading began: its line would not be the one the writer splices the output into.
 */
export function readPlace(reader: ChunkReader, at: RecordPlace): Uint8Array {
  return reader.read(at.file, at.offset, at.length, (fd) => {
    const st = fs.fstatSync(fd);
    if (st.size !== at.stamp.size || st.mtimeMs !== at.stamp.mtimeMs || st.ino !== at.stamp.ino) throw new Error('the file changed while it was being read');
  });
}

/** The stamp of a regular file, or undefined (a pipe, or a file that cannot be read). */
export function stampOf(abs: string): FileStamp | undefined {
  try {
    const st = fs.statSync(abs);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A record's locator: the field to parse, and either where its line is in a regular file that is stored as it is
 * read (`at`), or the line's bytes (a pipe, a compressed file: offsets into those would not be offsets into the
 * stored bytes, so a worker must never be given one).
 */
export interface JsonlLocator extends Locator {
  format: 'jsonl';
  field: string;
  at?: RecordPlace;
  bytes?: Uint8Array;
}

/** Lines read from their files on this thread (RecordPlace), a chunk at a time. */
const lines = new ChunkReader();

/**
 * Read a record's locator. On the thread that listed it the line is at hand (`frame`); a worker reads it from its
 * file (`at`) or was sent it (`bytes`). A line that cannot be read (the file changed or went away) fails the record.
 */
export function readJsonl(locator: Locator, source: DocSource, pass: 1 | 2): ReadResult {
  const { field, at, bytes } = locator as JsonlLocator;
  let line = source.frame ?? bytes;
  if (line === undefined) {
    try {
      line = readPlace(lines, at!);
    } catch (err) {
      return { ok: false, code: 'read-failed', args: { reason: (err as Error).message } };
    }
  }
  return readRecord(source as RecordSource, line, field, pass);
}

/** Default name of the field holding the text. */
export const DEFAULT_TEXT_FIELD = 'text';

/** Is this file JSON Lines by its name (`.jsonl`, or compressed: `.jsonl.gz`, `.jsonl.zst`)? */
export const isJsonlName = (file: string): boolean => /\.jsonl$/i.test(withoutCompression(file));

/** A line read: its 1-based number and bytes, or only its size when it is over the limit. */
export interface Line {
  line: number;
  /** The line without its LF, a CR before it, or (first line) a UTF-8 byte order mark. Empty when `tooLarge`. */
  bytes: Buffer;
  /** Where `bytes` begins in the stream, in bytes. */
  offset: number;
  /** Bytes of a line longer than the limit; `bytes` is then empty (the line is never held whole). */
  tooLarge?: number;
}

/**
 * Lines of a byte stream, split on LF (a CR before it is dropped), with
 * 1-based numbers, as bytes: decoding and parsing are left to whichever thread
 * cleans the record, so the reading thread only looks for line breaks.
 * A UTF-8 byte order mark at the start is skipped. A line longer than
 * `maxBytes` is not gathered, only measured. A line's bytes may be a view of a
 * chunk that the stream handed over (not copied).
 */
export async function* readLines(chunks: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>, maxBytes = Infinity): AsyncGenerator<Line> {
  let carry: Buffer[] = [];
  let carried = 0;
  /** Stream offset of the first byte of `carry`, and of the chunk being split. */
  let carryAt = 0;
  let chunkAt = 0;
  let number = 0;
  let first = true;
  /** The line `buf[start, end)` that starts at `offset` in the stream, without a CR before its LF or a byte order mark. */
  const finish = (buf: Buffer, start: number, end: number, offset: number): Line => {
    if (end > start && buf[end - 1] === 0x0d) end--;
    const bom = first && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf ? 3 : 0;
    first = false;
    return { line: number, bytes: buf.subarray(start + bom, end), offset: offset + bom };
  };
  const take = (): Line => {
    const size = carried;
    const whole = size > maxBytes ? undefined : Buffer.concat(carry);
    carry = [];
    carried = 0;
    if (!whole) {
      first = false;
      return { line: number, bytes: EMPTY, offset: carryAt, tooLarge: size };
    }
    return finish(whole, 0, whole.length, carryAt);
  };
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
      number++;
      if (carried > 0 || nl - from > maxBytes) {
        if (carried === 0) carryAt = chunkAt + from;
        carried += nl - from;
        if (carried <= maxBytes) carry.push(buf.subarray(from, nl));
        yield take();
      } else yield finish(buf, from, nl, chunkAt + from);
      from = nl + 1;
    }
    if (from < buf.length) {
      if (carried === 0) carryAt = chunkAt + from;
      carried += buf.length - from;
      // copy the tail (the stream may reuse the chunk's memory); past the limit, only count it
      if (carried <= maxBytes) carry.push(Buffer.from(buf.subarray(from)));
      else carry = [];
    }
    chunkAt += buf.length;
  }
  if (carried > 0) {
    number++;
    yield take();
  }
}

const EMPTY = Buffer.alloc(0);

/** True for a line of nothing but white space (such lines are not records). */
export function isBlankLine(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c) continue;
    // an ASCII character that is not white space settles it; other bytes may be Unicode white space (U+3000, NBSP…)
    if (b < 0x80) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').trim() === '';
  }
  return true;
}

/** A line parsed as a record. */
export type ParsedRecord =
  | { ok: true; text: string; id?: string; start: number; end: number }
  | { ok: false; code: 'jsonl-malformed' | 'jsonl-no-text' | 'too-large'; args: Record<string, string | number> };

const MAX_REASON = 120;

/** Parse one line as a JSON object and find its text field. */
export function parseRecord(text: string, field: string, line: number, locate = true): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message;
    return { ok: false, code: 'jsonl-malformed', args: { line, reason: reason.length > MAX_REASON ? reason.slice(0, MAX_REASON) + '…' : reason } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, code: 'jsonl-malformed', args: { line, reason: `a JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}` } };
  const record = value as Record<string, unknown>;
  const t = record[field];
  if (typeof t !== 'string') return { ok: false, code: 'jsonl-no-text', args: { line, field } };
  // only the writer needs the span, and it scans the whole line again: pass 1 (`locate` false) skips it
  const span = locate ? valueSpan(text, field) : [-1, -1];
  if (!span) return { ok: false, code: 'jsonl-malformed', args: { line, reason: 'could not locate the text field' } };
  const id = record.id;
  return { ok: true, text: t, ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}), start: span[0], end: span[1] };
}

/**
 * A record's line, parsed by the thread that cleans it: the text to clean (or
 * why there is none), with the record's id and (in pass 2, for the writer) the
 * byte span of its text value noted on `source`.
 */
export function readRecord(source: RecordSource, bytes: Uint8Array, field: string, pass: 1 | 2 = 2): ReadResult {
  const line = decodeUtf8(bytes);
  const parsed = parseRecord(line, field, source.line ?? 0, pass === 2);
  if (!parsed.ok) return { ok: false, code: parsed.code, args: parsed.args };
  if (parsed.id !== undefined) source.recordId = parsed.id;
  if (pass === 1) return { ok: true, bytes: new Uint8Array(0), text: parsed.text };
  // offsets in the string are offsets in the bytes while the line is ASCII; otherwise measure the parts around the value
  const ascii = line.length === bytes.length;
  const start = ascii ? parsed.start : Buffer.byteLength(line.slice(0, parsed.start));
  const end = ascii ? parsed.end : bytes.length - Buffer.byteLength(line.slice(parsed.end));
  source.textSpan = { start, end };
  return { ok: true, bytes: new Uint8Array(0), text: parsed.text };
}

/**
 * Span of the value of top-level `key` in the JSON object `s` (already known
 * to be valid JSON). With a repeated key the last one counts, as in JSON.parse.
 */
export function valueSpan(s: string, key: string): [number, number] | undefined {
  let i = skipSpace(s, 0);
  if (s[i] !== '{') return undefined;
  let found: [number, number] | undefined;
  i = skipSpace(s, i + 1);
  while (i < s.length && s[i] === '"') {
    const keyEnd = stringEnd(s, i);
    const name = JSON.parse(s.slice(i, keyEnd)) as string;
    i = skipSpace(s, skipSpace(s, keyEnd) + 1); // past ':'
    const end = valueEnd(s, i);
    if (name === key) found = [i, end];
    i = skipSpace(s, end);
    if (s[i] !== ',') break;
    i = skipSpace(s, i + 1);
  }
  return found;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

/** Index after the closing quote of the string starting at `i`. */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q === -1) return s.length;
    let backslashes = 0;
    while (s.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

function valueEnd(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return stringEnd(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s[j];
      if (d === '"') j = stringEnd(s, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        if (--depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && s[j] !== ',' && s[j] !== '}' && s[j] !== ' ' && s[j] !== '\t' && s[j] !== '\n' && s[j] !== '\r') j++;
  return j;
}

/**
 * The records of one JSON Lines input, as sources to run: one per non-blank
 * line (a malformed one loads as a finding), or one empty document when the
 * input holds no record, so that every input appears in the report.
 * `open` is called once per pass and must give the bytes from the start; a
 * line over `maxBytes` is skipped as too large without being held in memory.
 */
export async function* jsonlSources(
  input: { display: string; rel: string; abs?: string },
  field: string,
  open: Open,
  maxBytes = Infinity,
): AsyncGenerator<Source> {
  // known from the first bytes: a compressed stream is decompressed here, once, in order
  let compression: Compression | undefined;
  // a regular file read as it is stored: a worker reads each line from it (see RecordPlace); never a compressed one
  let stamp: FileStamp | undefined;
  const learn = (kind: Compression | undefined) => {
    compression = kind;
    stamp = input.abs === undefined || kind !== undefined ? undefined : stampOf(input.abs);
  };
  let openFailed: { code: 'read-failed'; args: Record<string, string> } | undefined;
  let records = 0;
  let chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  try {
    chunks = decompressed(open(), learn);
  } catch (err) {
    chunks = [];
    openFailed ??= { code: 'read-failed', args: { reason: (err as Error).message } };
  }
  try {
    for await (const { line, bytes, offset, tooLarge } of readLines(chunks, maxBytes)) {
      if (tooLarge === undefined && isBlankLine(bytes)) continue;
      records++;
      const source: RecordSource = { path: `${input.display}:${line}`, relPath: input.rel, line, file: input.display, ...(compression ? { compression } : {}) };
      if (tooLarge !== undefined) {
        // the line was measured, never held: no frame, and a writer cannot give it back (see JsonlOutputs.abandon)
        yield failedSource(source, 'too-large', { line, size: tooLarge, limit: maxBytes });
      } else {
        source.frame = bytes;
        const at = stamp && { file: input.abs!, offset, length: bytes.length, stamp };
        const locator: JsonlLocator = at ? { format: 'jsonl', field, at, size: bytes.length } : { format: 'jsonl', field, bytes, size: bytes.length };
        yield { source, locator };
      }
    }
  } catch (err) {
    // standard input that fits neither TMPDIR nor memory ends the run (cli.ts says why), not only this input
    if (err instanceof StdinOverflow) throw err;
    if (err instanceof CorruptStream) {
      // the records before the damage stand; the file's output keeps them (see folder-jsonl.ts)
      const source: RecordSource = { path: input.display, relPath: input.rel, file: input.display, ...(compression ? { compression } : {}) };
      yield failedSource(source, 'input-corrupt', { compression: err.compression, reason: err.reason, records, offset: err.at });
      return;
    }
    // the stream failed (unreadable file, or one vanished between passes)
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    openFailed ??= { code: 'read-failed', args: { reason } };
  }
  if (openFailed || records === 0) {
    const source: RecordSource = { path: input.display, relPath: input.rel, file: input.display };
    yield openFailed ? failedSource(source, openFailed.code, openFailed.args) : { source, locator: { format: 'bytes', bytes: new Uint8Array(0), size: 0 } };
  }
}

/** Read a file in chunks (one pass). */
export function fileChunks(abs: string): AsyncIterable<Buffer> {
  return fs.createReadStream(abs, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
}

/** JSON Lines files, plain: `a.jsonl` in, `a.jsonl` out. */
export const jsonlFormat: Format = {
  name: 'jsonl',
  matchesName: isJsonlName,
  sources: (input, open, options) => jsonlSources(input, options.field, open, options.maxBytes),
  read: readJsonl,
  inPlace: true,
  // compressed records stay compressed: a.jsonl.gz → a.jsonl.gz
  outputExt: (rel) => '.jsonl' + (compressionOfName(rel) === 'gzip' ? '.gz' : compressionOfName(rel) === 'zstd' ? '.zst' : ''),
};

/**
 * The line to write for a record: its own line with the cleaned text in place
 * of the old. The final line break a cleaned file ends with is left out: a
 * record's text is a value, not a file, and a clean record must stay unchanged.
 */
export function recordLine(frame: Uint8Array, span: { start: number; end: number }, cleaned: string): string {
  const text = cleaned.endsWith('\n') ? cleaned.slice(0, -1) : cleaned;
  const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  return bytes.toString('utf8', 0, span.start) + JSON.stringify(text) + bytes.toString('utf8', span.end);
}

/** A record's line as it was read. */
export const originalLine = (source: RecordSource): string | undefined =>
  source.frame && Buffer.from(source.frame.buffer, source.frame.byteOffset, source.frame.byteLength).toString('utf8');

/**
 * What a record becomes in the output: its cleaned line when kept; otherwise
 * nothing, or (with `keepOthers`, for in-place fixing) its original line.
 */
export function outputLine(doc: Doc, keepOthers: boolean): string | undefined {
  const src = doc.source as RecordSource;
  if (!src.frame) return undefined;
  if (doc.status === 'kept' && doc.output !== undefined && src.textSpan) return recordLine(src.frame, src.textSpan, doc.output);
  return keepOthers ? originalLine(src) : undefined;
}

/**
 * Sends the records of JSON Lines inputs to their output files, one file at a
 * time: records arrive in input order, so a file's records are contiguous and
 * a file is finished when a record of another file (or `close`) comes.
 */
export class JsonlOutputs {
  private current?: { target: string; out: StreamedOutput };
  /** A target given up (see `abandon`): its later records are ignored, so it is never written in part. */
  private abandoned?: string;

  /**
   * @param open  how to make the output for a target (write, compare, or both)
   * @param onClose  told of each finished output and whether it differs from the existing file
   */
  constructor(
    private readonly open: (target: string, compression?: Compression) => StreamedOutput,
    private readonly onClose: (target: string, changed: boolean) => void = () => {},
  ) {}

  /** Add a line (or nothing, to make sure the file exists) for `target`, compressed as `compression`. */
  add(target: string, line: string | undefined, compression?: Compression): void {
    if (target === this.abandoned) return;
    if (this.current?.target !== target) {
      this.close();
      this.current = { target, out: this.open(target, compression) };
    }
    if (line !== undefined) this.current!.out.append(line + '\n');
  }

  /**
   * Give up `target` (its input failed, or holds a record too large to have been kept): what was written of it is
   * dropped, its later records are ignored, and the target stays as it was. The output of a previous target is
   * complete, and is finished.
   */
  abandon(target: string): void {
    if (this.current?.target === target) {
      this.current.out.abort();
      this.current = undefined;
    } else this.close();
    this.abandoned = target;
  }

  /** Drop the open output (on interrupt): its target stays as it was. */
  abort(): void {
    this.current?.out.abort();
    this.current = undefined;
  }

  /** Finish the open output. */
  close(): void {
    const c = this.current;
    if (!c) return;
    this.current = undefined;
    this.onClose(c.target, c.out.close().changed);
  }
}
