/**
 * MinHash signatures by one-permutation hashing (Li, Owen & Zhang 2012): each
 * shingle is hashed once; the hash picks one of K bins and the bin keeps the
 * smallest value it sees. Bins left empty (short texts) are filled by optimal
 * densification (Shrivastava 2017): an empty bin copies the bin that a fixed
 * hash sequence of its index first lands on, so two documents fill their
 * empty bins the same way and bin agreement still estimates Jaccard
 * similarity. Cost: one pass over the shingles instead of K hashes per
 * shingle; no allocation per shingle.
 */
import { fmix32, mixIn, mixKey, mixWord } from './mix.js';
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

/** Reusable scratch space for signing documents one after another. */
export class Signer {
  readonly tokens = new TokenBuffer();
  private filled: Uint8Array;
  /** Each token scrambled once for the bin hash and once for the value hash (see mixKey). */
  private keysA = new Int32Array(1024);
  private keysB = new Int32Array(1024);

  constructor(readonly params: ShingleParams) {
    this.filled = new Uint8Array(params.hashes);
  }

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
    const shingles = count - n + 1;
    const tok = this.tokens.hashes;
    const filled = this.filled;
    filled.fill(0);
    // an empty bin holds the largest value, so the first shingle in it always wins
    out.fill(0xffffffff);
    if (n === 5) shingle5(tok, count, out, filled);
    else {
      if (this.keysA.length < count) {
        this.keysA = new Int32Array(tok.length);
        this.keysB = new Int32Array(tok.length);
      }
      const ka = this.keysA;
      const kb = this.keysB;
      for (let i = 0; i < count; i++) {
        ka[i] = mixKey(tok[i]);
        kb[i] = mixKey(tok[i] ^ VALUE_KEY);
      }
      shingleN(ka, kb, count, n, out, filled);
    }
    densify(out, filled);
    return shingles;
  }
}

/** Folded into a token before it is scrambled for the value hash, so the two hashes of a shingle differ. */
const VALUE_KEY = 0x9e3779b9;

/**
 * Hash every shingle of `n` tokens (given scrambled, see mixKey) into its bin:
 * the bin hash picks the bin, the value hash competes for its minimum.
 */
function shingleN(ka: Int32Array, kb: Int32Array, count: number, n: number, out: Uint32Array, filled: Uint8Array): void {
  const K = out.length;
  const inverse = 1 / K;
  const seedA = SEED_BIN ^ n;
  const seedB = SEED_VALUE ^ n;
  for (let i = 0, shingles = count - n + 1; i < shingles; i++) {
    let a = seedA;
    let b = seedB;
    for (let j = i, end = i + n; j < end; j++) {
      a = mixWord(a, ka[j]);
      b = mixWord(b, kb[j]);
    }
    const bin = binOf(a, K, inverse);
    const v = fmix32(b);
    if (v < out[bin]) out[bin] = v;
    filled[bin] = 1;
  }
}

/**
 * `fmix32(h) % K` without a division: `inverse` is 1 / K, and the quotient is
 * ⌊(x + ½) · inverse⌋ in double precision — exact, since x < 2^32 leaves an
 * error under 2^-20, far inside the ½ / K margin the half adds on both sides
 * for K up to 2^18. `%` by a K known only at run time is a hardware division
 * (V8 even takes it through floating point for a uint32 past 2^31): this
 * made the shingle loop a third faster.
 */
function binOf(h: number, K: number, inverse: number): number {
  const x = fmix32(h);
  return x - Math.floor((x + 0.5) * inverse) * K;
}

/**
 * `shingleN` for 5 tokens, the default shingle in both modes: each token is
 * scrambled once as it enters the window, and the window slides through
 * locals — no inner loop, no arrays of scrambled tokens (a third faster,
 * measured on the bench corpus).
 */
function shingle5(tok: Uint32Array, count: number, out: Uint32Array, filled: Uint8Array): void {
  const K = out.length;
  const inverse = 1 / K;
  const seedA = SEED_BIN ^ 5;
  const seedB = SEED_VALUE ^ 5;
  let a0 = mixKey(tok[0]), a1 = mixKey(tok[1]), a2 = mixKey(tok[2]), a3 = mixKey(tok[3]);
  let b0 = mixKey(tok[0] ^ VALUE_KEY), b1 = mixKey(tok[1] ^ VALUE_KEY), b2 = mixKey(tok[2] ^ VALUE_KEY), b3 = mixKey(tok[3] ^ VALUE_KEY);
  for (let i = 4; i < count; i++) {
    const a4 = mixKey(tok[i]);
    const b4 = mixKey(tok[i] ^ VALUE_KEY);
    const a = mixWord(mixWord(mixWord(mixWord(mixWord(seedA, a0), a1), a2), a3), a4);
    const b = mixWord(mixWord(mixWord(mixWord(mixWord(seedB, b0), b1), b2), b3), b4);
    const bin = binOf(a, K, inverse);
    const v = fmix32(b);
    if (v < out[bin]) out[bin] = v;
    filled[bin] = 1;
    a0 = a1;
    a1 = a2;
    a2 = a3;
    a3 = a4;
    b0 = b1;
    b1 = b2;
    b2 = b3;
    b3 = b4;
  }
}

let cached: { key: string; signer: Signer } | undefined;

/** One signer per thread and parameter set (it holds scratch buffers); a signature must not be kept in them. */
export function signerFor(params: ShingleParams): Signer {
  const key = `${params.wordShingle} ${params.charShingle} ${params.charShingleShare} ${params.hashes}`;
  if (cached?.key !== key) cached = { key, signer: new Signer(params) };
  return cached.signer;
}

/** Fill empty bins from non-empty ones along a per-bin hash sequence (needs one filled bin). */
function densify(sig: Uint32Array, filled: Uint8Array): void {
  const K = sig.length;
  const inverse = 1 / K;
  for (let i = 0; i < K; i++) {
    if (filled[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = binOf(mixIn(i, attempt), K, inverse);
      if (filled[j]) {
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
