/**
 * The seam every input format goes through. A format lists the documents of an input as `Source`s whose locators
 * are plain data (source.ts), reads one locator on whichever thread cleans it, in either pass, and names the output
 * a folder run writes for it. The engine sees only the sources; nothing outside src/formats/ reads a format's
 * bytes.
 */
import type { DocSource } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';
import type { Locator, Source } from '../engine/source.js';

/** One input to list: how the user named it, where its output goes, and (a file, not standard input) where it is. */
export interface Input {
  display: string;
  rel: string;
  abs?: string;
}

/** What listing needs to know of the run. */
export interface ListOptions {
  /** The field (JSON Lines) or column (Parquet) holding the text (`--text-field`). */
  field: string;
  /** Largest document read (`input.maxBytes`). */
  maxBytes: number;
}

/** Where the bytes of an input come from, from the start, once per call (a file, or standard input's spool). */
export type Open = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface Format {
  /** The name `--format` takes and locators carry. */
  readonly name: string;
  /** Is a file of this name in this format? */
  matchesName(name: string): boolean;
  /** Do these first bytes of a file say it is in this format (a file named otherwise)? */
  matchesMagic?(head: Uint8Array): boolean;
  /** The documents of `input` (call once per pass): at least one, so that every input appears in the report. */
  sources(input: Input, open: Open, options: ListOptions): AsyncIterable<Source>;
  /** Read one of this format's locators, in pass `pass` (pass 1 may skip what only the writer needs). */
  read(locator: Locator, source: DocSource, pass: 1 | 2): ReadResult | Promise<ReadResult>;
  /** The extension an input's output takes in a folder run (`.txt`, `.jsonl`, `.jsonl.gz`). */
  outputExt(rel: string): string;
  /** Can `--check` and `--write` compare and clean a file of this format in place (its output is in its own format)? */
  readonly inPlace: boolean;
}

/** A source that is a failed or skipped read: its locator holds the finding (read.ts reads it back). */
export function failedSource(source: DocSource, code: Extract<ReadResult, { ok: false }>['code'], args: Record<string, string | number>): Source {
  return { source, locator: { format: 'failed', code, args } };
}
