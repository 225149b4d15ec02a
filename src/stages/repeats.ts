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
import { removeSpan, type Doc } from '../doc.js';
import type { Thresholds } from '../thresholds.js';

/** Multiplier of the rolling hash (odd, so multiplication by it is invertible mod 2^32). */
const BASE = 0x01000193;
/** Windows stored at most (4M: a 64 MiB table); longer documents store every k-th window. */
const MAX_STORED = 1 << 22;

/**
 * The kept text of a document as one string (blocks joined by "\n"), and
 * where each piece of it lies in `doc.text`: piece k starts at `from[k]` in the
 * string and at `at[k]` in `doc.text` (-1 for a separator).
 */
export function keptStream(doc: Doc): { text: string; from: Int32Array; at: Int32Array } {
  const parts: string[] = [];
  const offsets: number[] = [];
  let r = 0;
  const removed = doc.removed;
  const push = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(doc.text.slice(from, to));
    offsets.push(from);
  };
  for (const b of doc.blocks) {
    let cursor = b.start;
    while (r < removed.length && removed[r].end <= b.start) r++;
    for (let k = r; k < removed.length && removed[k].start < b.end; k++) {
      push(cursor, Math.min(removed[k].start, b.end));
      cursor = Math.max(cursor, removed[k].end);
    }
    push(cursor, b.end);
    parts.push('\n');
    offsets.push(-1);
  }
  const from = new Int32Array(parts.length);
  let pos = 0;
  parts.forEach((p, k) => {
    from[k] = pos;
    pos += p.length;
  });
  return { text: parts.join(''), from, at: Int32Array.from(offsets) };
}

/** Runs of `doc.text` covered by `[a, b)` of the kept stream (separators skipped). */
function toText(stream: { from: Int32Array; at: Int32Array }, a: number, b: number): [number, number][] {
  const { from, at } = stream;
  // the piece holding `a`: the last piece starting at or before it
  let lo = 0;
  let hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (from[mid] <= a) lo = mid;
    else hi = mid - 1;
  }
  const out: [number, number][] = [];
  for (let k = lo; k < from.length && from[k] < b; k++) {
    if (at[k] < 0) continue;
    const end = k + 1 < from.length ? from[k + 1] : Number.MAX_SAFE_INTEGER;
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
  const n = s.length;
  const out: [number, number][] = [];
  if (n < 2 * min) return out;
  let pow = 1; // BASE^(min-1) mod 2^32
  for (let k = 1; k < min; k++) pow = Math.imul(pow, BASE);
  // A very long document stores every `stride`-th window only, so the table stays
  // bounded; a run found late is extended backwards, so only copies shorter than
  // min + stride - 1 can be missed.
  const stride = Math.max(1, Math.ceil(n / MAX_STORED));
  let size = 16;
  while (size < (2 * n) / stride) size <<= 1;
  const mask = size - 1;
  const slotHash = new Int32Array(size);
  const slotPos = new Int32Array(size).fill(-1);

  let h = 0;
  for (let k = 0; k < min; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) | 0;
  let runFrom = -1; // start of the current run of repeated windows
  let src = -1; // where the window at i was seen before, while in a run
  let lastEnd = 0; // end of the last run: runs never overlap
  for (let i = 0; i + min <= n; i++) {
    if (i > 0) h = (Math.imul(h - Math.imul(s.charCodeAt(i - 1), pow), BASE) + s.charCodeAt(i + min - 1)) | 0;
    // the run goes on while the previous window matched and so does the new character
    if (runFrom >= 0 && src + 1 + min <= i && s.charCodeAt(src + min) === s.charCodeAt(i + min - 1)) {
      src++;
      continue;
    }
    if (runFrom >= 0) {
      out.push([runFrom, i - 1 + min]);
      lastEnd = i - 1 + min;
      runFrom = -1;
    }
    let slot = (h ^ (h >>> 15)) & mask;
    let known = false;
    while (slotPos[slot] !== -1) {
      const j = slotPos[slot];
      if (slotHash[slot] === h && sameWindow(s, j, i, min)) {
        known = true;
        // a copy overlapping its source (periodic text such as "=====") is not a repeat yet
        if (j + min <= i) {
          let back = 0;
          while (i - back > lastEnd && j - back > 0 && s.charCodeAt(i - back - 1) === s.charCodeAt(j - back - 1)) back++;
          runFrom = i - back;
          src = j;
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (!known && i % stride === 0) {
      slotHash[slot] = h;
      slotPos[slot] = i;
    }
  }
  if (runFrom >= 0) out.push([runFrom, n]);
  return out;
}

function sameWindow(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

export function repeats(doc: Doc, t: Thresholds): void {
  const min = t['repeats.minChars'];
  const minInline = t['repeats.minInlineChars'];
  const stream = keptStream(doc);
  const s = stream.text;
  for (const [a, b] of findRepeats(s, min)) {
    const atEdge = a === 0 || s[a - 1] === '\n' || s[a] === '\n' || b === s.length || s[b] === '\n' || s[b - 1] === '\n';
    if (b - a < (atEdge ? min : minInline)) continue;
    for (const [from, to] of toText(stream, a, b)) {
      let end = to;
      // a copy cut out between two spaces leaves one, so words on either side are not glued
      if (end - from >= 2 && /\s/.test(doc.text[from]) && /\s/.test(doc.text[end - 1])) end--;
      removeSpan(doc, 'repeat-within-doc', from, end, `repeats text seen earlier in the document (${end - from} characters)`);
    }
  }
}
