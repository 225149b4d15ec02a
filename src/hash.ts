/**
 * 64-bit hashing with xxhash-wasm (XXH64), loaded once at module load with a
 * top-level await so every stage can hash synchronously, in the main thread
 * and in workers alike.
 */
import xxhash from 'xxhash-wasm';
import { compactTable, unitsMatching, type UnitTable } from './unit-table.js';

const api = await xxhash();

/** XXH64 of the UTF-8 bytes of `text`. */
export function hash64(text: string, seed = 0n): bigint {
  return api.h64(text, seed);
}

/** XXH64 of raw bytes. */
export function hash64Bytes(bytes: Uint8Array, seed = 0n): bigint {
  return api.h64Raw(bytes, seed);
}

/** Code units folded per piece; a longer text is hashed as a stream of such pieces, never copied whole. */
const FOLD_CHUNK = 1 << 15;
/** The folded code units of the piece being hashed (one more: a high surrogate carried over from the last piece). */
const units = new Uint16Array(FOLD_CHUNK + 1);
const unitBytes = new Uint8Array(units.buffer);

let keepTable: UnitTable<Uint8Array> | undefined;
/** 1 for every code unit folding keeps, 0 for the whitespace `\s` matches (in two levels: unit-table.ts). */
function keeps(): UnitTable<Uint8Array> {
  return (keepTable ??= compactTable(unitsMatching(/\s/u).map((space) => 1 - space)));
}

/**
 * 64-bit hash of `text` (of `text[start, end)` when given) with every
 * whitespace character removed: XXH64 of the UTF-16 code units of
 * `text.replace(/\s+/g, '')`, an unpaired surrogate counted as U+FFFD (as
 * UTF-8 has it; a high and a low surrogate that only whitespace parted make
 * one character). Copies that differ only in spaces and line breaks hash
 * alike. The folded text is never built: code units go through a lookup
 * table into a scratch buffer, piece by piece, so a 300 MB document is never
 * copied whole.
 */
export function hash64Folded(text: string, seed = 0n, start = 0, end = text.length): bigint {
  return foldedHash(text, start, end, seed) ?? api.h64Raw(unitBytes.subarray(0, 0), seed);
}

/** `hash64Folded(text, 0n, start, end)`, or undefined when that range holds nothing but whitespace. */
export function hash64FoldedOrNone(text: string, start = 0, end = text.length): bigint | undefined {
  return foldedHash(text, start, end, 0n);
}

function foldedHash(text: string, start: number, end: number, seed: bigint): bigint | undefined {
  const { index, data } = keeps();
  const buf = units;
  let stream: ReturnType<typeof api.create64> | undefined;
  let any = false;
  let carried = 0;
  for (let i = start; i < end; ) {
    const stop = Math.min(end, i + FOLD_CHUNK);
    let n = carried;
    let surrogates = carried > 0;
    // no branch on the character: it is written, and the end moves on only if it is kept
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      buf[n] = c;
      n += data[index[c >>> 8] + (c & 0xff)];
      if ((c & 0xf800) === 0xd800) surrogates = true;
    }
    carried = 0;
    if (surrogates && n > 0) {
      // a high surrogate last in the piece may pair with the first kept unit of the next one
      if (i < end && buf[n - 1] >= 0xd800 && buf[n - 1] <= 0xdbff) {
        n--;
        carried = 1;
      }
      pairSurrogates(buf, n);
    }
    if (n === 0) continue;
    any = true;
    if (i >= end && !stream) return api.h64Raw(unitBytes.subarray(0, 2 * n), seed);
    (stream ??= api.create64(seed)).update(unitBytes.subarray(0, 2 * n));
    if (carried) buf[0] = buf[n];
  }
  return any ? stream!.digest() : undefined;
}

/** Replace every unpaired surrogate among `buf[0, n)` by U+FFFD. */
function pairSurrogates(buf: Uint16Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const c = buf[k];
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && k + 1 < n && buf[k + 1] >= 0xdc00 && buf[k + 1] <= 0xdfff) k++;
    else buf[k] = 0xfffd;
  }
}
