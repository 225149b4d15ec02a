/**
 * Whether a column region of ../columns.ts is a table read by rows rather than a layout read by columns.
 */
import type { Thresholds } from '../../thresholds.js';
import { displayWidth } from '../../kit/display-width.js';

/**
 * True when the columns of a region are the cells of a table read by rows (a term and its definition, a name and
 * its description): a cell of one column starts where the text of the next column has just ended a line short of
 * its width, as a new row does. Beside a menu or a sidebar, the article runs on regardless of the rows.
 */
export function rowsAligned(cols: string[][], t: Thresholds): boolean {
  for (let k = 0; k + 1 < cols.length; k++) {
    const left = cols[k];
    const right = cols[k + 1];
    let width = 0;
    for (const cell of right) width = Math.max(width, displayWidth(cell.trim()));
    let rows = 0;
    let aligned = 0;
    for (let j = 1; j < left.length; j++) {
      if (!left[j].trim() || !right[j - 1].trim() || !right[j].trim()) continue;
      rows++;
      if (displayWidth(right[j - 1].trim()) < width * t['unwrap.fillRatio']) aligned++;
    }
    if (rows >= t['columns.minRows'] && aligned >= rows * t['columns.rowShare']) return true;
  }
  return false;
}
