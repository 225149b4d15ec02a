/**
 * Inputs as sources for the engine: each input goes to the format that reads it (a JSON Lines file, by name or
 * with `--jsonl`, is one document per record, streamed; any other file is one document); an argument that named
 * nothing is one failed document, so that every input appears in the report.
 */
import type { Options } from '../options.js';
import type { Source } from '../engine/source.js';
import { outputNames, type InputFile, type MissingInput } from '../io/inputs.js';
import { fileChunks, jsonlFormat, jsonlSources } from './jsonl.js';
import { documentFormat } from './document.js';
import { warcFormat } from './warc.js';
import { parquetFormat } from './parquet.js';
import { failedSource, type Format, type ListOptions } from './format.js';
import { withoutCompression } from './compression.js';

/** How inputs are read as records. */
export interface JsonlChoice {
  /** Read every input as JSON Lines (`--jsonl`, `--format jsonl`), not only `.jsonl` files. */
  all: boolean;
  /** Read every input as WARC (`--format warc`), not only `.warc` and `.wet` files. */
  warc?: boolean;
  /** Field holding the text (`--text-field`). */
  field: string;
}

/** The format that reads this input. */
export function formatOf(file: { rel: string; display: string }, jsonl: JsonlChoice, document: Format = documentFormat()): Format {
  if (jsonl.all) return jsonlFormat;
  if (jsonl.warc || warcFormat.matchesName(file.display)) return warcFormat;
  if (parquetFormat.matchesName(file.display)) return parquetFormat;
  if (jsonlFormat.matchesName(file.display)) return jsonlFormat;
  return document;
}

/** What a format's listing is told of the run: the field holding the text, the largest document read. */
export function listOptions(options: Options, jsonl: JsonlChoice): ListOptions {
  return { field: jsonl.field, maxBytes: options.thresholds['input.maxBytes'] };
}

/** An argument that named nothing readable, as the one failed document it becomes. */
export function missingSource(m: MissingInput): Source {
  return failedSource({ path: m.display, relPath: '' }, m.code ?? 'read-failed', m.args ?? { reason: m.reason });
}

/** Sources for a list of inputs; call once per pass. */
export function inputSources(files: InputFile[], missing: MissingInput[], options: Options, jsonl: JsonlChoice): () => AsyncIterable<Source> {
  // one document format for the run: it keeps a named pipe's bytes from pass 1 for pass 2
  const document = documentFormat();
  const list = listOptions(options, jsonl);
  return async function* () {
    for (const m of missing) yield missingSource(m);
    for (const f of files) yield* formatOf(f, jsonl, document).sources(f, () => fileChunks(f.abs), list);
  };
}

/**
 * The records of standard input (`--jsonl`, `--format warc`); call once per pass. Pass 1 reads standard input and
 * spools it; pass 2 reads the spool — JSON Lines from the spool file itself, in the threads that clean, when it
 * holds all; WARC records never at offsets, from the spool's stream.
 */
export function stdinRecordSources(
  name: string,
  spool: { first(): AsyncIterable<Uint8Array>; again(): AsyncIterable<Uint8Array>; wholeFile: string | undefined },
  choice: JsonlChoice,
  maxBytes: number,
): () => AsyncIterable<Source> {
  const where = { display: name, rel: '' };
  let passes = 0;
  if (choice.warc)
    return async function* () {
      const { warcSources } = await import('./warc.js');
      yield* warcSources(where, () => (passes++ === 0 ? spool.first() : spool.again()), maxBytes);
    };
  return () => (passes++ === 0 ? jsonlSources(where, choice.field, () => spool.first(), maxBytes) : jsonlSources({ ...where, abs: spool.wholeFile }, choice.field, () => spool.again(), maxBytes));
}

/** Output name of each input under the output folder: the extension its format gives (`.txt` for documents). */
export function outputNamesFor(files: InputFile[], jsonl: JsonlChoice): string[] {
  const exts = files.map((f) => formatOf(f, jsonl).outputExt(f.rel));
  // inputs are named apart per extension, as before: documents among themselves, records among themselves
  const byExt = new Map<string, string[]>();
  // a compression suffix is not the extension that is replaced (a.jsonl.gz → a.jsonl.gz, page.html.gz → page.txt)
  for (const ext of new Set(exts)) byExt.set(ext, outputNames(files.filter((_, i) => exts[i] === ext).map((f) => withoutCompression(f.rel)), ext));
  return exts.map((ext) => byExt.get(ext)!.shift()!);
}
