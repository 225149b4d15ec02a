/**
 * A line on display cells, for ../columns.ts: which cells are drawn (`layout`, into the scratch buffer `occ`),
 * which code unit a cell starts at, tabs expanded to spaces. A CJK wide character takes two cells, a tab runs to
 * the next multiple of 8, a surrogate pair is one narrow character (as in kit/display-width.ts).
 */
import { COLUMNS } from '../../kit/display-width.js';

/** Lines wider than this (in display cells) are not laid out: they end a region and never start one. */
export const MAX_CELLS = 1024;

/** Scratch buffers, reused across lines and documents (stages run one document at a time per thread). */
export const occ = new Uint8Array(MAX_CELLS + 16);
export const runRight = new Int32Array(MAX_CELLS + 16);
export const gapLen = new Int32Array(MAX_CELLS + 16);

/**
 * Lay `line` out on display cells: `occ[c]` is 1 where a character is drawn
 * (cleared up to the returned width). Returns the width, or -1 when the line is
 * wider than `MAX_CELLS`.
 */
export function layout(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0xa0) {
      occ[w++] = 0;
    } else if (c === 0x09) {
      const next = (w + 8) & ~7;
      while (w < next && w <= MAX_CELLS) occ[w++] = 0;
    } else if (c === 0x0d) {
      continue;
    } else {
      // a surrogate pair is one narrow character (as in displayWidth)
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const before = line.charCodeAt(i - 1);
        if (before >= 0xd800 && before <= 0xdbff) continue;
      }
      occ[w++] = 1;
      if (COLUMNS[c] === 2) occ[w++] = 1;
    }
    if (w > MAX_CELLS) return -1;
  }
  return w;
}

/** Code unit index in `line` of the first character drawn at or after cell `cell` (line.length when none). */
export function unitAt(line: string, cell: number): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    if (w >= cell) return i;
    const c = line.charCodeAt(i);
    if (c === 0x09) w = (w + 8) & ~7;
    else if (c === 0x0d) continue;
    else if (c >= 0xdc00 && c <= 0xdfff && i > 0 && line.charCodeAt(i - 1) >= 0xd800 && line.charCodeAt(i - 1) <= 0xdbff) continue;
    else w += c === 0x20 || c === 0xa0 ? 1 : COLUMNS[c];
  }
  return line.length;
}

/** Expand tabs to spaces (stops every 8 cells) so that a column can be sliced by code units. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x09) {
      const next = (w + 8) & ~7;
      out += ' '.repeat(next - w);
      w = next;
    } else {
      out += line[i];
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && line.charCodeAt(i - 1) >= 0xd800 && line.charCodeAt(i - 1) <= 0xdbff)) w += COLUMNS[c];
    }
  }
  return out;
}
