/**
 * The lines outside the column regions of ../columns.ts rejoined where a text-mode browser wrapped them, each
 * measured with the blanks drawn before it (the indentation normalise would then hide from unwrap).
 */
import type { Thresholds } from '../../thresholds.js';
import { displayWidth } from '../../kit/display-width.js';
import { unwrapLines, wrapWidth } from '../unwrap.js';

/** Blanks that normalise would turn into one space. */
const SPACE_RUN = /[\t\u00A0]| {2}/;

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
  const indents: number[] = [];
  for (let k = 0; k < outside.length; k += 2) {
    for (let j = outside[k]; j < outside[k + 1]; j++) {
      const line = out[j];
      let indent = 0;
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 0x20 || c === 0xa0) indent++;
        else if (c === 0x09) indent = (indent + 8) & ~7;
        else break;
      }
      // as normalise will: runs of blanks to one space, no blanks at the ends
      const p = (SPACE_RUN.test(line) ? line.replace(/[ \t\u00A0]+/g, ' ') : line).trim();
      out[j] = p;
      // a rule drawn across the page sets no wrap width (unwrap never joins it)
      const rule = RULE.test(p);
      rest.push(rule ? '' : p);
      indents.push(rule ? 0 : indent);
      // most texts are not hard-wrapped: one long line settles it
      if (!rule && indent + displayWidth(p) > max) return changed ? out.join('\n') : text;
    }
    rest.push('');
    indents.push(0);
  }
  const width = wrapWidth(rest, t, indents);
  if (width === 0) return changed ? out.join('\n') : text;
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < outside.length; k += 2) {
    const len = outside[k + 1] - outside[k];
    parts.push(unwrapLines(out.slice(outside[k], outside[k + 1]), width, t, indents.slice(at, at + len)));
    at += len + 1;
    if (k + 2 < outside.length) parts.push(out[outside[k + 1]]);
  }
  return parts.join('\n');
}
