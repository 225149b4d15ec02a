/**
 * Building lookup tables over the 65,536 UTF-16 code units quickly. A table
 * is built once per thread, when its module loads or on first use; testing a
 * regular expression on 65,536 one-character strings takes tens of
 * milliseconds per pattern, a single global search over one string of all
 * the code units a few.
 *
 * Tables in hot loops. A loop that reads a table (or writes a scratch
 * buffer) through a module-level `const` of its own module runs up to twice
 * as fast as one that reads it through a local, a parameter, an object's
 * field or an imported binding: V8's optimising compiler (Node 20, V8 11.3)
 * folds such a constant into the code, with its length and its data's
 * address, where for any other typed array it loads those again at every
 * step, after every store. Measured on a loop of one two-level lookup and one
 * store per code unit (2026-11-23): 1.7 ns a unit through module constants,
 * 3.0 through locals, 3.7 through imported bindings. So a hot loop's tables
 * are built when their module loads and read through its own constants
 * (`const TABLE = someTable(); const INDEX = TABLE.index;`, or an alias of an
 * imported table, `const FLAGS = CHAR_FLAGS`): that cost is paid once per
 * thread, and every run needs the tables anyway (the command line loads the
 * stages only when it has documents to run). Plain declarations, not
 * destructuring: `const { index: INDEX } = someTable()` is not folded (the
 * fold-tokens loop took 17.5 ns a unit so, 8.9 with plain constants, 10.0
 * with locals).
 */

/** Every BMP code unit but the surrogates (which a `u` search would pair up), in order. */
let units: string | undefined;

function allUnits(): string {
  if (units !== undefined) return units;
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    chunk.push(c);
    if (chunk.length === 4096) parts.push(String.fromCharCode(...chunk.splice(0)));
  }
  parts.push(String.fromCharCode(...chunk));
  return (units = parts.join(''));
}

/** The code unit at `index` of `allUnits()`. */
const unitAt = (index: number): number => (index < 0xd800 ? index : index + 0x800);

/**
 * 1 for every code unit `c` for which `pattern.test(String.fromCharCode(c))`
 * holds, else 0; surrogates are 0. `pattern` must match one character at a
 * time (a character class, or an alternation of them).
 */
export function unitsMatching(pattern: RegExp): Uint8Array {
  const out = new Uint8Array(0x10000);
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const m of allUnits().matchAll(global)) {
    if (m[0].length !== 1) throw new Error(`unitsMatching: /${pattern.source}/ matched more than one character`);
    out[unitAt(m.index)] = 1;
  }
  return out;
}

/**
 * A table over the code units in two levels, for hot loops: `data[index[c >>> 8] + (c & 0xff)]`.
 * Runs of 256 units with the same entries share one copy, so a table whose
 * entries are the same across a script (store a mapping as the difference
 * from the unit, not the unit itself) takes a few kilobytes, not 64 Ki
 * entries — it stays in the processor's cache between documents, where a
 * flat table's lines would have to be fetched again for each one.
 */
export interface UnitTable<T extends Uint8Array | Int32Array> {
  /** Offset into `data` of the run of each high byte. */
  index: Int32Array;
  data: T;
}

/** The two-level form of `full` (65,536 entries). */
export function compactTable<T extends Uint8Array | Int32Array>(full: T): UnitTable<T> {
  // compared as one array type: reading a Uint8Array and an Int32Array through one function is several times slower
  const { index, kept } = sameRuns(full instanceof Int32Array ? full : Int32Array.from(full));
  const data = new (full.constructor as new (length: number) => T)(kept.length << 8);
  kept.forEach((high, i) => data.set(full.subarray(high << 8, (high + 1) << 8), i << 8));
  return { index, data };
}

/** Which runs of 256 entries are alike: the offset of each high byte's run in the compact data, and the runs kept. */
function sameRuns(values: Int32Array): { index: Int32Array; kept: number[] } {
  const index = new Int32Array(256);
  const kept: number[] = [];
  // runs kept so far, by a hash of their entries (alike runs are then compared entry by entry)
  const byHash = new Map<number, number[]>();
  for (let high = 0; high < 256; high++) {
    const base = high << 8;
    let h = 0x811c9dc5;
    for (let i = 0; i < 256; i++) h = Math.imul(h ^ values[base + i], 0x01000193);
    const candidates = byHash.get(h) ?? [];
    let slot = candidates.find((k) => sameRun(values, kept[k] << 8, base));
    if (slot === undefined) {
      slot = kept.length;
      kept.push(high);
      candidates.push(slot);
      byHash.set(h, candidates);
    }
    index[high] = slot << 8;
  }
  return { index, kept };
}

function sameRun(values: Int32Array, a: number, b: number): boolean {
  for (let i = 0; i < 256; i++) if (values[a + i] !== values[b + i]) return false;
  return true;
}
