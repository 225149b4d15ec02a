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

/** The kept text of a document as one string (blocks joined by "\n"), with the offset in `doc.text` of each unit. */
export function keptStream(doc: Doc): { text: string; at: Int32Array } {
  const parts: string[] = [];
  const offsets: number[] = [];
  let r = 0;
  const removed = doc.removed;
  for (const b of doc.blocks) {
    let cursor = b.start;
    const push = (from: number, to: number) => {
      if (to <= from) return;
      parts.push(doc.text.slice(from, to));
      offsets.push(from);
    };
    while (r < removed.length && removed[r].end <= b.start) r++;
    for (let k = r; k < removed.length && removed[k].start < b.end; k++) {
      push(cursor, Math.min(removed[k].start, b.end));
      cursor = Math.max(cursor, removed[k].end);
    }
    push(cursor, b.end);
    parts.push('\n');
    offsets.push(-1 - b.end);
  }
  const text = parts.join('');
  const at = new Int32Array(text.length);
  let pos = 0;
  for (let p = 0; p < parts.length; p++) {
    const base = offsets[p];
    const len = parts[p].length;
    // a separator maps to the end of its block (negative marks it as not a character of doc.text)
    for (let k = 0; k < len; k++) at[pos + k] = base >= 0 ? base + k : base;
    pos += len;
  }
  return { text, at };
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
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const slotHash = new Int32Array(size);
  const slotPos = new Int32Array(size).fill(-1);

  let h = 0;
  for (let k = 0; k < min; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) | 0;
  let runFrom = -1; // start of the current run of repeated windows
  let src = -1; // where the window at i was seen before, while in a run
  for (let i = 0; i + min <= n; i++) {
    if (i > 0) {
      h = (Math.imul(h - Math.imul(s.charCodeAt(i - 1), pow), BASE) + s.charCodeAt(i + min - 1)) | 0;
    }
    let match = -1;
    if (src >= 0 && src + 1 + min <= i && s.charCodeAt(src + min) === s.charCodeAt(i + min - 1)) {
      match = src + 1; // the run goes on: the previous window matched, and so does the new character
    } else {
      let slot = (h ^ (h >>> 15)) & mask;
      let known = false;
      while (slotPos[slot] !== -1) {
        const j = slotPos[slot];
        if (slotHash[slot] === h && sameWindow(s, j, i, min)) {
          known = true;
          // a copy overlapping its source (periodic text such as "=====") is not a repeat yet
          if (j + min <= i) match = j;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (!known) {
        slotHash[slot] = h;
        slotPos[slot] = i;
      }
    }
    if (match >= 0) {
      if (runFrom < 0) runFrom = i;
      src = match;
    } else if (runFrom >= 0) {
      out.push([runFrom, i - 1 + min]);
      runFrom = -1;
      src = -1;
    }
  }
  if (runFrom >= 0) out.push([runFrom, n]);
  // overlapping runs (a window can end one run and start the next) are merged
  const merged: [number, number][] = [];
  for (const [a, b] of out) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function sameWindow(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

export function repeats(doc: Doc, t: Thresholds): void {
  const min = t['repeats.minChars'];
  const minInline = t['repeats.minInlineChars'];
  const { text: s, at } = keptStream(doc);
  for (const [a, b] of findRepeats(s, min)) {
    const atEdge = a === 0 || s[a - 1] === '\n' || s[a] === '\n' || b === s.length || s[b] === '\n' || s[b - 1] === '\n';
    if (b - a < (atEdge ? min : minInline)) continue;
    // map the stream span back to runs of consecutive offsets in doc.text
    let from = -1;
    let prev = -2;
    const flush = () => {
      if (from < 0) return;
      let end = prev + 1;
      // a copy cut out between two spaces leaves one, so words on either side are not glued
      if (end - from >= 2 && /\s/.test(doc.text[from]) && /\s/.test(doc.text[end - 1])) end--;
      removeRepeat(doc, from, end);
      from = -1;
    };
    for (let k = a; k < b; k++) {
      const o = at[k];
      if (o < 0) continue;
      if (o !== prev + 1) {
        flush();
        from = o;
      }
      prev = o;
    }
    flush();
  }
}

function removeRepeat(doc: Doc, start: number, end: number): void {
  removeSpan(doc, 'repeat-within-doc', start, end, `repeats text seen earlier in the document (${end - start} characters)`);
}
