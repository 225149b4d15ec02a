/**
 * Display width: how many terminal columns a line takes, as a text-mode browser or a fixed-width terminal laid it
 * out — East Asian wide characters (Hangul, CJK, kana, fullwidth forms) two, a surrogate pair one. Plain-text
 * reading (stages/unwrap.ts, stages/columns/) measures lines with it. A table over the 65,536 code units is read
 * in the loops rather than a pattern matched per character (kit/unit-table.ts, "Tables in hot loops").
 */

/** East Asian wide characters take two columns in a terminal. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
/** Columns of each BMP code unit (`WIDE` holds only BMP ranges), looked up instead of matched per character. */
export const COLUMNS = new Uint8Array(0x10000).map((_, c) => (c < 0xd800 || c > 0xdfff) && WIDE.test(String.fromCharCode(c)) ? 2 : 1);

/** Width of a line in terminal columns. */
export function displayWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // a surrogate pair is one narrow character; a lone half counts as one too
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = line.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    w += COLUMNS[c];
  }
  return w;
}
