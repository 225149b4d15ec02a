/**
 * Turning a source into a document record: read its bytes (here, or in a
 * worker when the source is a plain file) and record a failed read as a
 * finding. One function for both places, so the record is the same.
 */
import { createDoc, type Doc, type DocSource } from '../doc.js';
import { readInput, SKIP_CODES, type ReadResult } from '../io/read.js';
import { timed, type StageTimings } from '../stage.js';
import type { Source } from '../run.js';
import { readPlace, readRecord, type RecordPlace, type RecordSource } from '../io/jsonl.js';
import type { ChunkReader } from '../io/chunk-reader.js';

/** A document from the result of reading its source. */
export function docFromRead(id: number, source: DocSource, read: ReadResult): Doc {
  const doc = createDoc(id, source, read.ok ? read.bytes : new Uint8Array(0));
  if (read.ok && read.text !== undefined) setDecodedText(doc, read.text);
  if (!read.ok) {
    // too large, a pipe in a folder, a link loop, a record without text: skipped by design; a failed read: an error
    const skip = SKIP_CODES.has(read.code);
    doc.status = skip ? 'skipped' : 'error';
    doc.bytes = undefined;
    doc.findings.push({ code: read.code, severity: skip ? 'warning' : 'error', stage: 'read', args: read.args });
  }
  return doc;
}

/** Text that came already decoded (a JSON Lines field): decode passes it through. */
export function setDecodedText(doc: Doc, text: string): void {
  doc.raw = text;
  doc.encoding = 'utf-8';
  doc.encodingSource = 'json';
  doc.bytesIn = Buffer.byteLength(text);
}

/** Read a file into a document (what a worker does for a file source), timing it as stage `read`. */
export function readFileDoc(id: number, source: DocSource, file: { abs: string; maxBytes: number }, timings?: StageTimings): Promise<Doc> {
  return timedRead(id, source, () => readInput(file.abs, file.maxBytes), timings);
}

/** Parse a JSON Lines record's line into a document (here or in a worker), as pass `pass` needs it, timing it as stage `read`. */
export function recordDoc(id: number, source: DocSource, record: { bytes: Uint8Array; field: string }, pass: 1 | 2, timings?: StageTimings): Promise<Doc> {
  return Promise.resolve(timedReadNow(id, source, () => readRecord(source as RecordSource, record.bytes, record.field, pass), timings));
}

/**
 * `recordDoc` for a record whose line a worker reads from its file itself (`at`, through `reader`); a line that
 * cannot be read (the file changed or went away) fails the document.
 */
export function placedRecordDoc(id: number, source: DocSource, at: RecordPlace, field: string, reader: ChunkReader, pass: 1 | 2, timings?: StageTimings): Promise<Doc> {
  const read = (): ReadResult => {
    let bytes: Uint8Array;
    try {
      bytes = readPlace(reader, at);
    } catch (err) {
      return { ok: false, code: 'read-failed', args: { reason: (err as Error).message } };
    }
    return readRecord(source as RecordSource, bytes, field, pass);
  };
  return Promise.resolve(timedReadNow(id, source, read, timings));
}

/** Read a source on this thread, timing it as stage `read`. */
export function loadDoc(id: number, src: Source, timings?: StageTimings, pass: 1 | 2 = 2): Promise<Doc> {
  if (src.record) return recordDoc(id, src.source, src.record, pass, timings);
  return timedRead(id, src.source, () => src.load(), timings);
}

/**
 * A read that is done when `read` returns (a record's line), timed without an `await`: the time to an await's
 * continuation includes whatever else runs first (other documents finishing), which made `read` look like a
 * third of the run with `--jobs 2`.
 */
function timedReadNow(id: number, source: DocSource, read: () => ReadResult, timings?: StageTimings): Doc {
  return docFromRead(id, source, timed(timings, 'read', read));
}

async function timedRead(id: number, source: DocSource, read: () => Promise<ReadResult>, timings?: StageTimings): Promise<Doc> {
  const t0 = timings ? performance.now() : 0;
  const result = await read();
  if (timings) timings.read = (timings.read ?? 0) + (performance.now() - t0);
  return docFromRead(id, source, result);
}
