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
 *
 * This module is the format (`jsonlFormat`: its records listed, a record's
 * locator read) and re-exports its parts, in jsonl/: where a record is
 * (place.ts), a stream's lines (lines.ts), a line parsed (record.ts), and the
 * output (output.ts).
 */
import fs from 'node:fs';
import type { DocSource } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';
import type { Locator, Source } from '../engine/source.js';
import { ChunkReader } from '../io/chunk-reader.js';
import { StdinOverflow } from '../io/stdin.js';
import { failedSource, type Format, type Open } from './format.js';
import { compressionOfName, CorruptStream, decompressed, withoutCompression, type Compression } from './compression.js';
import { readPlace, stampOf, type FileStamp, type JsonlLocator, type RecordSource } from './jsonl/place.js';
import { isBlankLine, readLines } from './jsonl/lines.js';
import { readRecord } from './jsonl/record.js';

export { isRecordSource, readPlace, stampOf, type FileStamp, type JsonlLocator, type RecordPlace, type RecordSource } from './jsonl/place.js';
export { isBlankLine, readLines, type Line } from './jsonl/lines.js';
export { parseRecord, readRecord, valueSpan, type ParsedRecord } from './jsonl/record.js';
export { JsonlOutputs, originalLine, outputLine, recordLine } from './jsonl/output.js';

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
