/**
 * unwrap: rebuild paragraphs from hard-wrapped plain text (text-mode browser
 * dumps, mail, copy-paste from a fixed-width terminal) before it is cut into
 * blocks, so each paragraph is judged as one block.
 *
 * Conservative by design: a text is unwrapped only when most of its lines that
 * fill one common width break where the next word would not have fitted (and
 * `unwrap.minShareAll` of all its breaks do: a menu's short lines say little),
 * and a line joins the next only when it filled the width (the wrapper broke
 * it) and the next line does not start a list item, a heading or a table row.
 * Text written one paragraph per line is untouched.
 * Runs on plain text, and on the <pre> blocks of HTML pages, after normalise
 * and before segment; `doc.text` after this stage is the coordinate system of
 * every offset.
 */
import type { Doc } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { LIST_MARKER } from './segment.js';
import { COLUMNS as WIDTHS, displayWidth } from '../kit/display-width.js';

/** The kit's column table under a module-level constant of this module, for hasLineWiderThan's loop (kit/unit-table.ts, "Tables in hot loops"). */
const COLUMNS = WIDTHS;
/** Characters joined without a space when a line break falls between two of them. */
const NO_SPACE_SCRIPT = /[\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]/u;
/** Table rows and rules: pipes, box drawing, or a line made only of rule characters. */
const TABLE_OR_RULE = /\||[\u2500-\u257F]|^[-=_*~+.#\s]{3,}$/u;

/** Width of the first word of `line` (one character for scripts that break anywhere). */
function firstWordWidth(line: string): number {
  const first = line.match(/^\S+/u)?.[0] ?? '';
  return NO_SPACE_SCRIPT.test(first[0] ?? '') ? 2 : displayWidth(first);
}

/**
 * True when the break after `line` was forced by a wrapper at `width`: the line
 * fills the width and the next line's first word would not have fitted on it
 * (a wrapper such as fmt(1) or a text-mode browser breaks only then).
 */
function forcedBreak(line: string, next: string, width: number, t: Thresholds, indent = 0): boolean {
  const w = indent + displayWidth(line);
  return w >= width * t['unwrap.fillRatio'] && w + leadOf(next) > width;
}

/**
 * Cells the first word of `line` needs after a full line: the space before it (none before a character of a
 * script that breaks anywhere, where a wide character that does not fit leaves the last column empty instead:
 * one cell of slack) and the word.
 */
function leadOf(line: string): number {
  const space = NO_SPACE_SCRIPT.test(line[0] ?? '') ? 0 : 1;
  return space + (space === 0 ? 1 : 0) + firstWordWidth(line);
}

/**
 * The common wrap width of `lines`, or 0 when the text does not look
 * hard-wrapped: most line breaks inside runs of text must be forced breaks at
 * the width of the widest line, which must be within `unwrap.maxWidth`.
 */
export function wrapWidth(lines: string[], t: Thresholds, indents?: ArrayLike<number>): number {
  return wrapWidthOf(lineFacts(lines), t, indents);
}

/** What wrapWidthOf reads of each line, measured once however many times the lines are weighed. */
export interface LineFacts {
  /** Display width. */
  width: Int32Array;
  /** Cells the line's first word needs after a full line (leadOf). */
  lead: Int32Array;
  /** 1: the line starts a block of its own (see startsBlock); 2: it is blank. A break beside it is not weighed. */
  apart: Uint8Array;
}

/** The facts of each of `lines` (see LineFacts). */
export function lineFacts(lines: string[]): LineFacts {
  const n = lines.length;
  const f: LineFacts = { width: new Int32Array(n), lead: new Int32Array(n), apart: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    if (!line) {
      f.apart[i] = 2;
      continue;
    }
    f.width[i] = displayWidth(line);
    if (startsBlock(line)) f.apart[i] = 1;
    f.lead[i] = leadOf(line);
  }
  return f;
}

/**
 * wrapWidth of the lines `idx` (indexes into `f`, in order; -1: a blank between them; all the lines when omitted),
 * `pads[i]`: the display cells of blanks before line i when the wrapper drew it (trimmed from its width).
 */
export function wrapWidthOf(f: LineFacts, t: Thresholds, pads?: ArrayLike<number>, idx?: ArrayLike<number>): number {
  const n = idx ? idx.length : f.width.length;
  let width = 0;
  for (let k = 0; k < n; k++) {
    const i = idx ? idx[k] : k;
    if (i < 0 || f.apart[i] === 2) continue;
    width = Math.max(width, (pads ? pads[i] : 0) + f.width[i]);
    // most texts are not hard-wrapped: one long line settles it
    if (width > t['unwrap.maxWidth']) return 0;
  }
  if (width < 20) return 0;
  const fill = width * t['unwrap.fillRatio'];
  let forced = 0;
  let free = 0;
  let short = 0;
  for (let k = 0; k + 1 < n; k++) {
    const i = idx ? idx[k] : k;
    const j = idx ? idx[k + 1] : k + 1;
    if (i < 0 || j < 0 || f.apart[i] !== 0 || f.apart[j] !== 0) continue;
    const w = (pads ? pads[i] : 0) + f.width[i];
    // forced: the line fills the width and the next line's first word would not have fitted (see forcedBreak)
    if (w >= fill && w + f.lead[j] > width) forced++;
    // a break after a short line says little of the width (a list, a menu, a paragraph's end): a line that filled
    // the width and still broke early shows text that is not wrapped
    else if (w >= fill) free++;
    else short++;
  }
  if (forced < t['unwrap.minLines'] || forced / (forced + free) < t['unwrap.minShare']) return 0;
  if (forced / (forced + free + short) < t['unwrap.minShareAll']) return 0;
  return width;
}

/** A line that starts something of its own: a list item, a heading in capitals, a table row or a rule. */
function startsBlock(line: string): boolean {
  return LIST_MARKER.test(line) || TABLE_OR_RULE.test(line) || isCapitals(line);
}

const LOWER_ASCII = /[a-z]/;

/** An all-capitals line (at least two letters): a heading in a text dump. */
function isCapitals(line: string): boolean {
  // most lines hold a lower-case ASCII letter, which upper-casing changes: no need to gather the letters
  if (LOWER_ASCII.test(line)) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * True when a line of `text` is wider than `max` columns (`displayWidth` line
 * by line, without splitting): such a text is not hard-wrapped (see
 * `wrapWidth`), and most texts show it in their first long paragraph.
 */
export function hasLineWiderThan(text: string, max: number): boolean {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      w = 0;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    w += COLUMNS[c];
    if (w > max) return true;
  }
  return false;
}

/** Rejoin wrapped lines of `text`; returns it unchanged when it is not hard-wrapped. */
export function unwrapText(text: string, t: Thresholds): string {
  if (hasLineWiderThan(text, t['unwrap.maxWidth'])) return text;
  const lines = text.split('\n');
  const width = wrapWidth(lines, t);
  if (width === 0) return text;
  return unwrapLines(lines, width, t);
}

/**
 * Rejoin the lines of `lines` that a wrapper broke at `width` (see `wrapWidth`; one for all lines, or each line's
 * own, 0: never joined); `indents`: display cells of blanks that stood before each line (trimmed from `lines`)
 * when the wrapper drew it.
 */
export function unwrapLines(lines: string[], width: number | ArrayLike<number>, t: Thresholds, indents?: ArrayLike<number>): string {
  const out: string[] = [];
  let current: string[] = [lines[0]]; // physical lines of the paragraph being built, with their glue
  let first = lines[0];
  let last = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const joinable =
      first !== '' &&
      line !== '' &&
      !startsBlock(line) &&
      !TABLE_OR_RULE.test(first) &&
      !isCapitals(last) &&
      (typeof width === 'number' || width[i - 1] > 0) &&
      forcedBreak(last, line, typeof width === 'number' ? width : width[i - 1], t, indents ? indents[i - 1] : 0);
    if (joinable) {
      const a = last[last.length - 1];
      // a hyphen at a break before a lower-case letter is the word's own (we do not guess hyphenation)
      const glue = NO_SPACE_SCRIPT.test(a) && NO_SPACE_SCRIPT.test(line[0]) ? '' : /\p{L}-$/u.test(last) && /^\p{Ll}/u.test(line) ? '' : ' ';
      current.push(glue, line);
    } else {
      out.push(current.join(''));
      current = [line];
      first = line;
    }
    last = line;
  }
  out.push(current.join(''));
  return out.join('\n');
}

export function unwrap(doc: Doc, t: Thresholds): void {
  if (doc.format === 'text') {
    doc.text = unwrapText(doc.text, t);
    return;
  }
  // An HTML page's <pre> keeps its lines where its author broke them: a hard-wrapped document (an RFC, a mail
  // archive, a plain-text article put on the web as is) is prose all the same, and its lines are judged as
  // paragraphs only once rejoined. Code in a <pre> does not break where a wrapper would, and stays as it is.
  if (doc.rawBlocks)
    for (const rb of doc.rawBlocks) {
      if (rb.context?.element !== 'pre' || !rb.text.includes('\n')) continue;
      const text = unwrapText(rb.text, t);
      if (text === rb.text) continue;
      rb.text = text;
      // the lines' own link counts no longer fit: segment shares the block's among them by length
      rb.lineLinks = undefined;
    }
}
