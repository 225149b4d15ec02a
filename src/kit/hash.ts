/**
 * 64-bit hashing with xxhash-wasm (XXH64), loaded once at module load with a
 * top-level await so every stage can hash synchronously, in the main thread
 * and in workers alike.
 */
import xxhash from 'xxhash-wasm';
import { compactTable, unitsMatching, type UnitTable } from './unit-table.js';
import { unitWindow, unitsAt } from './text-units.js';

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

// built when the module loads and read by FoldedHash.add through module-level constants: see kit/unit-table.ts,
// "Tables in hot loops"
/** 1 for every code unit folding keeps, 0 for the whitespace `\s` matches (in two levels: kit/unit-table.ts). */
export const FOLD_KEEPS: UnitTable<Uint8Array> = compactTable(unitsMatching(/\s/u).map((space) => 1 - space));
const KEEP_INDEX = FOLD_KEEPS.index;
const KEEP_DATA = FOLD_KEEPS.data;

/**
 * The 64-bit hash of a text with every whitespace character removed, fed
 * range by range: XXH64 of the UTF-16 code units of `text.replace(/\s+/g,
 * '')`, an unpaired surrogate counted as U+FFFD (as UTF-8 has it; a high and
 * a low surrogate that only whitespace parted make one character). Copies
 * that differ only in spaces and line breaks hash alike.
 *
 * The folded text is never built: code units go through a lookup table into
 * `units`, piece by piece, so a 300 MB document is never copied whole. A
 * loop that folds on its own (see dedup/scan.ts) writes `units[n]` and moves
 * `n` on by the unit's entry in `FOLD_KEEPS`, sets `surrogates` when it
 * wrote one, and calls `flush()` before `n` passes `FOLD_CHUNK`.
 */
export class FoldedHash {
  static readonly CHUNK = FOLD_CHUNK;
  /** Folded code units not hashed yet (slack past CHUNK for a loop's last step). */
  readonly units = new Uint16Array(FOLD_CHUNK + 8);
  private readonly bytes = new Uint8Array(this.units.buffer);
  n = 0;
  surrogates = false;
  private stream: ReturnType<typeof api.create64> | undefined;
  private any = false;
  private seed = 0n;

  /** Start a new text. */
  reset(seed = 0n): this {
    this.n = 0;
    this.surrogates = false;
    this.stream = undefined;
    this.any = false;
    this.seed = seed;
    return this;
  }

  /** Fold `text[start, end)` in. */
  add(text: string, start: number, end: number): void {
    const buf = this.units;
    for (let i = start; i < end; ) {
      if (this.n >= FOLD_CHUNK) this.flush();
      const units = unitsAt(text, i, end);
      const base = unitWindow.from;
      let n = this.n;
      let surrogates = false;
      // no branch on the character: it is written, and the end moves on only if it is kept
      for (const stop = Math.min(end, unitWindow.to, i + FOLD_CHUNK - n); i < stop; i++) {
        const c = units[i - base];
        buf[n] = c;
        n += KEEP_DATA[KEEP_INDEX[c >>> 8] + (c & 0xff)];
        if ((c & 0xf800) === 0xd800) surrogates = true;
      }
      this.n = n;
      if (surrogates) this.surrogates = true;
    }
  }

  /** Hash the units gathered so far, but a last high surrogate, which the next unit may complete. */
  flush(): void {
    let n = this.n;
    let carried = false;
    if (this.surrogates && n > 0) {
      if (this.units[n - 1] >= 0xd800 && this.units[n - 1] <= 0xdbff) {
        n--;
        carried = true;
      }
      pairSurrogates(this.units, n);
    }
    if (n > 0) {
      this.any = true;
      (this.stream ??= api.create64(this.seed)).update(this.bytes.subarray(0, 2 * n));
    }
    this.units[0] = this.units[n];
    this.n = carried ? 1 : 0;
    this.surrogates = carried;
  }

  /** The hash of everything added, or undefined when it was all whitespace. */
  digest(): bigint | undefined {
    const n = this.n;
    if (this.surrogates) pairSurrogates(this.units, n);
    if (n === 0 && !this.any) return undefined;
    // the usual text fits one piece: hashed in one call
    if (!this.stream) return api.h64Raw(this.bytes.subarray(0, 2 * n), this.seed);
    return this.stream.update(this.bytes.subarray(0, 2 * n)).digest();
  }
}

const folder = new FoldedHash();

/**
 * 64-bit hash of `text` (of `text[start, end)` when given) with every
 * whitespace character removed (see FoldedHash).
 */
export function hash64Folded(text: string, seed = 0n, start = 0, end = text.length): bigint {
  folder.reset(seed).add(text, start, end);
  return folder.digest() ?? api.h64Raw(new Uint8Array(0), seed);
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
