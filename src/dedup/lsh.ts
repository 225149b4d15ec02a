/**
 * A MinHash index with LSH banding (Leskovec, Rajaraman & Ullman, *Mining of
 * Massive Datasets*, ch. 3.4): a signature of `bands × rows` values is cut
 * into bands; two documents are candidates when all rows of at least one band
 * agree, which happens with probability 1 − (1 − s^rows)^bands at Jaccard
 * similarity s. Candidates are then confirmed by their estimated similarity.
 *
 * Memory is typed arrays only: signatures in fixed-size chunks (no copying as
 * the corpus grows) and one open-addressing table of `slot + 1` per band
 * entry — the band key is not stored, it is re-read from the signature.
 */
import { estimate } from './minhash.js';
import { fmix32, mixIn } from '../kit/mix.js';
import { grown } from '../kit/typed-arrays.js';

/** Shape of an index. */
export interface LshParams {
  /** Signature length K. */
  hashes: number;
  bands: number;
  rows: number;
}

/** A confirmed match: the document id of the indexed document and the estimated similarity. */
export interface Match {
  id: number;
  similarity: number;
}

/**
 * A byte of a band key kept next to each table entry, so that a probe skips
 * an entry of another band key without reading that document's signature: a
 * signature is a cache miss (the signatures are the largest part of the
 * index), and at the table's load most probes meet entries of other keys.
 * Taken by a multiplicative hash of the whole key, not from its low bits,
 * which place the entry and are alike along a probe.
 */
const fingerprint = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 24;

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const MAX_LOAD = 0.7;

/** Check that the banding fits in the signature; returns an error sentence or undefined. */
export function checkLsh(p: LshParams): string | undefined {
  if (p.bands * p.rows > p.hashes)
    return `dedup.bands × dedup.rows (${p.bands} × ${p.rows}) must not exceed dedup.hashes (${p.hashes})`;
  return undefined;
}

/** Signatures of indexed documents and their LSH band table; slots are numbered in the order added. */
export class LshIndex {
  /** Indexed documents. */
  size = 0;
  private sigChunks: Uint32Array[] = [];
  private idChunks: Int32Array[] = [];
  private table: Int32Array;
  /** The fingerprint of each table entry's band key. */
  private fingerprints: Uint8Array;
  private mask: number;
  private entries = 0;
  /** Slots already compared in the current `best` call. */
  private compared: Int32Array = new Int32Array(64);

  /**
   * `expected`: documents likely to be added, when known (pass 2 knows how many pass 1 saw): the band table is made
   * at the size they need, instead of growing to it (each growth re-inserts every entry).
   */
  constructor(
    readonly params: LshParams,
    expected = 0,
  ) {
    const bad = checkLsh(params);
    if (bad) throw new Error(bad);
    let cap = 1024;
    while (expected * params.bands > cap * MAX_LOAD) cap *= 2;
    this.table = new Int32Array(cap);
    this.fingerprints = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** Bytes held now (signatures, ids and band table), for the memory figure. */
  bytes(): number {
    return this.sigChunks.length * CHUNK * (this.params.hashes + 1) * 4 + this.table.byteLength + this.fingerprints.byteLength;
  }

  /** Document id stored at `slot`. */
  idOf(slot: number): number {
    return this.idChunks[slot >>> CHUNK_BITS][slot & (CHUNK - 1)];
  }

  /** Estimated similarity between `sig` and the signature at `slot`. */
  similarity(sig: Uint32Array, slot: number): number {
    const K = this.params.hashes;
    return estimate(sig, 0, this.sigChunks[slot >>> CHUNK_BITS], (slot & (CHUNK - 1)) * K, K);
  }

  /**
   * The indexed document most similar to `sig` among the LSH candidates, if
   * its estimated similarity reaches `threshold`; ties go to the earlier slot
   * (the earlier document in input order).
   */
  best(sig: Uint32Array, threshold: number): Match | undefined {
    let bestSlot = -1;
    let bestSim = -1;
    // a slot shares several bands with a close match; compare it once (candidates are few: a list will do)
    let seen = 0;
    for (let b = 0; b < this.params.bands; b++) {
      const key = this.bandKey(sig, 0, b);
      const fp = fingerprint(key);
      for (let pos = key & this.mask; ; pos = (pos + 1) & this.mask) {
        const e = this.table[pos];
        if (e === 0) break;
        if (this.fingerprints[pos] !== fp) continue;
        const slot = e - 1;
        if (!this.sameBand(sig, slot, b) || this.wasCompared(slot, seen)) continue;
        this.compared = grown(this.compared, seen, (n) => new Int32Array(n));
        this.compared[seen++] = slot;
        const s = this.similarity(sig, slot);
        if (s > bestSim || (s === bestSim && slot < bestSlot)) {
          bestSim = s;
          bestSlot = slot;
        }
      }
    }
    return bestSlot >= 0 && bestSim >= threshold ? { id: this.idOf(bestSlot), similarity: bestSim } : undefined;
  }

  private wasCompared(slot: number, count: number): boolean {
    for (let i = 0; i < count; i++) if (this.compared[i] === slot) return true;
    return false;
  }

  /** Add a signature for document `id`; returns its slot. */
  add(sig: Uint32Array, id: number): number {
    const K = this.params.hashes;
    const slot = this.size++;
    const c = slot >>> CHUNK_BITS;
    if (c === this.sigChunks.length) {
      this.sigChunks.push(new Uint32Array(CHUNK * K));
      this.idChunks.push(new Int32Array(CHUNK));
    }
    this.sigChunks[c].set(sig.subarray(0, K), (slot & (CHUNK - 1)) * K);
    this.idChunks[c][slot & (CHUNK - 1)] = id;
    if ((this.entries + this.params.bands) > this.table.length * MAX_LOAD) this.grow();
    for (let b = 0; b < this.params.bands; b++) this.insert(slot, b);
    return slot;
  }

  private insert(slot: number, band: number): void {
    const [chunk, off] = this.where(slot);
    const key = this.bandKey(chunk, off, band);
    let pos = key & this.mask;
    while (this.table[pos] !== 0) pos = (pos + 1) & this.mask;
    this.table[pos] = slot + 1;
    this.fingerprints[pos] = fingerprint(key);
    this.entries++;
  }

  private grow(): void {
    let cap = this.table.length;
    while ((this.entries + this.params.bands) > cap * MAX_LOAD) cap *= 2;
    this.table = new Int32Array(cap);
    this.fingerprints = new Uint8Array(cap);
    this.mask = cap - 1;
    this.entries = 0;
    for (let s = 0; s < this.size - 1; s++) for (let b = 0; b < this.params.bands; b++) this.insert(s, b);
  }

  private where(slot: number): [Uint32Array, number] {
    return [this.sigChunks[slot >>> CHUNK_BITS], (slot & (CHUNK - 1)) * this.params.hashes];
  }

  private bandKey(sig: Uint32Array, off: number, band: number): number {
    const r = this.params.rows;
    let h = fmix32(band + 1);
    for (let i = band * r, end = i + r; i < end; i++) h = mixIn(h, sig[off + i]);
    return fmix32(h ^ r);
  }

  private sameBand(sig: Uint32Array, slot: number, band: number): boolean {
    const [chunk, off] = this.where(slot);
    const r = this.params.rows;
    for (let i = band * r, end = i + r; i < end; i++) if (chunk[off + i] !== sig[i]) return false;
    return true;
  }
}
