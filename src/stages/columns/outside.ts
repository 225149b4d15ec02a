/**
 * The lines outside the column regions of ../columns.ts rejoined where a text-mode browser wrapped them, each
 * measured as drawn (the indentation and the runs of blanks normalise would then hide from unwrap), up to the end
 * of its first cell. The lines at one indent (an article cell beside an empty sidebar) are rejoined at their own
 * width when they look wrapped on their own, the others at the width all share; a line whose own text is wider
 * than `unwrap.maxWidth` leaves the page unwrapped, a short text drawn past that width (a form field) only sets no
 * width. A line holding a second cell is measured but casts no vote on whether the text is wrapped.
 */
import type { Thresholds } from '../../thresholds.js';
import { COLUMNS as WIDTHS, displayWidth } from '../../kit/display-width.js';
import { lineFacts, unwrapLines, wrapWidthOf, type LineFacts } from '../unwrap.js';

/** The kit's column table under a module-level constant of this module, for drawnEnd's loop (kit/unit-table.ts, "Tables in hot loops"). */
const COLUMNS = WIDTHS;

/** Blanks that normalise would turn into one space. */
const SPACE_RUN = /[\t\u00A0]| {2}/;

/**
 * Blanks that end a line's first cell: more than a typist's two spaces after a sentence. A line that holds text of
 * the next column too (a sidebar too sparse to make a region) is measured to the end of its first cell, where the
 * browser wrapped it.
 */
const CELL_GAP = 3;

/** Set by drawnEnd: where the line's text starts, and its width once normalised (runs of blanks one space, none at the ends). */
let drawnIndent = 0;
let flatWidth = 0;
/** Set by drawnEnd: the line holds text past a CELL_GAP (a second cell). */
let secondCell = false;

/**
 * The display cell where the first cell of `line` ends as drawn: from the line's start, blanks counted, a tab to
 * the next multiple of 8, up to its last character before a CELL_GAP (see cells.ts's layout). One pass, no copy;
 * sets drawnIndent, flatWidth and secondCell on the way.
 */
function drawnEnd(line: string): number {
  let col = 0;
  let end = 0;
  let run = 0;
  let flat = 0;
  let cut = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0xa0) {
      col++;
      run++;
    } else if (c === 0x09) {
      const next = (col + 8) & ~7;
      run += next - col;
      col = next;
    } else if (c !== 0x0d) {
      // a surrogate pair is one narrow character (as in displayWidth)
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const before = line.charCodeAt(i - 1);
        if (before >= 0xd800 && before <= 0xdbff) continue;
      }
      if (end === 0) drawnIndent = col;
      else if (run > 0) {
        flat++;
        if (run >= CELL_GAP && cut < 0) cut = end;
      }
      const w = COLUMNS[c];
      col += w;
      flat += w;
      end = col;
      run = 0;
    }
  }
  if (end === 0) drawnIndent = col;
  flatWidth = flat;
  secondCell = cut >= 0;
  return cut >= 0 ? cut : end;
}

/** A line drawn only with rule and box-drawing characters. */
const RULE = /^[\s\u2500-\u257F\u2580-\u259F_=~*#+.-]+$/u;

/**
 * Rejoin the wrapped lines of `out` outside the column regions (`outside`: pairs of indexes where each stretch
 * begins and ends; a region's text follows each), at the width they share, counting the blanks before each line
 * as the wrapper drew them. Returns `text` when nothing outside is wrapped and no region was read.
 */
export function unwrapOutside(text: string, out: string[], outside: number[], changed: boolean, t: Thresholds): string {
  const max = t['unwrap.maxWidth'];
  const rest: string[] = [];
  // the lines that show whether the text is wrapped and at what width (see below)
  const votes: string[] = [];
  // where each line's text starts, and where the browser's line (its first cell) ended less its width once
  // normalised (its indent and the blanks between its words beyond one, less a second cell): measured as drawn
  const indents: number[] = [];
  const pads: number[] = [];
  for (let k = 0; k < outside.length; k += 2) {
    for (let j = outside[k]; j < outside[k + 1]; j++) {
      const line = out[j];
      // as normalise will: runs of blanks to one space, no blanks at the ends
      const spaced = SPACE_RUN.test(line);
      const p = (spaced ? line.replace(/[ \t\u00A0]+/g, ' ') : line).trim();
      out[j] = p;
      let indent = line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0xa0 ? 1 : 0;
      let width: number;
      let drawn: number;
      if (spaced) {
        drawn = drawnEnd(line);
        indent = drawnIndent;
        width = flatWidth;
      } else {
        width = displayWidth(p);
        drawn = indent + width;
      }
      // most texts are not hard-wrapped: one long line settles it
      if (width > max && !RULE.test(p)) return changed ? out.join('\n') : text;
      const cell = spaced && secondCell;
      // a rule drawn across the page sets no wrap width (unwrap never joins it), nor does a short text the browser
      // drew past the page's width behind a run of blanks (a form field or a cell pushed right of a wide table)
      const none = drawn > max || RULE.test(p);
      rest.push(none ? '' : p);
      // a line holding a second cell is joined as its first cell ends, but casts no vote on whether the text is
      // wrapped: code with comments aligned after its statements would look wrapped at the statements' ends
      votes.push(none || cell ? '' : p);
      indents.push(none ? 0 : indent);
      pads.push(none ? 0 : drawn - width);
    }
    rest.push('');
    votes.push('');
    indents.push(0);
    pads.push(0);
  }
  const widths = indentWidths(rest, votes, indents, pads, t);
  if (widths === undefined) return changed ? out.join('\n') : text;
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < outside.length; k += 2) {
    const len = outside[k + 1] - outside[k];
    parts.push(unwrapLines(out.slice(outside[k], outside[k + 1]), widths.subarray(at, at + len), t, pads.slice(at, at + len)));
    at += len + 1;
    if (k + 2 < outside.length) parts.push(out[outside[k + 1]]);
  }
  return parts.join('\n');
}

/**
 * The wrap width of each line of `lines` (blank where a stretch ends): the width its left edge's lines share.
 * A text-mode browser wraps a table cell at the cell's right edge, and a page's cells keep their left edges: an
 * article cell beside an empty sidebar cell wraps short of the page width, every line of it at the same indent.
 * The lines at one indent (from any stretch) are wrapped at their own width when they look wrapped on their own
 * (wrapWidth's tests); the others at the width all the lines share, counting their indents, or else, as the unwrap
 * stage would, not counting them (their `pads` are then set to 0). `pads`: the cells each line lost to
 * normalising, so that `pads[i]` plus its width is where the browser's line ended. `votes`: `lines` with those that
 * say nothing of the wrapping blanked (wrapWidth decides on them). Undefined when no line has a width. Linear: each
 * line is in one group.
 */
function indentWidths(lines: string[], votes: string[], indents: number[], pads: number[], t: Thresholds): Int32Array | undefined {
  const max = t['unwrap.maxWidth'];
  // measured once: the text is weighed whole and again by indent
  const facts = lineFacts(votes);
  let common = wrapWidthOf(facts, t, pads);
  const flat = common === 0 ? wrapWidthOf(facts, t) : 0;
  if (flat > 0) common = flat;
  const widths = new Int32Array(lines.length).fill(common);
  // where each line ends (lines reaching past the page width were blanked by the caller)
  const ends = new Int32Array(lines.length);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i++) {
    // a line that sets no width is joined to none
    if (!lines[i]) {
      widths[i] = 0;
      continue;
    }
    ends[i] = pads[i] + displayWidth(lines[i]);
    const g = groups.get(indents[i]);
    if (g) g.push(i);
    else groups.set(indents[i], [i]);
  }
  let any = common > 0;
  const count = new Int32Array(max + 1);
  for (const [indent, idx] of groups) {
    if (idx.length <= t['unwrap.minLines']) continue;
    // the edge nearly all of the group's lines keep within: a few wider ones (a footer or a heading drawn across
    // the page at the same indent) are not of the column, and set no width
    let edge = max;
    let own = groupWidth(facts, idx, pads, ends, edge, t);
    if (own === 0) {
      count.fill(0);
      for (const i of idx) count[ends[i]]++;
      // one line is always allowed: a short article's footer is as much one line as a long one's
      const spare = Math.max(1, idx.length * t['unwrap.outlierShare']);
      for (let over = 0; edge > 0 && over + count[edge] <= spare; edge--) over += count[edge];
      own = groupWidth(facts, idx, pads, ends, edge, t);
    }
    if (own === 0) continue;
    for (const i of idx) {
      widths[i] = ends[i] > edge ? 0 : own;
      // measured at its group's width, with its indent
      ends[i] = -1;
    }
    any = true;
  }
  if (flat > 0) for (let i = 0; i < lines.length; i++) if (ends[i] >= 0) pads[i] = 0;
  return any ? widths : undefined;
}

/** wrapWidthOf the lines `idx` (one indent), those reaching past `edge` left out. */
function groupWidth(facts: LineFacts, idx: number[], pads: number[], ends: Int32Array, edge: number, t: Thresholds): number {
  // the group's lines in order, a blank (-1) where lines of other indents (or a stretch's end) came between
  const group: number[] = [];
  let prev = -2;
  for (const i of idx) {
    if (i !== prev + 1) group.push(-1);
    group.push(ends[i] > edge ? -1 : i);
    prev = i;
  }
  return wrapWidthOf(facts, t, pads, group);
}
