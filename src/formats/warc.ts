/**
 * WARC and WET files (WARC/1.0 and 1.1; plain, gzip'd per record as Common Crawl writes them, or zstd'd), read with
 * warcio (Webrecorder's reader: it parses WARC and HTTP headers, de-chunks and decodes `Content-Encoding`).
 *
 * Documents: `response` (and `resource`) records whose payload is HTML or text, with the HTTP header's charset as
 * a declared encoding; WET `conversion` records, text in UTF-8. Every other record (`request`, `metadata`,
 * `warcinfo`, `revisit`, images, PDFs…) is listed as skipped with its reason, so the report accounts for each.
 *
 * The file is read once per pass, in order, on the listing thread (decompressed by compression.ts, with zlib, not
 * warcio's JavaScript inflate): each record's payload travels to the thread that cleans it in its locator, never
 * as an offset into the compressed file. Memory is bounded by the largest record.
 *
 * Output: records of JSON Lines, gzip'd (`a.warc.gz` → `a.jsonl.gz`): `{"id": WARC-Record-ID, "url":
 * WARC-Target-URI, "date": WARC-Date, "text": …}`, spliced by the JSON Lines writer like any record.
 */
import type { DocSource } from '../record/doc.js';
import type { ReadResult } from '../io/read.js';
import type { Locator, Source } from '../engine/source.js';
import { StdinOverflow } from '../io/stdin.js';
import { failedSource, type Format, type Input, type Open } from './format.js';
import { CorruptStream, decompressed, withoutCompression } from './compression.js';
import type { RecordSource } from './jsonl.js';

interface WarcLocator extends Locator {
  format: 'warc';
  bytes: Uint8Array;
  /** The charset the HTTP `Content-Type` header declares (WET text is UTF-8). */
  charset?: string;
}

/** Payload types read as documents: HTML, XHTML and plain text (a missing type is sniffed by the stages). */
const TEXT_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|text\/xml|application\/xml)\b/i;

/** Is this file WARC or WET by its name (`.warc`, `.warc.gz`, `.wet`, `.warc.wet.gz`, `.warc.zst`)? */
export const isWarcName = (name: string): boolean => /\.(warc|wet)$/i.test(withoutCompression(name));

/** The first bytes of a WARC file, once decompressed. */
export const isWarcMagic = (head: Uint8Array): boolean => Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 5)).toString('latin1') === 'WARC/';

/** The charset named in a `Content-Type` header value. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/**
 * warcio says that a record's Content-Length was too small (the record is not followed by its blank lines) with a
 * `console.warn` and reads on: the warning is taken here instead, and makes the record a `warc-corrupt` finding.
 */
let warned: string | undefined;
const consoleWarn = console.warn;
function watchWarnings(): void {
  if (console.warn !== consoleWarn) return;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('Content-Length Too Small')) warned = text.replace(/^Content-Length Too Small: /, '');
    else consoleWarn(...args);
  };
}
function takeWarning(): string | undefined {
  const w = warned;
  warned = undefined;
  return w;
}

/** Throws when the file ended before the record's Content-Length did (warcio hands over what there was). */
function cutShort(record: { _reader: unknown }): void {
  const left = (record._reader as { limit?: number }).limit;
  if (typeof left === 'number' && left > 0) throw new Error(`the file ends ${left} bytes before the record's Content-Length says it does`);
}

/** Why a record is not a document, or undefined when it is one. */
function skipReason(type: string, payloadType: string | undefined, status: number | undefined): string | undefined {
  if (type === 'conversion') return undefined;
  if (type !== 'response' && type !== 'resource') return `a ${type} record`;
  if (status !== undefined && (status < 200 || status >= 300)) return `HTTP status ${status}`;
  if (payloadType && !TEXT_TYPES.test(payloadType)) return `a payload of type ${payloadType.split(';')[0].trim()}`;
  return undefined;
}

/**
 * The records of a WARC input as sources (call once per pass): one per record, documents or skipped, then (if the
 * file is damaged) one failed source naming the record where reading stopped. An empty file is one empty document.
 */
export async function* warcSources(input: Input, open: Open, maxBytes: number): AsyncGenerator<Source> {
  const { WARCParser } = await import('warcio');
  watchWarnings();
  takeWarning();
  let n = 0;
  let offset = 0;
  /** Set while a record is being read: an error then concerns record `n`, else the one after. */
  let inRecord = false;
  const base = (): RecordSource => ({ path: `${input.display}:${n}`, relPath: input.rel, line: n, file: input.display, compression: 'gzip' });
  try {
    const parser = new WARCParser(decompressed(open()), { keepHeadersCase: false });
    for await (const record of parser) {
      n++;
      inRecord = true;
      offset = parser.offset;
      const tooSmall = takeWarning();
      if (tooSmall) throw new Error(`the record before ends where its Content-Length does not say (${tooSmall})`);
      const type = record.warcType;
      // a record that does not begin with a WARC header: the Content-Length of the one before it was wrong
      if (!type || !record.warcHeaders.protocol?.startsWith('WARC/')) throw new Error('no WARC header where a record should begin (the Content-Length of the record before is wrong)');
      const source = base();
      const id = record.warcHeader('WARC-Record-ID');
      if (id) source.recordId = id;
      const http = record.httpHeaders;
      const payloadType = http ? (http.headers.get('content-type') ?? undefined) : (record.warcContentType ?? undefined);
      const status = http?.statusCode !== undefined ? Number(http.statusCode) : undefined;
      const reason = skipReason(type, type === 'conversion' ? undefined : payloadType, Number.isFinite(status) ? status : undefined);
      if (reason) {
        await record.skipFully();
        cutShort(record);
        inRecord = false;
        yield failedSource(source, 'warc-record-skipped', { record: n, offset, reason });
        continue;
      }
      if (record.warcContentLength > maxBytes) {
        await record.skipFully();
        cutShort(record);
        inRecord = false;
        yield failedSource(source, 'too-large', { size: record.warcContentLength, limit: maxBytes });
        continue;
      }
      const bytes = await record.readFully(true);
      cutShort(record);
      // the output record: its fields, and an empty text that the writer replaces with the cleaned one
      const head = JSON.stringify({ id: id ?? null, url: record.warcTargetURI ?? null, date: record.warcDate ?? null });
      source.frame = Buffer.from(`${head.slice(0, -1)},"text":""}`);
      source.textSpan = { start: source.frame.length - 3, end: source.frame.length - 1 };
      const charset = type === 'conversion' ? 'utf-8' : charsetOf(payloadType);
      inRecord = false;
      yield { source, locator: { format: 'warc', bytes, size: bytes.length, ...(charset ? { charset } : {}) } satisfies WarcLocator };
    }
    const tooSmall = takeWarning();
    if (tooSmall) throw new Error(`the record ends where its Content-Length does not say (${tooSmall})`);
  } catch (err) {
    if (err instanceof StdinOverflow) throw err;
    // a damaged file: the records before stand; reading stops at the record that could not be read
    const reason = err instanceof CorruptStream ? err.message : (err as Error).message;
    // the damaged record is the one being read, or else the next
    if (!inRecord) n++;
    yield failedSource(base(), 'warc-corrupt', { record: n, offset, reason });
    return;
  }
  if (n === 0) yield { source: { path: input.display, relPath: input.rel, file: input.display } as RecordSource, locator: { format: 'bytes', bytes: new Uint8Array(0), size: 0 } };
}

/** A record's payload, with the charset its headers declare. */
export function readWarc(locator: Locator, _source: DocSource): ReadResult {
  const { bytes, charset } = locator as WarcLocator;
  return { ok: true, bytes, ...(charset ? { charset } : {}) };
}

export const warcFormat: Format = {
  name: 'warc',
  matchesName: isWarcName,
  matchesMagic: isWarcMagic,
  sources: (input, open, options) => warcSources(input, open, options.maxBytes),
  read: readWarc,
  outputExt: () => '.jsonl.gz',
  // its output is JSON Lines: a WARC file is never overwritten with it
  inPlace: false,
};
