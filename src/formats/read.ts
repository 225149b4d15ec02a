/**
 * The reader module the engine hands every locator to (source.ts `readerUrl`), on this thread and in each worker:
 * it finds the format that made the locator and lets it read. The only place that maps a locator to a format.
 */
import type { DocSource } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';
import type { Locator } from '../engine/source.js';
import { readDocument } from './document.js';
import { readJsonl } from './jsonl.js';
import { readWarc } from './warc.js';
import { readParquet } from './parquet.js';

type Reader = (locator: Locator, source: DocSource, pass: 1 | 2) => ReadResult | Promise<ReadResult>;

const READERS: Record<string, Reader> = {
  file: readDocument,
  bytes: readDocument,
  jsonl: readJsonl,
  warc: readWarc,
  parquet: readParquet,
  // a read that failed (or was skipped) while the input was listed: the finding it became
  failed: (locator) => ({ ok: false, code: locator.code as Extract<ReadResult, { ok: false }>['code'], args: locator.args as Record<string, string | number> }),
};

/** Read `locator` (of `source`) as pass `pass` needs it. */
export function readLocator(locator: Locator, source: DocSource, pass: 1 | 2): ReadResult | Promise<ReadResult> {
  const read = READERS[locator.format];
  if (!read) return { ok: false, code: 'read-failed', args: { reason: `no reader for locators of format "${locator.format}"` } };
  return read(locator, source, pass);
}
