/**
 * MinHash signatures by one-permutation hashing (Li, Owen & Zhang 2012): each
 * shingle is hashed once; the hash picks one of K bins and the bin keeps the
 * smallest value it sees. Bins left empty (short texts) are filled by optimal
 * densification (Shrivastava 2017): an empty bin copies the bin that a fixed
 * hash sequence of its index first lands on, so two documents fill their
 * empty bins the same way and bin agreement still estimates Jaccard
 * similarity. Cost: one pass over the shingles instead of K hashes per
 * shingle, each shingle hashed by a rolling hash in two multiplications; no
 * allocation per shingle.
 */
import { fmix32, fmixSigned, mixIn } from '../kit/mix.js';
import { tokenize, TokenBuffer, type ShingleMode } from './tokens.js';
import { unspacedShare, type Ranges } from './script.js';

/** How texts are cut and signed; see the `dedup.*` thresholds. */
export interface ShingleParams {
  /** Tokens per shingle for word-mode texts. */
  wordShingle: number;
  /** Characters per shingle for char-mode texts. */
  charShingle: number;
  /** Share of letters from unspaced scripts at or above which a text is shingled by characters. */
  charShingleShare: number;
  /** Signature length K (number of bins). */
  hashes: number;
}

const SEED_BIN = 0x2545f491;
const SEED_VALUE = 0x68e31da4;

/**
 * Odd multiplier of the rolling shingle hash (the golden-ratio constant of
 * Fibonacci hashing, Knuth TAOCP vol. 3 §6.4): odd, so multiplying by it is a
 * bijection mod 2^32 and a window loses no token.
 */
const ROLL = 0x9e3779b1 | 0;

/** Largest signature length K (the bound of `dedup.hashes`). */
const MAX_BINS = 1024;
/**
 * The bins and their "filled" marks while a document is signed, shared by
 * every signer of the thread (a signature is copied out before the next):
 * module-level constants, so the shingle loop's stores do not make it load
 * them again at every shingle (kit/unit-table.ts, "Tables in hot loops").
 */
const BINS = new Uint32Array(MAX_BINS);
const FILLED = new Uint8Array(MAX_BINS);

/** Reusable scratch space for signing documents one after another. */
export class Signer {
  readonly tokens = new TokenBuffer();

  constructor(readonly params: ShingleParams) {}

  /** Shingling mode for a text (its `ranges` when given), by its script share. */
  mode(text: string, ranges?: Ranges, share = unspacedShare(text, ranges)): ShingleMode {
    return share >= this.params.charShingleShare ? 'char' : 'word';
  }

  /**
   * Sign `text` into `out` (length K); with `ranges`, only those parts of it,
   * as if joined by line breaks; `share` is their `unspacedShare`, when the
   * caller has it. Returns the number of shingles; 0 means the text has no
   * letters and `out` holds nothing meaningful. A text with fewer tokens than
   * the shingle size is one shingle (all of it).
   */
  sign(text: string, out: Uint32Array, ranges?: Ranges, share?: number): number {
    const mode = this.mode(text, ranges, share);
    return this.signTokens(mode, tokenize(text, mode, this.tokens, ranges), out);
  }

  /** Sign the first `count` of `this.tokens`, cut for `mode`, into `out`: what `sign` does once it has cut them. */
  signTokens(mode: ShingleMode, count: number, out: Uint32Array): number {
    const n0 = mode === 'char' ? this.params.charShingle : this.params.wordShingle;
    if (count === 0) return 0;
    const n = Math.min(n0, count);
    const K = out.length;
    if (K > MAX_BINS) throw new RangeError(`MinHash signature length ${K} is over ${MAX_BINS}`);
    FILLED.fill(0, 0, K);
    // an empty bin holds the largest value, so the first shingle in it always wins
    BINS.fill(0xffffffff, 0, K);
    shingle(this.tokens.hashes, count, n, K);
    out.set(BINS.subarray(0, K));
    densify(out);
    return count - n + 1;
  }
}

/**
 * Hash every shingle of `n` tokens into its bin, one of the first K of BINS
 * (FILLED marks it): the bin hash picks the bin, the value hash competes for
 * its minimum. A shingle's hash is a polynomial
 * in its tokens, `Σ tok[i + j] · ROLL^(n − 1 − j)` mod 2^32 (Karp & Rabin
 * 1987), kept as the window slides: one token in and one out is two
 * multiplications, whatever `n`, where mixing the `n` tokens afresh for each
 * shingle, twice (bin and value), took ten block steps of MurmurHash3 (with
 * `binOf`, 137 → 87 ms self for the shingle loop on 32 MB of JSON Lines). The
 * estimates are as good: on 400 pairs at each of six lengths and edit rates,
 * words or Han characters, bias under 0.004 and spread 0.030–0.043 either
 * way. The tokens are already mixed 32-bit hashes
 * (tokens.ts, fold-tokens.ts), so the sum needs no scrambling of its own; the
 * bin and the value are two finalisations of it under different seeds.
 */
function shingle(tok: Uint32Array, count: number, n: number, K: number): void {
  const seedA = SEED_BIN ^ n;
  const seedB = SEED_VALUE ^ n;
  // ROLL^(n − 1): the weight of the token that leaves the window next
  let top = 1;
  for (let j = 1; j < n; j++) top = Math.imul(top, ROLL);
  let h = 0;
  for (let j = 0; j < n - 1; j++) h = (Math.imul(h, ROLL) + tok[j]) | 0;
  for (let i = n - 1; i < count; i++) {
    h = (Math.imul(h, ROLL) + tok[i]) | 0;
    const bin = binOf(h ^ seedA, K);
    const v = fmix32(h ^ seedB);
    if (v < BINS[bin]) BINS[bin] = v;
    FILLED[bin] = 1;
    h = (h - Math.imul(tok[i - n + 1], top)) | 0;
  }
}

/**
 * The bin of hash `h` among K: the high 16 bits of `fmix32(h)` scaled to K
 * (Lemire 2019, "Fast random integer generation in an interval": a multiply
 * and a shift in place of `%`), exact in double precision for K up to 2^16
 * (`dedup.hashes` stops at 1024) and off from uniform by under K / 2^16. `%`
 * by a K known only at run time is a hardware division, and the quotient by
 * a multiplied inverse went through floating point: with it the shingle loop
 * took 7.2 ns a shingle, with this 4.9 (micro-benchmark, 2,000 tokens).
 */
function binOf(h: number, K: number): number {
  return ((fmixSigned(h) >>> 16) * K) >>> 16;
}

let cached: { key: string; signer: Signer } | undefined;

/** One signer per thread and parameter set (it holds scratch buffers); a signature must not be kept in them. */
export function signerFor(params: ShingleParams): Signer {
  const key = `${params.wordShingle} ${params.charShingle} ${params.charShingleShare} ${params.hashes}`;
  if (cached?.key !== key) cached = { key, signer: new Signer(params) };
  return cached.signer;
}

/** Fill empty bins from non-empty ones (FILLED) along a per-bin hash sequence (needs one filled bin). */
function densify(sig: Uint32Array): void {
  const K = sig.length;
  for (let i = 0; i < K; i++) {
    if (FILLED[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = binOf(mixIn(i, attempt), K);
      if (FILLED[j]) {
        sig[i] = sig[j];
        break;
      }
    }
  }
}

/** Estimated Jaccard similarity: the share of bins where two signatures agree. */
export function estimate(a: Uint32Array, aOff: number, b: Uint32Array, bOff: number, K: number): number {
  let same = 0;
  for (let i = 0; i < K; i++) if (a[aOff + i] === b[bOff + i]) same++;
  return same / K;
}
