/**
 * repeats: text repeated within one document — a body pasted twice, a
 * doubled caption — is removed where it repeats; the first copy stays.
 *
 * A Karp–Rabin rolling hash over windows of `repeats.minChars` UTF-16 code
 * units finds every window seen earlier in the document (a hash table of
 * first positions in typed arrays; each hit is checked character by
 * character, and a run of hits is extended in O(1) per step), so the stage is
 * linear in the document length. Characters, not words, so it works for
 * scripts written without spaces.
 *
 * Only text no earlier stage removed takes part: a paragraph first seen in a
 * removed menu is kept where it later appears in the article.
 */
import { removeSpan, type Doc } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { WINDOW, cover, openUnits } from '../kit/code-units.js';

/** Multiplier of the rolling hash (odd, so multiplication by it is invertible mod 2^32). */
const BASE = 0x01000193;
/** Windows stored at most (4M: a 64 MiB table); longer documents store every k-th window. */
const MAX_STORED = 1 << 22;
/**
 * The stream and the window table are kept from one document to the next
 * (allocating and zeroing them per document cost as much as filling them) up
 * to these sizes; a larger document gets its own, freed after it.
 */
const KEEP_UNITS = 1 << 22;
const KEEP_SLOTS = 1 << 20;

const NEWLINE = 0x0a;

/**
 * The kept text of a document as one run of code units (blocks joined by
 * "\n"), and where each piece of it lies in `doc.text`: piece k starts at
 * `from[k]` in the stream and at `at[k]` in `doc.text` (-1 for a separator).
 * Valid until the next call: the arrays are reused.
 */
export interface KeptStream {
  codes: Uint16Array;
  length: number;
  from: Int32Array;
  at: Int32Array;
  pieces: number;
}

let streamCodes = new Uint16Array(0);
let pieceFrom = new Int32Array(0);
let pieceAt = new Int32Array(0);

/** Room for `n` more pieces after the first `used`. */
function roomForPieces(used: number, n: number): void {
  if (used + n <= pieceFrom.length) return;
  const size = Math.max(2 * pieceFrom.length, used + n, 64);
  const from = new Int32Array(size);
  const at = new Int32Array(size);
  from.set(pieceFrom.subarray(0, used));
  at.set(pieceAt.subarray(0, used));
  pieceFrom = from;
  pieceAt = at;
}

export function keptStream(doc: Doc): KeptStream {
  const removed = doc.removed;
  const units = openUnits(doc.text);
  // at most every block's text and a separator after each
  let bound = 0;
  for (const b of doc.blocks) bound += b.end - b.start + 1;
  const codes = bound <= streamCodes.length ? streamCodes : new Uint16Array(bound);
  if (bound > streamCodes.length && bound <= KEEP_UNITS) streamCodes = codes;
  let length = 0;
  let pieces = 0;
  const push = (from: number, to: number) => {
    if (to <= from) return;
    roomForPieces(pieces, 1);
    pieceFrom[pieces] = length;
    pieceAt[pieces++] = from;
    for (let a = from; a < to; a += WINDOW) {
      const b = Math.min(to, a + WINDOW);
      cover(units, a, b);
      codes.set(units.codes.subarray(a - units.base, b - units.base), length);
      length += b - a;
    }
  };
  let r = 0;
  for (const b of doc.blocks) {
    let cursor = b.start;
    while (r < removed.length && removed[r].end <= b.start) r++;
    for (let k = r; k < removed.length && removed[k].start < b.end; k++) {
      push(cursor, Math.min(removed[k].start, b.end));
      cursor = Math.max(cursor, removed[k].end);
    }
    push(cursor, b.end);
    roomForPieces(pieces, 1);
    pieceFrom[pieces] = length;
    pieceAt[pieces++] = -1;
    codes[length++] = NEWLINE;
  }
  return { codes, length, from: pieceFrom, at: pieceAt, pieces };
}

/** Runs of `doc.text` covered by `[a, b)` of the kept stream (separators skipped). */
function toText(stream: KeptStream, a: number, b: number): [number, number][] {
  const { from, at, pieces } = stream;
  // the piece holding `a`: the last piece starting at or before it
  let lo = 0;
  let hi = pieces - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (from[mid] <= a) lo = mid;
    else hi = mid - 1;
  }
  const out: [number, number][] = [];
  for (let k = lo; k < pieces && from[k] < b; k++) {
    if (at[k] < 0) continue;
    const end = k + 1 < pieces ? from[k + 1] : Number.MAX_SAFE_INTEGER;
    const s = Math.max(a, from[k]);
    const e = Math.min(b, end);
    if (e > s) out.push([at[k] + s - from[k], at[k] + e - from[k]]);
  }
  return out;
}

/**
 * Spans `[start, end)` of `s` that repeat an earlier, non-overlapping span of
 * at least `min` units. Maximal runs; later copies only.
 */
export function findRepeats(s: string, min: number): [number, number][] {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return findRepeatsIn(codes, s.length, min).map(([a, b]) => [a, b]);
}

/** The window table: slot k holds a window's hash at [2k] and its position at [2k + 1] (-1: empty), side by side in memory. */
let table = new Int32Array(0);

/** A repeated run `[start, end)` and the start of its earlier copy. */
export type Run = [start: number, end: number, source: number];

/** The runs `findRepeats` finds over the first `n` code units of `s`, each with where its earlier copy starts. */
export function findRepeatsIn(s: Uint16Array, n: number, min: number): Run[] {
  const out: Run[] = [];
  if (n < 2 * min) return out;
  let pow = 1; // BASE^(min-1) mod 2^32
  for (let k = 1; k < min; k++) pow = Math.imul(pow, BASE);
  // A very long document stores every `stride`-th window only, so the table stays
  // bounded; a run found late is extended backwards, so only copies shorter than
  // min + stride - 1 can be missed.
  const stride = Math.max(1, Math.ceil(n / MAX_STORED));
  let size = 16;
  while (size < (2 * n) / stride) size <<= 1;
  const mask = 2 * size - 1;
  let tab = table;
  if (2 * size > tab.length) {
    tab = new Int32Array(2 * size);
    if (size <= KEEP_SLOTS) table = tab;
  }
  tab.fill(-1, 0, 2 * size);

  let h = 0;
  for (let k = 0; k < min; k++) h = (Math.imul(h, BASE) + s[k]) | 0;
  let runFrom = -1; // start of the current run of repeated windows
  let src = -1; // where the window at i was seen before, while in a run
  let srcFrom = -1; // where the current run's earlier copy starts
  let lastEnd = 0; // end of the last run: runs never overlap
  for (let i = 0; i + min <= n; i++) {
    if (i > 0) h = (Math.imul(h - Math.imul(s[i - 1], pow), BASE) + s[i + min - 1]) | 0;
    if (runFrom >= 0) {
      // the run goes on while the previous window matched and so does the new character
      if (src + 1 + min <= i && s[src + min] === s[i + min - 1]) {
        src++;
        continue;
      }
      out.push([runFrom, i - 1 + min, srcFrom]);
      lastEnd = i - 1 + min;
      runFrom = -1;
    }
    let slot = ((h ^ (h >>> 15)) << 1) & mask;
    let j = tab[slot + 1];
    if (j === -1) {
      // a window not seen before: most of them, decided by one read
      if (stride === 1 || i % stride === 0) (tab[slot] = h), (tab[slot + 1] = i);
      continue;
    }
    let known = false;
    for (; j !== -1; slot = (slot + 2) & mask, j = tab[slot + 1]) {
      if (tab[slot] !== h || !sameWindow(s, j, i, min)) continue;
      known = true;
      // a copy overlapping its source (periodic text such as "=====") is not a repeat yet
      if (j + min <= i) {
        let back = 0;
        while (i - back > lastEnd && j - back > 0 && s[i - back - 1] === s[j - back - 1]) back++;
        runFrom = i - back;
        src = j;
        srcFrom = j - back;
      }
      break;
    }
    if (!known && (stride === 1 || i % stride === 0)) (tab[slot] = h), (tab[slot + 1] = i);
  }
  if (runFrom >= 0) out.push([runFrom, n, srcFrom]);
  return out;
}

/** The index of the first of the ascending `list` at or after `x` (`list.length` when none is). */
function firstAtOrAfter(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameWindow(s: Uint16Array, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s[a + k] !== s[b + k]) return false;
  return true;
}

/**
 * What of a repeated run is removed. The unit of a repeat is the block:
 * - a run that covers whole blocks (a paragraph said twice, a body pasted
 *   twice, a caption repeating a sentence of the text) goes, once those blocks
 *   reach `repeats.minChars` together; its ragged ends go with it where the
 *   other copy has a block edge (a paste glued to the end of a block), not where
 *   both copies are cut mid-text;
 * - a run inside one block that repeats that same block (a sentence doubled by a
 *   paste, a cut-off copy followed by the whole text) goes, at `repeats.minChars`
 *   when it reaches the block's edge and `repeats.minInlineChars` inside it;
 * - a block that only shares a part with another block stays whole: an erratum
 *   quoting the sentence it corrects and then the corrected one, a paragraph
 *   restating another's sentence among its own. Cutting the shared part out
 *   would leave a fragment ("T", "It should").
 */
export function repeats(doc: Doc, t: Thresholds): void {
  const min = t['repeats.minChars'];
  const minInline = t['repeats.minInlineChars'];
  const stream = keptStream(doc);
  const s = stream.codes;
  const n = stream.length;
  const blockStart = (at: number): boolean => at === 0 || s[at - 1] === NEWLINE;
  const blockEnd = (at: number): boolean => at === n || s[at] === NEWLINE;
  const remove = (a: number, b: number) => {
    for (const [from, to] of toText(stream, a, b)) {
      let end = to;
      // a copy cut out between two spaces leaves one, so words on either side are not glued
      if (end - from >= 2 && /\s/.test(doc.text[from]) && /\s/.test(doc.text[end - 1])) end--;
      removeSpan(doc, 'repeat-within-doc', from, end, `repeats text seen earlier in the document (${end - from} characters)`);
    }
  };
  // the separators between blocks, in order: a run's blocks are found by a binary search, not by walking its
  // text back to the start of its block (one long line holding many runs would make that quadratic)
  const seps: number[] = [];
  for (let k = 0; k < stream.pieces; k++) if (stream.at[k] < 0) seps.push(stream.from[k]);
  for (const [a, b, source] of findRepeatsIn(s, n, min)) {
    const shift = a - source;
    // the run's pieces, one per block it touches: [from, to, start of that block, end of that block]
    const pieces: [number, number, number, number][] = [];
    // the first separator at or after `a` ends the block the run starts in
    let j = firstAtOrAfter(seps, a);
    let start = j > 0 ? seps[j - 1] + 1 : 0;
    while (start < b) {
      const end = j < seps.length ? seps[j] : n;
      const from = Math.max(a, start);
      const to = Math.min(b, end);
      if (to > from) pieces.push([from, to, start, end]);
      start = end + 1;
      j++;
    }
    let whole = 0;
    for (const [from, to, bs, be] of pieces)
      if (from === bs && to === be) whole += to - from;
    if (whole >= min) {
      // a ragged end goes when the other copy has a block edge there (a paste glued to a block);
      // where neither copy has one, the two texts only happen to share the words around it
      for (const [from, to, bs, be] of pieces)
        if ((from === bs || blockStart(from - shift)) && (to === be || blockEnd(to - shift))) remove(from, to);
      continue;
    }
    for (const [from, to, bs, be] of pieces) {
      if (from - shift < bs) continue; // its earlier copy lies in another block
      const atEdge = from === bs || to === be;
      if (to - from >= (atEdge ? min : minInline)) remove(from, to);
    }
  }
}
