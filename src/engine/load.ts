/**
 * Turning a source into a document record: read its locator (here, or in a worker) through the reader module and
 * record a failed read as a finding. One function for both places, so the record is the same.
 */
import { createDoc, type Doc, type DocSource } from '../record/doc.js';
import { SKIP_CODES, type ReadResult } from '../io/read.js';
import type { StageTimings } from '../stage.js';
import type { Locator, ReadLocator } from './source.js';

/** A document from the result of reading its source. */
export function docFromRead(id: number, source: DocSource, read: ReadResult): Doc {
  const doc = createDoc(id, source, read.ok ? read.bytes : new Uint8Array(0));
  if (read.ok && read.text !== undefined) setDecodedText(doc, read.text);
  if (read.ok && read.charset !== undefined) doc.declaredCharset = read.charset;
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

/**
 * Read document `id` at `locator` as pass `pass` needs it (with `readLocator`, the reader module's), timing it as
 * stage `read`. A read that is done when `readLocator` returns is timed without an `await`: the time to an await's
 * continuation includes whatever else runs first (other documents finishing), which made `read` look like a third
 * of the run with `--jobs 2`.
 */
export function loadDoc(readLocator: ReadLocator, id: number, source: DocSource, locator: Locator, pass: 1 | 2, timings?: StageTimings): Doc | Promise<Doc> {
  const t0 = timings ? performance.now() : 0;
  const done = (result: ReadResult): Doc => {
    if (timings) timings.read = (timings.read ?? 0) + (performance.now() - t0);
    return docFromRead(id, source, result);
  };
  let result: ReadResult | Promise<ReadResult>;
  try {
    result = readLocator(locator, source, pass);
  } catch (err) {
    result = { ok: false, code: 'read-failed', args: { reason: (err as Error).message } };
  }
  return result instanceof Promise ? result.then(done) : done(result);
}
