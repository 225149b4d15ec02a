/**
 * One read of a text for the three things duplicate detection needs from it:
 * its whitespace-folded hash (exact copies: hash.ts FoldedHash), its script
 * share (the shingling mode: script.ts) and its shingling tokens (tokens.ts).
 * They were three loops over the same code units, each with its own table
 * lookup; here one loop does all three with one lookup per unit, in a table
 * that packs the three tables' entries.
 *
 * The tokens depend on the mode, and the mode on the share of the whole text,
 * known only at the end: they are cut in the mode the text's first
 * SAMPLE_UNITS code units suggest, and cut again (tokens.ts) in the other
 * mode in the rare text whose whole share says otherwise. The results are
 * those of the separate loops either way (tests/dedup/hash-fast.properties.test.ts).
 */
import { FoldedHash, FOLD_KEEPS } from '../kit/hash.js';
import { compactTable, type UnitTable } from '../kit/unit-table.js';
import { unitWindow, unitsAt } from '../kit/text-units.js';
import { astralClass, bmpTable, codePointAt, shareOf, unspacedShare, whole, type Ranges, type ScriptCounts } from './script.js';
import { TO_STRING_PATH, UNSAFE_UNIT, lowerTable, lowered, tokenize, type ShingleMode, type TokenBuffer } from './tokens.js';
import type { Signer } from './minhash.js';
import { fmix32 } from '../kit/mix.js';

/** FNV-1a's offset basis and prime (tokens.ts cuts words with the same hash). */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Code units of a text's beginning whose script share guesses its mode (about a title). On 3,000 cleaned
 * pages of the bench corpus, 64 units guess wrong for 14 (a second cutting of those), 128 for 2, but cost
 * twice as much on every page.
 */
const SAMPLE_UNITS = 64;

/** Bit 18 of an entry: folding keeps the unit (it is not whitespace). */
const KEEP_SHIFT = 18;
/** Bits 22–23: the unit's own class for the share (script.ts), where bits 16–17 hold its lower case's class. */
const CLASS_SHIFT = 22;

/**
 * Per code unit: its tokens.ts `lowerTable` entry (lower case as a difference
 * in bits 0–15, the lower case's class in bits 16–17, UNSAFE_UNIT in bit 20),
 * whether folding keeps it (bit 18) and its own class (bits 22–23).
 */
function foldTokenTable(): UnitTable<Int32Array> {
  const lower = lowerTable();
  const keep = FOLD_KEEPS;
  const classes = bmpTable();
  const full = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const high = c >>> 8;
    const low = c & 0xff;
    full[c] = lower.data[lower.index[high] + low] | (keep.data[keep.index[high] + low] << KEEP_SHIFT) | (classes[c] << CLASS_SHIFT);
  }
  return compactTable(full);
}

// module-level constants, built when the module loads: see kit/unit-table.ts, "Tables in hot loops"
const FOLD_TOKENS = foldTokenTable();
const INDEX = FOLD_TOKENS.index;
const DATA = FOLD_TOKENS.data;
const LOWERS = lowerTable();

/**
 * Fold `text[start, end)` into `fold`, add its letters to `counts` (as
 * script.ts `foldCounting` does) and append its tokens for word mode
 * (`words`) or char mode to `out` (as tokens.ts `tokenize` cuts one range).
 * Returns false when a character must be lower-cased in context: the tokens
 * are then not valid (the fold and the counts are).
 */
export function foldTokens(fold: FoldedHash, text: string, start: number, end: number, counts: ScriptCounts, words: boolean, out: TokenBuffer): boolean {
  const buf = fold.units;
  let unspaced = counts.unspaced;
  let letters = counts.letters;
  let flags = 0;
  let h = 0;
  let inWord = 0;
  // with k the class (0, 1 or 2) — word mode: class 1 goes on a word (k & wordBit), class 2 is a token of its
  // own (k >> 1); char mode: no words, and classes 1 and 2 are tokens (k >> 1 | k & charBit)
  const wordBit = words ? 1 : 0;
  const charBit = words ? 0 : 1;
  for (let i = start; i < end; ) {
    if (fold.n >= FoldedHash.CHUNK) fold.flush();
    const units = unitsAt(text, i, end);
    const base = unitWindow.from;
    const stop = Math.min(end, unitWindow.to, i + FoldedHash.CHUNK - fold.n);
    // at most one token per code unit, and the word still open
    out.reserve(stop - i + 1);
    const hashes = out.hashes;
    let count = out.count;
    let n = fold.n;
    let surrogates = false;
    // a step writes at most as many units as it reads, and reads one past `stop` at most: within the fold's slack
    for (; i < stop; i++) {
      const u = units[i - base];
      const e = DATA[INDEX[u >>> 8] + (u & 0xff)];
      buf[n] = u;
      n += (e >>> KEEP_SHIFT) & 1;
      let own = e >>> CLASS_SHIFT;
      let c: number;
      let k: number;
      if ((u & 0xf800) !== 0xd800) {
        flags |= e;
        c = (u + e) & 0xffff;
        k = (e >>> 16) & 3;
      } else {
        surrogates = true;
        const pair = u <= 0xdbff && i + 1 < end;
        const x = lowered(units, i - base, pair, LOWERS.index, LOWERS.data);
        flags |= x & TO_STRING_PATH ? UNSAFE_UNIT : 0;
        c = x & 0x1fffff;
        k = (x >>> 21) & 3;
        if (pair) {
          // one character to the share and the tokens (a pair, or a lone high surrogate and what follows); both units folded
          own = astralClass(codePointAt(units, i - base));
          const d = units[++i - base];
          buf[n] = d;
          n += (DATA[INDEX[d >>> 8] + (d & 0xff)] >>> KEEP_SHIFT) & 1;
        }
      }
      // own is 0, 1 or 2: counted without a branch (letters and spaces alternate too often to predict)
      unspaced += own >> 1;
      letters += (own + 1) >> 1;
      // the tokens without a branch either: a letter of a spaced script goes on the word (FNV-1a over UTF-16
      // units, tokens.ts rangeTokens) or starts one; anything else ends the open word, and a letter or digit is
      // a token of its own. A token is stored as what fmix32 finishes (below, for the whole piece at once); a
      // store that is not a token is overwritten by the next one.
      const letter = k & wordBit;
      const open = -inWord;
      const next = Math.imul(((h & open) | (FNV_BASIS & ~open)) ^ c, FNV_PRIME);
      hashes[count] = h;
      count += inWord & ~letter;
      hashes[count] = Math.imul(c, 0x9e3779b1) ^ 0x5bd1e995;
      count += (k >> 1) | (k & charBit);
      h = next ^ ((next ^ h) & (letter - 1));
      inWord = letter;
    }
    for (let j = out.count; j < count; j++) hashes[j] = fmix32(hashes[j]);
    out.count = count;
    fold.n = n;
    if (surrogates) fold.surrogates = true;
  }
  // the word still open, stored without a branch: a path only some texts take has no type feedback when the
  // loop is compiled, and V8 (11.3) then deoptimises on it at every call that takes it (the on-stack-replaced
  // code is entered again each time: 9 → 18 ns a unit in a benchmark that hit it)
  out.reserve(1);
  out.hashes[out.count] = fmix32(h);
  out.count += inWord;
  counts.unspaced = unspaced;
  counts.letters = letters;
  return (flags & UNSAFE_UNIT) === 0;
}

/** The script share of the first SAMPLE_UNITS code units of `ranges`. */
function sampleShare(text: string, ranges: Ranges): number {
  const sample: number[] = [];
  let left = SAMPLE_UNITS;
  for (let r = 0; r < ranges.length && left > 0; r += 2) {
    const to = Math.min(ranges[r + 1], ranges[r] + left);
    sample.push(ranges[r], to);
    left -= to - ranges[r];
  }
  return unspacedShare(text, sample);
}

/**
 * Fold all of `text` into `fold` (as `fold.add` would) and cut `ranges` of it
 * (all of it by default) into `signer.tokens` in the mode their script share
 * gives (as `signer.mode` and tokens.ts `tokenize` would), reading the text
 * once. Returns the mode and the number of tokens, for `signer.signTokens`.
 */
export function foldAndTokenize(signer: Signer, fold: FoldedHash, text: string, ranges: Ranges = whole(text)): { mode: ShingleMode; count: number } {
  const guess = signer.mode(text, ranges, sampleShare(text, ranges));
  const tokens = signer.tokens;
  const counts = { unspaced: 0, letters: 0 };
  tokens.count = 0;
  let valid = true;
  let at = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    fold.add(text, at, ranges[r]);
    if (!foldTokens(fold, text, ranges[r], ranges[r + 1], counts, guess === 'word', tokens)) valid = false;
    at = ranges[r + 1];
  }
  fold.add(text, at, text.length);
  const mode = signer.mode(text, ranges, shareOf(counts));
  const count = valid && mode === guess ? tokens.count : tokenize(text, mode, tokens, ranges);
  return { mode, count };
}
