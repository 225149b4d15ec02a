/**
 * Whole files as one document each: HTML pages and plain text (the stages tell them apart by their bytes). A
 * regular file is read by whichever thread cleans it; a pipe named as an input, or standard input, is read once,
 * here, and its bytes travel in the locator.
 */
import fs from 'node:fs';
import type { DocSource } from '../doc.js';
import { readInput, type ReadResult } from '../io/read.js';
import type { Locator, Source } from '../source.js';
import { failedSource, type Format, type Input, type ListOptions } from './format.js';

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
  };
}

/** Read a document's locator: a file from the disk, bytes as they came. */
export function readDocument(locator: Locator): ReadResult | Promise<ReadResult> {
  if (locator.format === 'bytes') return { ok: true, bytes: (locator as BytesLocator).bytes };
  const { abs, maxBytes } = locator as FileLocator;
  return readInput(abs, maxBytes);
}

function isPipe(abs: string): boolean {
  try {
    return fs.statSync(abs).isFIFO();
  } catch {
    return false;
  }
}
