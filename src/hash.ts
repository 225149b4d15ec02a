/**
 * 64-bit hashing with xxhash-wasm (XXH64), loaded once at module load with a
 * top-level await so every stage can hash synchronously, in the main thread
 * and in workers alike.
 */
import xxhash from 'xxhash-wasm';

const api = await xxhash();
const encoder = new TextEncoder();

/** XXH64 of the UTF-8 bytes of `text`. */
export function hash64(text: string, seed = 0n): bigint {
  return api.h64(text, seed);
}

/** XXH64 of raw bytes. */
export function hash64Bytes(bytes: Uint8Array, seed = 0n): bigint {
  return api.h64Raw(bytes, seed);
}

/** XXH32 of the UTF-8 bytes of `text` (for cheap 32-bit keys). */
export function hash32(text: string, seed = 0): number {
  return api.h32(text, seed);
}

/** The UTF-8 bytes of a string (shared encoder). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
