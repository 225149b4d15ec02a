/**
 * Whole files as one document each: HTML pages and plain text (the stages tell them apart by their bytes). A
 * regular file is read by whichever thread cleans it; a pipe named as an input, or standard input, is read once,
 * here, and its bytes travel in the locator.
 */
import fs from 'node:fs';
import type { DocSource } from '../record/doc.js';
import { readInput, type ReadResult } from '../io/read.js';
import type { Locator, Source } from '../engine/source.js';
import { failedSource, type Format, type Input, type ListOptions } from './format.js';
import { compressionOfMagic, decompressWhole, TooLarge, type CorruptStream } from './compression.js';

/** A locator of a regular file, read whole (up to `maxBytes`) where it is cleaned. */
interface FileLocator extends Locator {
  format: 'file';
  abs: string;
  maxBytes: number;
}

/** A locator carrying a document's bytes. */
interface BytesLocator extends Locator {
  format: 'bytes';
  bytes: Uint8Array;
}

/** The source of a document whose bytes are in hand (standard input), or that was too large to hold. */
export function bytesSource(source: DocSource, bytes: Uint8Array | undefined, size: number, maxBytes: number): Source {
  if (bytes === undefined) return failedSource(source, 'too-large', { size, limit: maxBytes });
  return { source, locator: { format: 'bytes', bytes, size: bytes.length } satisfies BytesLocator };
}

/** The source of a read that has finished (a pipe's bytes, or why there are none). */
function readSource(source: DocSource, read: ReadResult): Source {
  if (!read.ok) return failedSource(source, read.code, read.args);
  return { source, locator: { format: 'bytes', bytes: read.bytes, size: read.bytes.length } satisfies BytesLocator };
}

/**
 * Whole-file documents. A pipe named as an input (`<(curl …)`, a FIFO) can be read only once: `once` keeps its
 * bytes from pass 1 for pass 2.
 */
export function documentFormat(once = new Map<string, Promise<ReadResult>>()): Format {
  return {
    name: 'document',
    matchesName: () => true,
    async *sources(input: Input, _open, options: ListOptions) {
      const source: DocSource = { path: input.display, relPath: input.rel };
      if (input.abs === undefined) throw new Error('a document without a file is listed by bytesSource');
      if (!isPipe(input.abs)) {
        yield { source, locator: { format: 'file', abs: input.abs, maxBytes: options.maxBytes } satisfies FileLocator };
        return;
      }
      const kept = once.get(input.abs);
      once.delete(input.abs);
      const read = kept ?? readInput(input.abs, options.maxBytes);
      if (!kept) once.set(input.abs, read);
      yield readSource(source, await read);
    },
    read: readDocument,
    outputExt: () => '.txt',
    inPlace: true,
  };
}

/** Read a document's locator: a file from the disk, bytes as they came; a gzip'd or zstd'd page is decompressed. */
export function readDocument(locator: Locator): ReadResult | Promise<ReadResult> {
  if (locator.format === 'bytes') return uncompressed({ ok: true, bytes: (locator as BytesLocator).bytes }, Infinity);
  const { abs, maxBytes } = locator as FileLocator;
  const read = readInput(abs, maxBytes);
  return read instanceof Promise ? read.then((r) => uncompressed(r, maxBytes)) : uncompressed(read, maxBytes);
}

/** A read page as it was before it was compressed (`page.html.gz`), within the size limit; any other as it is. */
function uncompressed(read: ReadResult, maxBytes: number): ReadResult {
  if (!read.ok) return read;
  const kind = compressionOfMagic(read.bytes);
  if (!kind) return read;
  try {
    const bytes = decompressWhole(read.bytes, kind, maxBytes);
    return { ok: true, bytes };
  } catch (err) {
    if (err instanceof TooLarge) return { ok: false, code: 'too-large', args: { size: `more than ${maxBytes} once decompressed`, limit: maxBytes } };
    const e = err as CorruptStream;
    return { ok: false, code: 'input-corrupt', args: { compression: e.compression, reason: e.reason, records: 0, offset: e.at } };
  }
}

function isPipe(abs: string): boolean {
  try {
    return fs.statSync(abs).isFIFO();
  } catch {
    return false;
  }
}
