/**
 * Thresholds of plain text's layout: hard-wrapped lines rejoined (unwrap) and side-by-side columns read one
 * after the other (columns).
 *
 * Part of the registry in ../thresholds.ts (which lists the families in `--list-thresholds` order).
 */
import { spec, type ThresholdSpec } from './spec.js';

export const PLAIN_TEXT_THRESHOLDS = {
  'unwrap.maxWidth': spec(
    132,
    'widest line (in display columns, CJK counting 2) a hard-wrapped dump can have; wider texts are never unwrapped',
    'ours: text-mode browsers (lynx, w3m) and mail clients wrap at 72–80 columns, line printers at 132',
    20,
    10000,
    true,
  ),
  'unwrap.minShare': spec(
    0.5,
    'share of line breaks after lines that fill the wrap width (unwrap.fillRatio) that must be forced (the next word would not have fitted) before a text is treated as hard-wrapped',
    'ours: in a wrapped dump nearly every break inside a paragraph is forced; in one-paragraph-per-line text (the seeds) short lines break freely',
    0,
    1,
  ),
  'unwrap.minShareAll': spec(
    0.25,
    'share of all line breaks inside runs of text (after short lines too) that must be forced before a text is treated as hard-wrapped; unwrap.minShare counts only breaks after lines that fill the width',
    'ours: lists and menus between wrapped paragraphs break after short lines; one-paragraph-per-line text breaks freely after nearly every line (dev set text track, F1 without it (0) → 0.25: cleaneval 0.815 → 0.822, readability 0.808 → 0.806, dragnet 0.755 both; seeds unjoined)',
    0,
    1,
  ),
  'unwrap.minLines': spec(
    4,
    'forced line breaks a text must have before it is treated as hard-wrapped',
    'ours: fewer lines cannot show a common width',
    1,
    1000000,
    true,
  ),
  'unwrap.fillRatio': spec(
    0.75,
    'a line must fill at least this share of the wrap width (and the next word must not fit) to join the next line',
    'ours, after par(1) and fmt(1): a wrapper breaks at the last space before the width, so wrapped lines fill ≥ 3/4 of it',
    0,
    1,
  ),
  'unwrap.outlierShare': spec(
    0.01,
    'share of the lines at one indent that may reach past the edge the others are wrapped at (a footer or a heading drawn across the page at the same indent) before that edge is not their wrap width; one such line is always allowed',
    'ours: a column of a dev-set text dump (2,006 lines at one indent) held 3 lines past its edge; w3m never draws a cell\'s text past the cell. Allowing one line in any group (a footer under a short article): dev set text track F1 cleaneval 0.822 → 0.825, dragnet and readability unchanged',
    0,
    1,
  ),
  // --- plain text laid out in side-by-side columns (text-mode browser dumps of table layouts) ---
  'columns.minGutter': spec(
    2,
    'narrowest gutter (display columns of spaces at the same position on every line of a region) that separates two columns',
    'ours: w3m and lynx put at least one space of cell padding on each side of a table cell; a single space is an ordinary word space',
    2,
    100,
    true,
  ),
  'columns.minLines': spec(
    6,
    'lines with text on both sides of a gutter before the gutter separates columns',
    'ours: fewer aligned gaps happen by chance in prose and lists; a table layout spans a screenful',
    2,
    1000,
    true,
  ),
  'columns.minShare': spec(
    0.5,
    'share of the non-blank lines from the first to the last line with text on both sides of a gutter that must have text on both sides of it',
    'ours: "most lines" (0.3 and 0.5 score within 0.001 on the dev set text track; the higher is the more conservative)',
    0,
    1,
  ),
  'columns.wideShare': spec(
    0.8,
    'share of the lines with text on both sides of a gutter on which it is at least columns.minGutter wide (on the others a cell filled to one space short of it)',
    'ours: w3m pads table cells with one space each side but a cell filled to its width leaves a single space; measured on the dev set text track',
    0,
    1,
  ),
  'columns.minRows': spec(
    3,
    'rows of a region that show whether its columns are the cells of a table (see columns.rowShare)',
    'ours: fewer rows cannot tell a table from a layout',
    1,
    1000,
    true,
  ),
  'columns.rowShare': spec(
    0.5,
    'share of the cells of a column starting right after the next column ended a line short of its width (a new row) that makes a region a table, read by rows',
    'ours: after a row ends short of the width three times in four (a paragraph\'s last line is as often long as not); beside a menu the article runs on, its lines filled (one in five ends short)',
    0,
    1,
  ),
  'columns.proseWidth': spec(
    24,
    'mean display width of the non-empty cells of at least one column before a region is read column by column (else it is a data table and stays by rows)',
    'ours: menus, sidebars and cells of data tables hold a few words (< 20 columns); an article column wrapped by a text-mode browser is 30–70 wide',
    1,
    1000,
  ),
} satisfies Record<string, ThresholdSpec>;
