/**
 * Parquet files (what Hugging Face datasets are stored as), read with hyparquet and written with
 * hyparquet-writer: both plain JavaScript with no build step, reading and writing every physical type, nested
 * lists and the logical types (timestamps, decimals…), and snappy, gzip and zstd pages; our own would be the
 * Thrift footer, the page encodings and Dremel's nesting over again.
 *
 * Each row is a document whose text is its `--text-field` column (default `text`); the column is read a row group
 * at a time on the listing thread, and each row's text travels to the thread that cleans it in its locator.
 * Output (`a.parquet` → `a.parquet`): the kept rows, with the cleaned text and every other column as it was,
 * in the input's own schema; written once the file's last row is in, reading the input again a row group at a
 * time. A schema that cannot be written again stops the run before anything is written (`unwritableColumn`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocSource } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';
import type { Locator, Source } from '../engine/source.js';
import { trackTemp, untrackTemp } from '../io/write.js';
import { failedSource, type Format, type Input } from './format.js';
import type { RecordSource } from './jsonl.js';

interface ParquetLocator extends Locator {
  format: 'parquet';
  text: string;
}

/** A row of a Parquet file: which file, for its writer. */
export interface RowSource extends RecordSource {
  /** The input file, read again when the output is written. */
  parquet: string;
}

export const isRowSource = (s: DocSource): s is RowSource => typeof (s as RowSource).parquet === 'string';

type SchemaElement = { name: string; type?: string; num_children?: number; repetition_type?: string; converted_type?: string; logical_type?: { type: string } };

/** The top-level columns of a schema (the root's children), each with its elements (a nested column has several). */
function topColumns(schema: SchemaElement[]): { name: string; elements: SchemaElement[] }[] {
  const columns: { name: string; elements: SchemaElement[] }[] = [];
  let i = 1;
  const span = (at: number): number => {
    let end = at + 1;
    for (let c = 0; c < (schema[at].num_children ?? 0); c++) end = span(end);
    return end;
  };
  while (i < schema.length) {
    const end = span(i);
    columns.push({ name: schema[i].name, elements: schema.slice(i, end) });
    i = end;
  }
  return columns;
}

/** A string column: BYTE_ARRAY, not nested. */
const isTextColumn = (c: { elements: SchemaElement[] }): boolean => c.elements.length === 1 && c.elements[0].type === 'BYTE_ARRAY';

/** The rows of a Parquet input as sources (call once per pass): one per row; a file without the column is one failure. */
export async function* parquetSources(input: Input, field: string): AsyncGenerator<Source> {
  const base = (row?: number): RowSource => ({
    path: row === undefined ? input.display : `${input.display}:${row}`,
    relPath: input.rel,
    file: input.display,
    parquet: input.abs ?? '',
    ...(row === undefined ? {} : { line: row }),
  });
  if (input.abs === undefined) {
    yield failedSource(base(), 'read-failed', { reason: 'Parquet is read from its end: name the file rather than pipe it' });
    return;
  }
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  let row = 0;
  try {
    const file = await asyncBufferFromFile(input.abs);
    const meta = await parquetMetadataAsync(file);
    const columns = topColumns(meta.schema as SchemaElement[]);
    const text = columns.find((c) => c.name === field);
    if (!text || !isTextColumn(text)) {
      yield failedSource(base(), 'parquet-no-column', { column: field, columns: columns.map((c) => c.name).join(', ') });
      return;
    }
    const id = columns.find((c) => c.name === 'id' && c.elements.length === 1);
    for (const group of meta.row_groups) {
      const start = row;
      const rows = await parquetReadObjects({ file, metadata: meta, columns: id ? [field, 'id'] : [field], rowStart: start, rowEnd: start + Number(group.num_rows) });
      for (const r of rows) {
        row++;
        const source = base(row);
        const value = r[field];
        if (id && r.id !== null && r.id !== undefined) source.recordId = String(r.id);
        if (typeof value !== 'string') yield failedSource(source, 'parquet-no-text', { row, column: field });
        else yield { source, locator: { format: 'parquet', text: value, size: value.length } satisfies ParquetLocator };
      }
    }
  } catch (err) {
    yield failedSource(base(row + 1), 'parquet-corrupt', { row: row + 1, reason: (err as Error).message });
    return;
  }
  if (row === 0) yield { source: base(), locator: { format: 'bytes', bytes: new Uint8Array(0), size: 0 } };
}

/** A row's text: already decoded. */
export function readParquet(locator: Locator): ReadResult {
  return { ok: true, bytes: new Uint8Array(0), text: (locator as ParquetLocator).text };
}

export const parquetFormat: Format = {
  name: 'parquet',
  matchesName: (name) => /\.parquet$/i.test(name),
  matchesMagic: (head) => head.length >= 4 && Buffer.from(head.buffer, head.byteOffset, 4).toString('latin1') === 'PAR1',
  sources: (input, _open, options) => parquetSources(input, options.field),
  read: readParquet,
  outputExt: () => '.parquet',
  // its output drops rows (duplicates, empty ones): --write would not be a cleaning in place
  inPlace: false,
};

/**
 * Types hyparquet-writer 0.17 cannot write (its own errors: "unsupported type: INT96", "interval not supported",
 * "bson not supported"); hyparquet cannot read BSON either, and throws outside the read's promise when asked to.
 */
const UNWRITABLE_TYPES = new Set(['INT96']);
const UNWRITABLE_CONVERTED = new Set(['INTERVAL', 'BSON']);

/**
 * The first column of the Parquet file `abs` whose type cannot be written again, with its type; undefined when every
 * one can be. Decided from the schema alone, before a row is read: the run stops before anything is written.
 */
export async function unwritableColumn(abs: string): Promise<{ column: string; reason: string } | undefined> {
  const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
  const meta = await parquetMetadataAsync(await asyncBufferFromFile(abs));
  for (const c of topColumns(meta.schema as SchemaElement[])) {
    const bad = c.elements.find((e) => UNWRITABLE_TYPES.has(e.type ?? '') || UNWRITABLE_CONVERTED.has(e.converted_type ?? ''));
    if (bad) return { column: c.name, reason: `${describeType(bad)} cannot be written by hyparquet-writer` };
  }
  return undefined;
}

const describeType = (e: SchemaElement): string => [e.type ?? 'group', e.logical_type?.type ?? e.converted_type].filter(Boolean).join(' ');

/**
 * The Parquet outputs of a folder run, one file at a time (rows arrive in input order): the kept rows' cleaned
 * texts are gathered, and when the file's last row is in, the output is written through a temporary file renamed
 * into place.
 */
export class ParquetOutputs {
  private current?: { input: string; target: string; texts: Map<number, string>; failed: boolean };

  /** @param field  the text column (`--text-field`) */
  constructor(private readonly field: string) {}

  /** Take a finished row for `target`; an error reading the file (not a row) means no output for it. */
  async add(doc: { source: DocSource; status: string; output?: string }, target: string): Promise<void> {
    const source = doc.source as RowSource;
    if (this.current?.target !== target) {
      await this.close();
      this.current = { input: source.parquet, target, texts: new Map(), failed: false };
    }
    if (source.line === undefined && doc.status === 'error') this.current.failed = true;
    else if (doc.status === 'kept' && doc.output !== undefined && source.line !== undefined)
      this.current.texts.set(source.line, doc.output.endsWith('\n') ? doc.output.slice(0, -1) : doc.output);
  }

  /** Drop the file in hand (on interrupt): nothing is written for it. */
  abort(): void {
    this.current = undefined;
  }

  /** Write the file in hand. */
  async close(): Promise<void> {
    const c = this.current;
    this.current = undefined;
    if (!c || c.failed) return;
    await writeRows(c.input, c.target, c.texts, this.field);
  }
}

/** Write the rows of `input` numbered in `texts` (1-based) to `target`, with those texts in the text column. */
async function writeRows(input: string, target: string, texts: Map<number, string>, field: string): Promise<void> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  const { ParquetWriter, fileWriter } = await import('hyparquet-writer');
  const file = await asyncBufferFromFile(input);
  const meta = await parquetMetadataAsync(file);
  const columns = topColumns(meta.schema as SchemaElement[]);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  trackTemp(tmp);
  try {
    const writer = new ParquetWriter({ writer: fileWriter(tmp), schema: meta.schema, kvMetadata: meta.key_value_metadata });
    let row = 0;
    for (const group of meta.row_groups) {
      const start = row;
      const rows = await parquetReadObjects({ file, metadata: meta, rowStart: start, rowEnd: start + Number(group.num_rows) });
      const kept: Record<string, unknown>[] = [];
      for (const r of rows) {
        row++;
        const text = texts.get(row);
        if (text !== undefined) kept.push({ ...r, [field]: text });
      }
      if (kept.length > 0) writer.write({ columnData: columns.map((c) => ({ name: c.name, data: kept.map((r) => r[c.name]) })) as never, rowGroupSize: kept.length });
    }
    await writer.finish();
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
    untrackTemp(tmp);
  }
}
