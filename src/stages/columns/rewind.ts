/**
 * Where ../columns.ts scans a region with no gutter again: a region may begin with a few lines of another row of
 * the layout (a header whose cells stand where the menu and the article below meet, or cross both), and the
 * gutter below them was never blank on every line of the region, or lines above the menu left it too few lines
 * crossing it. Scanned again from the line after the last line that crossed the gutter, the region is the layout
 * below them.
 */

/**
 * The line to scan the region `[start, …)` again from, or -1: the line after the last one that crossed the run of
 * `g` cells that the most lines below that crossing leave open (at least `minLines`, and more than the lines
 * skipped: one crossed by more lines than it keeps open below them is no gutter of this region).
 * `lastText[c]`: the last line of the region holding text in cell c (-1: none; a gutter never crossed was weighed
 * as it is); `openSince[c]`: the lines since on which cell c lies in a gap of at least `g` cells between text.
 * Linear in `width`.
 */
export function rescanFrom(lastText: Int32Array, openSince: Int32Array, width: number, g: number, start: number, minLines: number): number {
  let best = -1;
  let most = minLines - 1;
  for (let c = 0; c + g <= width; c++) {
    let crossed = -1;
    let open = 1 << 30;
    for (let k = c; k < c + g; k++) {
      crossed = Math.max(crossed, lastText[k]);
      open = Math.min(open, openSince[k]);
    }
    if (crossed >= start && open > most && crossed + 1 - start < open) {
      most = open;
      best = crossed + 1;
    }
  }
  return best;
}
