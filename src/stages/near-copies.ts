/**
 * near-copies (pass 1): find documents that nearly copy an earlier one by
 * their long blocks only, before any block is counted.
 *
 * Site templates — menus, bylines, footers — are mostly short lines, so a
 * signature over a document's long blocks is a signature of its article: a
 * syndicated copy under another site's template still matches. A document
 * found here is marked `duplicate` for the rest of pass 1, so its blocks are
 * not counted in the corpus-wide block frequencies (a long block shared by a
 * few documents then stays content, not boilerplate). Pass 2 decides again on
 * the cleaned text (stage dedup) and uses these verdicts only when the cleaned
 * texts agree as well.
 */
import type { Doc, DocStats } from '../record/doc.js';
import type { Thresholds } from '../thresholds.js';
import { signerFor } from '../dedup/minhash.js';
import { FoldedHash } from '../kit/hash.js';
import { foldAndTokenize } from '../dedup/fold-tokens.js';
import { unitWindow, unitsAt } from '../kit/text-units.js';
import { compactTable, type UnitTable } from '../kit/unit-table.js';
import { HashCounts } from '../corpus/hash-counts.js';
import type { Context } from '../stage.js';
import { dedupParams } from '../dedup/params.js';
import { NearCopyState } from '../dedup/state.js';

const folder = new FoldedHash();

/** Display width of `text` (of `text[start, end)`): East Asian wide characters (Hangul, CJK, kana, fullwidth forms) count 2. */
export function displayWidth(text: string, start = 0, end = text.length): number {
  let w = 0;
  for (let i = start; i < end; ) {
    const units = unitsAt(text, i, end);
    const base = unitWindow.from;
    for (const stop = Math.min(end, unitWindow.to); i < stop; i++) {
      const c = units[i - base];
      w += WIDTH_DATA[WIDTH_INDEX[c >>> 8] + (c & 0xff)];
    }
  }
  return w;
}

/** Columns of one code unit: 2 for East Asian wide characters, 0 for the low half of a pair (counted with its high half), else 1. */
function unitWidth(c: number): number {
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd840 && c <= 0xd87f) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6);
  return wide ? 2 : 1;
}

function widthTable(): UnitTable<Uint8Array> {
  const full = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) full[c] = unitWidth(c);
  return compactTable(full);
}

// module-level constants, built when the module loads: see kit/unit-table.ts, "Tables in hot loops"
const WIDTHS = widthTable();
const WIDTH_INDEX = WIDTHS.index;
const WIDTH_DATA = WIDTHS.data;

/** The long blocks of a document, what its near-copy signature is taken over: `[start, end, …]` offsets into its text. */
export function longBlocks(doc: Doc, minWidth: number): number[] {
  const ranges: number[] = [];
  for (const { start, end } of doc.blocks) {
    // no code unit is wider than two columns: a block under half the width is short without measuring it
    if (2 * (end - start) < minWidth) continue;
    if (reachesWidth(doc.text, start, end, minWidth)) ranges.push(start, end);
  }
  return ranges;
}

/**
 * `displayWidth(text, start, end) >= min`, reading no further than needed: a
 * long block is known long after `min` columns, half of them in Korean or
 * Chinese. Read in steps that cannot pass `min` by much (a unit is at most
 * two columns wide), so the loop does not test the sum at every unit.
 */
function reachesWidth(text: string, start: number, end: number, min: number): boolean {
  let w = 0;
  for (let i = start; i < end; ) {
    const units = unitsAt(text, i, end);
    const base = unitWindow.from;
    const limit = Math.min(end, unitWindow.to);
    while (i < limit) {
      for (const stop = Math.min(limit, i + Math.max(1, (min - w) >> 1)); i < stop; i++) {
        const c = units[i - base];
        w += WIDTH_DATA[WIDTH_INDEX[c >>> 8] + (c & 0xff)];
      }
      if (w >= min) return true;
    }
  }
  return w >= min;
}

/**
 * Per document (any thread): sign the long blocks of `doc` into
 * `doc.stats.nearCopySignature`, when it has enough of them to be told apart from pages
 * that share one long site-wide block.
 */
export function signLongBlocks(doc: Doc, t: Thresholds): void {
  const text = doc.text;
  const ranges = longBlocks(doc, t['nearCopies.minBlockWidth']);
  const signed = ranges.length >= 2 * t['nearCopies.minBlocks'];
  const params = dedupParams(t);
  const signer = signerFor(params);
  // one read of the text: all of it folded for the exact hash, the long blocks also cut into tokens when signed
  folder.reset();
  const cut = signed ? foldAndTokenize(signer, folder, text, ranges) : (folder.add(text, 0, text.length), undefined);
  // an exact copy (spaces and line breaks aside) is a copy however short: its blocks must not count twice
  const exact = folder.digest();
  if (exact !== undefined) (doc.stats ??= {}).exactHash = BigUint64Array.of(exact);
  if (!cut) return;
  const sig = new Uint32Array(params.hashes);
  // signed as the long blocks joined by line breaks, without joining them
  if (signer.signTokens(cut.mode, cut.count, sig) > 0) (doc.stats ??= {}).nearCopySignature = sig;
}

/**
 * Main thread, input order: match document `id`'s long-block signature
 * against the earlier ones; a match is noted (`stats.nearCopyOf`, and the
 * verdict pass 2 reads) so its blocks are not counted; otherwise it is indexed.
 */
export function mergeNearCopy(stats: DocStats, ctx: Context, id: number): void {
  const exact = stats.exactHash;
  if (exact) {
    const seen = (ctx.corpus.pass1Texts ??= new HashCounts());
    if (seen.get(exact[0]) > 0) {
      // pass 2 finds it again as an exact duplicate of the cleaned text; here it only must not be counted
      stats.nearCopyOf = -1;
      return;
    }
    seen.add(exact[0]);
  }
  const sig = stats.nearCopySignature;
  if (!sig) return;
  const state = (ctx.corpus.nearCopies ??= new NearCopyState(dedupParams(ctx.options.thresholds)));
  const index = state.index;
  if (!index) return;
  const m = index.match(sig);
  if (m) {
    state.mark(id, m.id, m.similarity);
    stats.nearCopyOf = m.id;
  } else index.add(sig, id);
}
