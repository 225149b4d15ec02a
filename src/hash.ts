/**
 * 64-bit hashing with xxhash-wasm (XXH64), loaded once at module load with a
 * top-level await so every stage can hash synchronously, in the main thread
 * and in workers alike.
 */
import xxhash from 'xxhash-wasm';

const api = await xxhash();

/** XXH64 of the UTF-8 bytes of `text`. */
export function hash64(text: string, seed = 0n): bigint {
  return api.h64(text, seed);
}

/** XXH64 of raw bytes. */
export function hash64Bytes(bytes: Uint8Array, seed = 0n): bigint {
  return api.h64Raw(bytes, seed);
}

/** Characters hashed per update when streaming a long string: bounds the copies made of it. */
const CHUNK_CHARS = 1 << 20;

/**
 * XXH64 of `text` with every whitespace character removed, computed in
 * chunks, so a 300 MB document is never copied whole (neither the folded
 * string nor its UTF-8 bytes). Copies that differ only in spaces and line
 * breaks hash alike.
 */
export function hash64Folded(text: string, seed = 0n): bigint {
  if (text.length <= CHUNK_CHARS) return api.h64(text.replace(/\s+/g, ''), seed);
  const h = api.create64(seed);
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    // never split a surrogate pair: each half would encode as U+FFFD
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    h.update(text.slice(start, end).replace(/\s+/g, ''));
    start = end;
  }
  return h.digest();
}
