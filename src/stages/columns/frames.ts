/**
 * Boxes drawn round text, for ../columns.ts. A text-mode browser draws a bordered table cell as a box of rules: each
 * line of the text inside starts and ends with a vertical rule at the same two cells. Read as text, every line of
 * the box holds two rules, no line fills a width unwrap can see (its right side stands where the box ends, past
 * the padding), and no gutter parts the rules from text padded by a single space. The sides of such a box are
 * blanked (each rule becomes as many spaces as the cells it took), so its text keeps its place and is read as any
 * other text at its indent: rejoined where the browser wrapped it inside the box. The top and bottom rules stay.
 */
import { displayWidth } from '../../kit/display-width.js';
import { expandTabs } from './cells.js';

/** A vertical rule of a box (light, heavy, double, dashed). */
const RULE = '[\u2502\u2503\u2551\u2506\u2507\u250A\u250B\u254E\u254F]';
/** A line starting and ending with a vertical rule: the blanks before, the left rule, the inside, the right rule. */
const SIDES = new RegExp(`^([ \\u00A0]*)(${RULE})(.*?)(${RULE})[ \\u00A0\\r]*$`, 'u');
const ANY_RULE = new RegExp(RULE, 'u');

/**
 * `text` with the sides of each box blanked: a run of at least `minLines` consecutive lines whose rules stand at the
 * same two cells. Returns `text` itself when there is no box. Linear in the text.
 */
function blankFrames(text: string, minLines: number): string {
  if (!ANY_RULE.test(text)) return text;
  const lines = text.split('\n');
  let out = lines;
  let runStart = -1;
  let runKey = '';
  // the lines of the current run with their sides blanked, made as each line is matched
  let run: string[] = [];
  const flush = (): void => {
    if (run.length < minLines) return;
    if (out === lines) out = lines.slice();
    for (let k = 0; k < run.length; k++) out[runStart + k] = run[k];
  };
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j];
    const m = line.includes('\t') || line.includes('\u00A0') || line.charCodeAt(0) === 0x20 || ANY_RULE.test(line.charAt(0)) ? SIDES.exec(expandTabs(line)) : null;
    const key = m ? `${displayWidth(m[1])},${displayWidth(m[1] + m[2] + m[3])}` : '';
    if (key !== runKey || !key) {
      flush();
      runStart = j;
      runKey = key;
      run = [];
    }
    if (m) run.push(`${m[1]}${' '.repeat(displayWidth(m[2]))}${m[3]}`.trimEnd());
  }
  flush();
  return out === lines ? text : out.join('\n');
}

/** `text` with the sides of its boxes blanked, and of the boxes inside them once those are gone, `depth` deep. */
export function unframe(text: string, minLines: number, depth: number): string {
  for (let k = 0; k < depth; k++) {
    const unframed = blankFrames(text, minLines);
    if (unframed === text) break;
    text = unframed;
  }
  return text;
}
