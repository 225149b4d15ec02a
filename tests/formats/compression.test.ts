/**
 * Compressed streams: decompressed by their first bytes, a chunk at a time; a damaged one ends with the bytes
 * before the damage and a CorruptStream saying how many; outputs encoded a chunk per member or frame read back whole.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressionOfMagic, compressionOfName, CorruptStream, decompressed, decompressWhole, encoder, prepareEncoders, TooLarge, withoutCompression } from '../../src/formats/compression.js';

const text = Buffer.from(Array.from({ length: 2000 }, (_, i) => `{"id":${i},"text":"line ${i}"}\n`).join(''));
/** `bytes` in chunks of `size`, as a file stream hands them over. */
const chunked = (bytes: Uint8Array, size = 997) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
async function gather(chunks: Iterable<Uint8Array>): Promise<{ bytes: Buffer; error?: unknown; kind?: string }> {
  const got: Uint8Array[] = [];
  let kind: string | undefined = 'unset';
  try {
    for await (const c of decompressed(chunks, (k) => (kind = k))) got.push(c);
  } catch (error) {
    return { bytes: Buffer.concat(got), error, kind };
  }
  return { bytes: Buffer.concat(got), kind };
}

describe('compression by name and by first bytes', () => {
  it('knows .gz and .zst, and gzip and zstd magic', () => {
    expect(compressionOfName('a.jsonl.gz')).toBe('gzip');
    expect(compressionOfName('a.JSONL.ZST')).toBe('zstd');
    expect(compressionOfName('a.jsonl')).toBeUndefined();
    expect(withoutCompression('dir/a.jsonl.zst')).toBe('dir/a.jsonl');
    expect(compressionOfMagic(zlib.gzipSync(text))).toBe('gzip');
    expect(compressionOfMagic(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0]))).toBe('zstd');
    expect(compressionOfMagic(text)).toBeUndefined();
  });
});

describe('decompressed', () => {
  it('passes plain bytes through, and decompresses gzip members one after another', async () => {
    expect(await gather(chunked(text))).toEqual({ bytes: text, kind: undefined });
    const two = Buffer.concat([zlib.gzipSync(text.subarray(0, 1000)), zlib.gzipSync(text.subarray(1000))]);
    expect(await gather(chunked(two))).toEqual({ bytes: text, kind: 'gzip' });
  });

  it('decompresses zstd frames one after another', async () => {
    await prepareEncoders();
    const encode = encoder('zstd');
    const two = Buffer.concat([encode(text.subarray(0, 5000)), encode(text.subarray(5000))]);
    expect(await gather(chunked(two))).toEqual({ bytes: text, kind: 'zstd' });
  });

  it('a gzip stream cut short: the bytes before, then a CorruptStream', async () => {
    const gz = zlib.gzipSync(text);
    const r = await gather(chunked(gz.subarray(0, gz.length - 100)));
    expect(r.error).toBeInstanceOf(CorruptStream);
    expect(r.error).toMatchObject({ compression: 'gzip', reason: 'the stream is cut short' });
    expect(r.bytes.length).toBeGreaterThan(0);
    expect(text.subarray(0, r.bytes.length).equals(r.bytes)).toBe(true);
  });

  it('a zstd frame cut short: a CorruptStream', async () => {
    await prepareEncoders();
    const zs = encoder('zstd')(text);
    const r = await gather(chunked(zs.subarray(0, zs.length - 20)));
    expect(r.error).toBeInstanceOf(CorruptStream);
    expect(r.error).toMatchObject({ compression: 'zstd' });
  });
});

describe('decompressWhole', () => {
  it('a gzip page, within the limit or over it', () => {
    expect(Buffer.from(decompressWhole(zlib.gzipSync(text), 'gzip')).equals(text)).toBe(true);
    expect(() => decompressWhole(zlib.gzipSync(text), 'gzip', 100)).toThrow(TooLarge);
    expect(() => decompressWhole(zlib.gzipSync(text).subarray(0, 50), 'gzip')).toThrow(CorruptStream);
  });
});

describe('encoder', () => {
  it('gives streams that read back as the chunks joined', async () => {
    await prepareEncoders();
    for (const kind of ['gzip', 'zstd'] as const) {
      const encode = encoder(kind);
      const stream = Buffer.concat(chunked(text, 4096).map((c) => encode(c)));
      expect((await gather([stream])).bytes.equals(text), kind).toBe(true);
    }
  });
});
