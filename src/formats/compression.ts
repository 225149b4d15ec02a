/**
 * gzip and zstd around any format: which one a file is in (by its name, or by its first bytes when the name does
 * not say), its bytes decompressed as a stream, and an encoder for outputs that keep the input's compression.
 *
 * Decompression streams, a chunk at a time, in input order, on the thread that lists the records: a 1 GB
 * `.jsonl.zst` never sits in memory, and a worker is never given an offset into compressed bytes (the records'
 * bytes travel in their locators instead; see jsonl.ts).
 *
 * gzip is Node's zlib. zstd is not in Node 20's zlib (it came in Node 23.8): `fzstd` decodes it as a stream in
 * plain JavaScript, and `@bokuweb/zstd-wasm` (the reference C library compiled to WebAssembly, shipped inside the
 * npm package) encodes outputs. Both install from the registry alone, with no build step or download; our own zstd
 * encoder would be thousands of lines of entropy coding.
 */
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

// loaded when first needed: every run imports this module (standard input's, too, where a signal must find the
// handlers in place as soon as it can), few read zstd
const require = createRequire(import.meta.url);
let fzstdModule: typeof import('fzstd') | undefined;
const fzstd = (): typeof import('fzstd') => (fzstdModule ??= require('fzstd') as typeof import('fzstd'));
let zstdCompress: ((bytes: Buffer, level: number) => Uint8Array) | undefined;

export type Compression = 'gzip' | 'zstd';

/** The file name's compression suffix, or undefined. */
export function compressionOfName(name: string): Compression | undefined {
  if (/\.gz$/i.test(name)) return 'gzip';
  if (/\.zst$/i.test(name)) return 'zstd';
  return undefined;
}

/** The name without its compression suffix (`a.jsonl.gz` → `a.jsonl`). */
export const withoutCompression = (name: string): string => name.replace(/\.(gz|zst)$/i, '');

/** The compression the first bytes say (gzip's 1F 8B, zstd's frame magic 28 B5 2F FD), or undefined. */
export function compressionOfMagic(head: Uint8Array): Compression | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return undefined;
}

/** Raised when a compressed stream is damaged or cut short; `at` is how many decompressed bytes came before. */
export class CorruptStream extends Error {
  constructor(
    readonly compression: Compression,
    readonly reason: string,
    readonly at: number,
  ) {
    super(`the ${compression} stream is damaged after ${at} bytes: ${reason}`);
  }
}

/**
 * The decompressed bytes of `chunks`, chosen by the first bytes: compressed streams are decompressed, any other
 * stream is passed through as it is (so a `.jsonl.gz` that is in fact plain, or a pipe of either, reads right).
 * `onKind` hears which it was. A damaged or truncated stream ends with a `CorruptStream` after the bytes before it.
 */
export async function* decompressed(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, onKind?: (kind: Compression | undefined) => void): AsyncGenerator<Uint8Array> {
  const it = (Symbol.asyncIterator in chunks ? (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]() : toAsync(chunks as Iterable<Uint8Array>));
  const first = await it.next();
  if (first.done) {
    onKind?.(undefined);
    return;
  }
  const kind = compressionOfMagic(first.value);
  onKind?.(kind);
  const rest = (async function* () {
    yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  })();
  if (kind === undefined) yield* rest;
  else if (kind === 'gzip') yield* gunzip(rest);
  else yield* unzstd(rest);
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** gzip, members one after another (as `cat a.gz b.gz` and Common Crawl's per-record members make). */
async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const z = zlib.createGunzip({ chunkSize: 1 << 16 });
  let out = 0;
  const feeding = (async () => {
    try {
      for await (const c of chunks) if (!z.write(c)) await new Promise((r) => z.once('drain', r));
      z.end();
    } catch (err) {
      z.destroy(err as Error);
    }
  })();
  try {
    for await (const c of z as AsyncIterable<Buffer>) {
      out += c.length;
      yield c;
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code?.startsWith('Z_') || e.code === 'ERR_ZLIB_INITIALIZATION_FAILED') throw new CorruptStream('gzip', e.code === 'Z_BUF_ERROR' ? 'the stream is cut short' : e.message, out);
    throw err;
  } finally {
    await feeding;
  }
}

/** zstd, frames one after another. */
async function* unzstd(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let ready: Uint8Array[] = [];
  let out = 0;
  let ended = false;
  const d = new (fzstd().Decompress)((data, final) => {
    if (data.length > 0) ready.push(data);
    if (final) ended = true;
  });
  const take = () => {
    const r = ready;
    ready = [];
    for (const c of r) out += c.length;
    return r;
  };
  let pending: Uint8Array | undefined;
  try {
    for await (const c of chunks) {
      // fzstd learns the end of the stream with the last chunk: hold one back
      if (pending) d.push(pending);
      pending = c;
      yield* take();
    }
    d.push(pending ?? new Uint8Array(0), true);
  } catch (err) {
    yield* take();
    throw new CorruptStream('zstd', (err as Error).message, out);
  }
  yield* take();
  if (!ended && pending) throw new CorruptStream('zstd', 'the stream is cut short', out);
}

/** Raised when a whole buffer decompresses to more than its limit. */
export class TooLarge extends Error {}

/** The decompressed bytes of a whole compressed buffer (a single gzip'd page), up to `maxBytes`. Throws a `CorruptStream` or `TooLarge`. */
export function decompressWhole(bytes: Uint8Array, kind: Compression, maxBytes = Infinity): Uint8Array {
  try {
    if (kind === 'gzip') return zlib.gunzipSync(bytes, Number.isFinite(maxBytes) ? { maxOutputLength: Math.max(1, maxBytes) } : {});
    const out: Uint8Array[] = [];
    let ended = false;
    const d = new (fzstd().Decompress)((data, final) => {
      out.push(data);
      if (final) ended = true;
    });
    d.push(bytes, true);
    if (!ended) throw new Error('the stream is cut short');
    const whole = Buffer.concat(out);
    if (whole.length > maxBytes) throw new TooLarge();
    return whole;
  } catch (err) {
    if (err instanceof CorruptStream || err instanceof TooLarge) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    const e = err as NodeJS.ErrnoException;
    throw new CorruptStream(kind, e.code === 'Z_BUF_ERROR' ? 'the stream is cut short' : e.message, 0);
  }
}

let zstdReady: Promise<void> | undefined;

/** Load the zstd encoder (WebAssembly, once per thread); `encoder('zstd')` needs it done. */
export function prepareEncoders(): Promise<void> {
  return (zstdReady ??= import('@bokuweb/zstd-wasm').then(async (z) => {
    await z.init();
    zstdCompress = z.compress;
  }));
}

/**
 * An encoder for output chunks: each chunk becomes a gzip member or a zstd frame of its own, which every reader
 * takes as one stream (both formats define a file as members or frames one after another). zstd needs
 * `prepareEncoders()` done first.
 */
export function encoder(kind: Compression): (chunk: Uint8Array) => Uint8Array {
  // levels: zlib's default, and zstd's (3), which datatrove and dolma write with too
  if (kind === 'gzip') return (chunk) => zlib.gzipSync(chunk);
  const compress = zstdCompress;
  if (!compress) throw new Error('the zstd encoder is not loaded (prepareEncoders)');
  return (chunk) => compress(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), 3);
}
