/**
 * columns: read plain text laid out in side-by-side columns column by column.
 *
 * A text-mode browser (w3m, lynx) renders an old table layout as columns side
 * by side: each line holds a piece of the left menu, a piece of the article
 * and a piece of the right sidebar, at the same character positions on every
 * line. Read line by line, such text is a string of short mixed lines; read
 * column by column, it is a menu, an article and a sidebar.
 *
 * A region is a run of consecutive lines that share a gutter: a vertical run
 * of at least `columns.minGutter` display cells that are blank on every
 * non-blank line of the region (a line shorter than the gutter is blank
 * there), with text on both sides on at least `columns.minLines` lines and
 * `columns.minShare` of them. A region is read column by column only when one
 * of its columns holds prose (`columns.proseWidth`): an aligned data table,
 * whose every cell is short, stays row by row. Each column's lines are
 * emitted in order, the columns one after the other with a paragraph break
 * between them; a column is itself searched for columns (a table nested in a
 * table cell), a few levels deep.
 *
 * The positions this stage sees are also the only place where a hard-wrapped
 * line's indentation still counts: a paragraph a text-mode browser indented
 * by eight cells wraps eight cells short of the page width, which normalise
 * then hides from unwrap. So, unless the unwrap stage is skipped, the lines
 * outside the regions (a nested region's too) are rejoined here, each measured
 * as the browser drew it: the lines at one indent at their own width when they
 * look wrapped on their own (an article cell beside an empty sidebar), the
 * others at the width they share (see columns/outside.ts); and each column at
 * its own width, its lines measured the same way (a label drawn right of one
 * article line in a cell too sparse to make a column sets no width); both with
 * unwrap's rules, see unwrap.ts.
 *
 * Positions are display cells (a CJK wide character takes two, a tab runs to
 * the next multiple of 8), so columns of CJK text line up as the browser drew
 * them and CJK prose, which has no runs of spaces, is left alone. Runs on plain
 * text only, on the decoded text before normalise (which collapses the runs of
 * spaces this stage reads), so `doc.text` — every offset of the report — is
 * made from the rewritten text. Linear in the text (each line is laid out a
 * bounded number of times, at most `MAX_CELLS` cells), and a text without
 * enough lines holding a run of spaces between words is returned after one
 * regular-expression scan.
 *
 * A box drawn round text (a bordered cell) first loses its sides (frames.ts):
 * the text inside keeps its place and is read as any other.
 *
 * This module finds the regions and reads them; its parts are in columns/: a
 * line on display cells (cells.ts), boxes' sides blanked (frames.ts), whether a region is a table read by rows
 * (rows.ts), where a region with no gutter is scanned again below the lines of
 * another row above it (rewind.ts), and the lines outside the regions rejoined
 * (outside.ts).
 */
import type { Doc } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { displayWidth } from '../kit/display-width.js';
import { expandTabs, gapLen as GAP_LEN, layout, MAX_CELLS, occ as OCC, runRight as RUN_RIGHT, unitAt } from './columns/cells.js';
import { rowsAligned } from './columns/rows.js';
import { unwrapOutside } from './columns/outside.js';
import { unframe } from './columns/frames.js';
import { rescanFrom } from './columns/rewind.js';

/**
 * cells.ts's scratch buffers under module-level constants of this module, for the loops below: see
 * kit/unit-table.ts, "Tables in hot loops".
 */
const occ = OCC;
const runRight = RUN_RIGHT;
const gapLen = GAP_LEN;

/** Columns inside columns are searched this many levels deep. */
const MAX_DEPTH = 3;
/** Text, then a run of blanks, then text, on one line: a line that may cross a gutter. */
const GAPPED = /\S(?:[ \u00A0]{2,}|\t)[ \u00A0\t]*\S/g;
const GAP_IN_LINE = /\S(?:[ \u00A0]{2,}|\t)[ \u00A0\t]*\S/;

/** A cell holding only vertical rules (box drawing, pipes, colons): the side of a frame. */
const BORDER = /^[|:!\u2502\u2503\u2506\u2507\u250A\u250B\u2551\u254E\u254F\u2560-\u256C\u251C-\u252B\u2524\u253C-\u254B\s]+$/u;

/** A gutter: blank cells `[start, end)` on every non-blank line of its region. */
interface Gutter {
  start: number;
  end: number;
  /** Lines on which the gutter lies in a gap of at least `columns.minGutter` cells. */
  wide: number;
}

/** Read the column regions of `text` column by column; returns `text` itself when it has none. */
export function columnsText(text: string, t: Thresholds, unwrap = true, depth = 0): string {
  const minLines = t['columns.minLines'];
  // a box drawn round text is read as the text inside it, a box inside it too (columns/frames.ts)
  if (depth === 0) text = unframe(text, minLines, MAX_DEPTH);
  // cheap exit: too few lines with a run of blanks between two words
  let gapped = 0;
  GAPPED.lastIndex = 0;
  while (GAPPED.exec(text) !== null) {
    if (++gapped >= minLines) break;
    // one per line is enough
    const nl = text.indexOf('\n', GAPPED.lastIndex);
    if (nl < 0) break;
    GAPPED.lastIndex = nl;
  }
  if (gapped < minLines) {
    if (depth > 0 || !unwrap) return text;
    const all = text.split('\n');
    return unwrapOutside(text, all, [0, all.length], false, t);
  }

  const g = t['columns.minGutter'];
  const lines = text.split('\n');
  const n = lines.length;
  // first and last text cell of each line (-1: blank line, -2: too wide to lay out)
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  // per start cell c of the region: M — cells c..c+g-1 blank on every non-blank line so far; I — they lay between text on some line
  let M = new Uint8Array(MAX_CELLS + 1);
  let I = new Uint8Array(MAX_CELLS + 1);
  let M2 = new Uint8Array(MAX_CELLS + 1);
  let I2 = new Uint8Array(MAX_CELLS + 1);
  // per cell: lines of the region on which it lies in a gap of at least `g` cells between text
  const W = new Int32Array(MAX_CELLS + 1);
  // per cell: the last line of the region on which it holds text (-1: none), and the lines since on which it lies
  // in a gap of at least `g` cells: a gutter that opens below the region's first lines (see rewind)
  const lastText = new Int32Array(MAX_CELLS + 1);
  const openSince = new Int32Array(MAX_CELLS + 1);
  // set by closeRegion: the line to scan again from (-1: none); no region that starts before retryUntil is scanned
  // again, so each line is scanned at most twice
  let rewindTo = -1;
  let retryUntil = 0;
  let regionStart = -1;
  let regionWidth = 0;
  const out: string[] = [];
  let emitted = 0; // lines before this index are in `out`
  let changed = false;
  // pairs of indexes of `out`: where each stretch of lines outside the regions begins and ends (a region's text follows each)
  const outside: number[] = [];

  /** Lay out line j and fill first/last/runRight; returns its width (-1 when too wide). */
  const measure = (j: number): number => {
    const w = layout(lines[j]);
    if (w < 0) {
      first[j] = last[j] = -2;
      return -1;
    }
    let f = -1;
    let l = -1;
    runRight[w] = 1 << 30;
    for (let c = w - 1; c >= 0; c--) {
      if (occ[c]) {
        runRight[c] = 0;
        if (l < 0) l = c;
        f = c;
      } else runRight[c] = runRight[c + 1] + 1;
    }
    first[j] = f;
    last[j] = l;
    // length of the gap between text that each blank cell lies in (0 outside such gaps)
    for (let c = 0; c < w; c++) gapLen[c] = 0;
    for (let c = f + 1; c < l; ) {
      if (runRight[c] === 0) {
        c++;
        continue;
      }
      const len = runRight[c];
      for (let k = c; k < c + len; k++) gapLen[k] = len;
      c += len;
    }
    return w;
  };

  /** A region with no gutter: scan it again below the lines of another row above it, once (see columns/rewind.ts). */
  const rewind = (start: number, end: number): void => {
    if (start < retryUntil) return;
    rewindTo = rescanFrom(lastText, openSince, regionWidth, g, start, minLines);
    if (rewindTo >= 0) retryUntil = end;
  };

  const closeRegion = (end: number): void => {
    const start = regionStart;
    regionStart = -1;
    const gutters: Gutter[] = [];
    // a gutter: a run of cells blank on every line, inside a wide gap between text on some line
    for (let c = 0; c < regionWidth; c++) {
      if (!M[c]) continue;
      let e = c;
      let inside = false;
      let wide = 0;
      while (e < regionWidth && M[e]) {
        if (I[e]) inside = true;
        wide = Math.max(wide, W[e]);
        e++;
      }
      if (inside) gutters.push({ start: c, end: e, wide });
      c = e;
    }
    if (gutters.length === 0) return rewind(start, end);
    const kept: Gutter[] = [];
    for (const gt of gutters) {
      let support = 0;
      // non-blank lines from the first line with text on both sides of the gutter to the last (a sidebar may end
      // long before the article next to it)
      let nonBlank = 0;
      let pending = 0;
      for (let j = start; j < end; j++) {
        if (first[j] < 0) continue;
        pending++;
        if (first[j] < gt.start && last[j] >= gt.end) {
          support++;
          nonBlank += support === 1 ? 1 : pending;
          pending = 0;
        }
      }
      // nearly every line leaves at least `g` cells between the columns (a wrapper may fill a cell to 1 space short)
      if (support >= minLines && support >= nonBlank * t['columns.minShare'] && gt.wide >= support * t['columns.wideShare']) kept.push(gt);
    }
    if (kept.length === 0) return rewind(start, end);
    // trim the region to the lines that cross a kept gutter
    const crosses = (j: number): boolean => first[j] >= 0 && kept.some((gt) => first[j] < gt.start && last[j] >= gt.end);
    // … and the lines next to them whose text stands in a column right of the first gutter (prose after the layout
    // starts at the margin)
    // a region begins and ends on a line that leaves a full gutter between its columns, not a word space that
    // happens to fall in the gutter of the lines above or below
    const widelyCrosses = (j: number): boolean =>
      crosses(j) &&
      kept.some((gt) => {
        if (!(first[j] < gt.start && last[j] >= gt.end)) return false;
        if (gt.end - gt.start >= g) return true;
        const w = layout(lines[j]);
        let a = gt.start;
        while (a > 0 && !occ[a - 1]) a--;
        let b = gt.end;
        while (b < w && !occ[b]) b++;
        return b - a >= g;
      });
    const inColumn = (j: number): boolean => first[j] >= kept[0].end || widelyCrosses(j);
    let s = start;
    while (!widelyCrosses(s)) s++;
    while (s > start && (first[s - 1] === -1 || inColumn(s - 1))) s--;
    while (s < end && first[s] === -1) s++;
    let e = end;
    while (!widelyCrosses(e - 1)) e--;
    while (e < end && (first[e] === -1 || inColumn(e))) e++;
    while (e > s && first[e - 1] === -1) e--;
    // columns: [0, g0.start), [g0.end, g1.start), …, [gk.end, ∞)
    const bounds: number[] = [0];
    for (const gt of kept) bounds.push(gt.start, gt.end);
    bounds.push(Number.MAX_SAFE_INTEGER);
    const cols: string[][] = kept.map(() => []);
    cols.push([]);
    const proseWidth = t['columns.proseWidth'];
    let prose = false;
    for (let k = 0; k < cols.length; k++) {
      let cells = 0;
      let segments = 0;
      // a column drawn only with vertical rules is the side of a box: a framed block is no layout
      let border = true;
      for (let j = s; j < e; j++) {
        const line = expandTabs(lines[j]).replace(/\r$/, '');
        const a = bounds[2 * k] === 0 ? 0 : unitAt(line, bounds[2 * k]);
        const b = bounds[2 * k + 1] === Number.MAX_SAFE_INTEGER ? line.length : unitAt(line, bounds[2 * k + 1]);
        const seg = line.slice(a, b).trimEnd();
        cols[k].push(seg);
        const trimmed = seg.trimStart();
        if (trimmed) {
          if (!BORDER.test(trimmed)) border = false;
          segments++;
          cells += displayWidth(trimmed);
        }
      }
      if (segments >= minLines && cells / segments >= proseWidth) prose = true;
      if (border) return;
    }
    if (!prose) return;
    if (rowsAligned(cols, t)) return;
    const parts: string[] = [];
    // a region is read by columns only when it yields paragraphs: an article column rejoined at its own width, or
    // columns found inside a column (read as a whole, its lines would stay short and be judged as menu lines)
    let paragraphs = !unwrap;
    for (const col of cols) {
      const whole = col.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
      let body = depth + 1 < MAX_DEPTH ? columnsText(whole, t, unwrap, depth + 1) : whole;
      if (body !== whole) paragraphs = true;
      else if (unwrap) {
        // a column is wrapped at its own width, narrower than the page's: rejoin its lines here, where that width is
        // known, each measured as drawn like the lines outside the regions (a picture's label or a link set right of
        // the column in a cell too sparse to make a region of its own sets no width; see columns/outside.ts)
        const split = whole.split('\n');
        const plain = split.map((l) => l.replace(/[ \u00A0\t]+/g, ' ').trim()).join('\n');
        body = unwrapOutside(whole, split, [0, split.length], false, t);
        if (body === whole) body = plain;
        else if (body !== plain) paragraphs = true;
      }
      if (body) parts.push(body);
    }
    if (!paragraphs) return;
    outside.push(out.length);
    for (let j = emitted; j < s; j++) out.push(lines[j]);
    outside.push(out.length);
    out.push((s > 0 ? '\n' : '') + parts.join('\n\n') + (e < n ? '\n' : ''));
    emitted = e;
    changed = true;
  };

  for (let j = 0; ; j++) {
    if (j >= n) {
      if (regionStart < 0) break;
      closeRegion(n);
      if (rewindTo >= 0) {
        j = rewindTo - 1;
        rewindTo = -1;
        continue;
      }
      break;
    }
    // outside a region, only a line with a gap between words can start one
    if (regionStart < 0 && !GAP_IN_LINE.test(lines[j])) continue;
    const w = measure(j);
    if (w < 0) {
      if (regionStart >= 0) closeRegion(j);
      if (rewindTo >= 0) {
        j = rewindTo - 1;
        rewindTo = -1;
      }
      continue;
    }
    const f = first[j];
    const l = last[j];
    if (f < 0) continue; // a blank line changes no region
    if (regionStart >= 0) {
      // extend the region by line j, unless no gutter would be left
      const width = Math.max(regionWidth, w);
      let alive = false;
      for (let c = 0; c < width; c++) {
        const m = (c < regionWidth ? M[c] : 1) & (c >= w || runRight[c] > 0 ? 1 : 0);
        const i = (c < regionWidth ? I[c] : 0) | (c < w && gapLen[c] >= g ? 1 : 0);
        M2[c] = m;
        I2[c] = i;
        if (m & i) alive = true;
      }
      if (alive) {
        [M, M2] = [M2, M];
        [I, I2] = [I2, I];
        for (let c = regionWidth; c < width; c++) {
          W[c] = 0;
          lastText[c] = -1;
          openSince[c] = 0;
        }
        for (let c = f; c <= l; c++) {
          if (runRight[c] === 0) {
            lastText[c] = j;
            openSince[c] = 0;
          } else if (gapLen[c] >= g) {
            W[c]++;
            openSince[c]++;
          }
        }
        regionWidth = width;
        continue;
      }
      closeRegion(j);
      if (rewindTo >= 0) {
        j = rewindTo - 1;
        rewindTo = -1;
        continue;
      }
      // a nested search may have used the scratch buffers
      measure(j);
    }
    // start a region at a line with a gap between text
    let gap = false;
    for (let c = 0; c < w; c++) {
      M[c] = runRight[c] > 0 ? 1 : 0;
      I[c] = gapLen[c] >= g ? 1 : 0;
      W[c] = I[c];
      lastText[c] = runRight[c] === 0 ? j : -1;
      openSince[c] = I[c];
      if (I[c]) gap = true;
    }
    if (gap) {
      regionStart = j;
      regionWidth = w;
    }
  }
  if (!changed && !(depth === 0 && unwrap)) return text;
  outside.push(out.length);
  for (let j = emitted; j < n; j++) out.push(lines[j]);
  outside.push(out.length);
  // a nested region's column may run on below it (an article beside a sidebar that ends): rejoined here too
  if (!unwrap) return out.join('\n');
  return unwrapOutside(text, out, outside, changed, t);
}

/** `unwrap`: rejoin the wrapped lines of each column (off when the unwrap stage is skipped). */
export function columns(doc: Doc, t: Thresholds, unwrap: boolean): void {
  if (doc.format !== 'text' || doc.raw === undefined) return;
  doc.raw = columnsText(doc.raw, t, unwrap);
}
