/**
 * The one record that flows through every stage of the pipeline.
 *
 * A `Doc` starts as bytes from a source (a file, stdin, a JSON Lines record),
 * is decoded to text, stripped of markup, normalised and split into blocks.
 * Later stages never change `text`: they only add removals (spans of `text`
 * that must not reach the output, each with a reason code) and findings.
 * The output text is assembled from `text`, `blocks` and `removed` at the end,
 * so the report can always say exactly which span went and why.
 */
import type { Code } from './codes.js';
import type { Reason } from '../classify/reasons.js';

/** What happened to a document, as the report and the exit code see it. */
export type DocStatus = 'kept' | 'duplicate' | 'skipped' | 'error';

/** How the encoding of a document was decided. */
export type EncodingSource = 'bom' | 'declared' | 'utf8' | 'detected' | 'forced' | 'default' | 'json';

/** Markup format of the decoded text. */
export type DocFormat = 'text' | 'html';

/**
 * Evidence an HTML page gives about a block: the tags and class/id names of
 * its ancestors and how much of its text sits inside links.
 */
export interface BlockContext {
  /** Lower-cased tag names of the enclosing elements, outermost first (deduplicated). */
  tags: string[];
  /** Lower-cased class and id tokens of the enclosing elements. */
  names: string[];
  /** Characters of this block's text that were inside `<a>` elements. */
  linkChars: number;
  /** The block element that produced this block (`p`, `li`, `h2`, `td`, …). */
  element: string;
  /**
   * Where the block stands against the page's content region (extract/region.ts), packed: see `regionOf`.
   * 0 when the page has no region.
   */
  region: number;
}

/** `BlockContext.region` unpacked. */
export interface RegionMark {
  /** The page has a content region. */
  page: boolean;
  /** The block is inside it. */
  inside: boolean;
  /** Entries of `tags` and `names` that belong to the region's top container and the elements around it (a prefix of each). */
  outerTags: number;
  outerNames: number;
}

/** The bit of `BlockContext.region` that says a block is inside the region. */
export const REGION_INSIDE = 2;

/** Pack a `RegionMark` into `BlockContext.region` (the counts are capped at 255: lists are far shorter). */
export function packRegion(m: RegionMark): number {
  if (!m.page) return 0;
  return 1 | (m.inside ? REGION_INSIDE : 0) | (Math.min(m.outerTags, 255) << 2) | (Math.min(m.outerNames, 255) << 10);
}

/** Unpack `BlockContext.region`. */
export function regionOf(packed: number): RegionMark {
  return { page: (packed & 1) !== 0, inside: (packed & REGION_INSIDE) !== 0, outerTags: (packed >> 2) & 255, outerNames: (packed >> 10) & 255 };
}

/** The content region a page's extraction chose, for `--explain` and the report. */
export interface PageRegion {
  /** The top container, as `tag.name > tag.name`. */
  path: string;
  /** Its score (extract/region.ts). */
  score: number;
  /** Characters of text under the region and on the whole page. */
  chars: number;
  pageChars: number;
  /** Containers in the region: the top one and the siblings that joined it. */
  containers: number;
  /** The page's `<title>`, spaces collapsed ('' for none): what names the article's headline. */
  title: string;
  /** Which reading the cascade kept (classify/cascade.ts), and the characters each kept; set by the classifier. */
  reading?: 'region' | 'page';
  regionKept?: number;
  pageKept?: number;
}

/** Shape of a block, as the segmenter recognised it. */
export type BlockKind = 'paragraph' | 'line' | 'heading' | 'list-item' | 'table-row';

/** A block: one non-empty line of `Doc.text`, the unit of boilerplate and repeat detection. */
export interface Block {
  /** Offset of the first character in `Doc.text` (UTF-16 code units). */
  start: number;
  /** Offset one past the last character in `Doc.text`. */
  end: number;
  kind: BlockKind;
  /** True when a blank line precedes this block in `Doc.text` (a paragraph break). */
  breakBefore: boolean;
  /** Tag evidence, for blocks that came from HTML. */
  context?: BlockContext;
  /** Class given by the classifier, with the code of the rule that decided it (classify/reasons.ts). */
  label?: { cls: 'good' | 'bad' | 'short' | 'near-good'; reason: Reason };
}

/** A span of `Doc.text` taken out, with its reason. */
export interface Removal {
  code: Code;
  /** Offset into the decoded, normalised `Doc.text`. */
  start: number;
  end: number;
  /** Free detail for the report (e.g. which block it repeats). */
  detail?: string;
}

/** A message about a document: a stable code, its arguments, and the span it concerns. */
export interface Finding {
  code: Code;
  /** `error` makes the document fail; `warning` and `info` are reported only. */
  severity: 'error' | 'warning' | 'info';
  /** Stage that produced it. */
  stage: string;
  args?: Record<string, string | number>;
  start?: number;
  end?: number;
}

/** Where a document came from and where its output goes. */
export interface DocSource {
  /** Path as the user should see it (relative to the working folder where possible), or `<stdin>`. */
  path: string;
  /** Path relative to its input root, used to place the output. Empty for stdin. */
  relPath: string;
  /** 1-based line number for JSON Lines records. */
  line?: number;
  /** Identifier of a JSON Lines record, when it has one. */
  recordId?: string;
  /**
   * The record's own bytes as read (a JSON Lines line), for the writer that splices the output into it. Held on
   * the thread that writes: the engine strips it from what a worker is sent and puts it back on what returns.
   */
  frame?: Uint8Array;
}

export interface Doc {
  /** Position in the stable input order; lower ids win ties such as "which duplicate is kept". */
  id: number;
  source: DocSource;
  /** Raw bytes, dropped once decoded. */
  bytes?: Uint8Array;
  /** Decoded text before markup removal and normalisation, dropped once extracted. */
  raw?: string;
  format: DocFormat;
  encoding?: string;
  encodingSource?: EncodingSource;
  /** The charset the transport declared (a WARC record's HTTP `Content-Type`), which outranks one in the page. */
  declaredCharset?: string;
  /** Blocks as the HTML extractor produced them, before normalisation. */
  rawBlocks?: RawBlock[];
  /** The content region the HTML extractor chose (none for text, or a page where no paragraph scored). */
  region?: PageRegion;
  /** The decoded, normalised text: the coordinate system of every offset in the report. */
  text: string;
  blocks: Block[];
  removed: Removal[];
  findings: Finding[];
  status: DocStatus;
  /** Cleaned output, filled by the `assemble` stage. */
  output?: string;
  /** Size of the input in bytes. */
  bytesIn: number;
  /** Filled by the duplicate stage for `status: 'duplicate'`. */
  duplicate?: { of: string; ofId: number; similarity: number; cluster: number };
  /** Set on the first document of a duplicate cluster. */
  cluster?: number;
  /**
   * Stage block-keys: per block, the [low, high] halves of its corpus key hash and the key's length (0: the block
   * has no key), 3 values a block; absent when no stage needs them.
   */
  blockKeys?: Uint32Array;
  /** Pass 1: what this document tells about the corpus, to be merged into CorpusState (see Stage.merge). */
  stats?: DocStats;
  /**
   * Pass 2, stage dedup-sign: 64-bit hash of `output` with whitespace removed,
   * as [low, high] 32-bit halves; absent when the output is blank or was not signed.
   */
  textHash?: Uint32Array;
  /** Pass 2, stage dedup-sign: MinHash signature of `output`; absent when it has no shingles (no letters). */
  signature?: Uint32Array;
  /**
   * Pass 2, stage cross-doc-sign: for each long block kept whole, its index in
   * `blocks` and the [low, high] halves of its whitespace-folded hash (3 values a block).
   */
  paragraphHashes?: Uint32Array;
}

/**
 * A document's pass-1 contribution: small, fixed-size data (typed arrays of
 * hashes, numbers) that crosses from a worker to the main thread cheaply. A
 * stage's `run` fills its fields (on any thread), its `merge` folds them into
 * the corpus state (main thread, input order; see Stage.merge).
 */
export interface DocStats {
  /** Stage near-copies: the 64-bit hash of the text with whitespace folded, one value; absent for a blank text. */
  exactHash?: BigUint64Array;
  /** Stage near-copies: the MinHash signature of the document's long blocks; absent when it has too few of them. */
  nearCopySignature?: Uint32Array;
  /**
   * Set by near-copies' merge: the earlier document this one nearly copies, or -1 for an exact copy of an earlier
   * text; absent for a document that copies none (whose blocks are then counted).
   */
  nearCopyOf?: number;
  /** Stage count-blocks: the document's distinct block key hashes. */
  blockHashes?: BigUint64Array;
}

/** A block from the HTML extractor: its text (not yet normalised) and its context. */
export interface RawBlock {
  text: string;
  breakBefore: boolean;
  kind: BlockKind;
  context?: BlockContext;
  /**
   * True when the extractor found nothing in `text` that normalise acts on (no character a rule changes or NFC
   * may, no run of spaces or line feeds), so normalise leaves it as it is (but for runs of line breaks).
   */
  normalised?: boolean;
  /**
   * For a block of several lines (broken by `<br>`, or in `<pre>`) with links: the link characters of each line
   * that holds more than spaces, in order (`context.linkChars` is the whole block's).
   */
  lineLinks?: number[];
}

/** Make a fresh document record for a source. */
export function createDoc(id: number, source: DocSource, bytes: Uint8Array): Doc {
  return {
    id,
    source,
    bytes,
    format: 'text',
    text: '',
    blocks: [],
    removed: [],
    findings: [],
    status: 'kept',
    bytesIn: bytes.byteLength,
  };
}

/** Text of a block. */
export function blockText(doc: Doc, block: Block): string {
  return doc.text.slice(block.start, block.end);
}

/**
 * Mark `[start, end)` of `doc.text` as removed for `code`. Parts already
 * removed by an earlier stage keep their first reason, so every character is
 * reported once. Returns the number of characters newly removed.
 */
export function removeSpan(doc: Doc, code: Removal['code'], start: number, end: number, detail?: string): number {
  if (end <= start) return 0;
  // `removed` stays sorted by start and non-overlapping: each gap of it inside [start, end) gets a piece, inserted
  // where it falls (no list of pieces and no splice, which returns an array: this runs once per removed block)
  const list = doc.removed;
  let cursor = start;
  let i = lowerBound(list, start);
  if (i > 0 && list[i - 1].end > cursor) cursor = list[i - 1].end;
  let added = 0;
  for (; i < list.length && list[i].start < end && cursor < end; i++) {
    const next = list[i].start;
    if (next > cursor) {
      insertAt(list, i, { code, start: cursor, end: next, detail });
      added += next - cursor;
      i++;
    }
    cursor = Math.max(cursor, list[i].end);
  }
  if (cursor < end) {
    insertAt(list, i, { code, start: cursor, end, detail });
    added += end - cursor;
  }
  return added;
}

/** Insert `r` into `list` at `i`, moving what follows up by one. */
function insertAt(list: Removal[], i: number, r: Removal): void {
  let j = list.length;
  if (j === i) {
    list.push(r);
    return;
  }
  list.push(list[j - 1]);
  for (j--; j > i; j--) list[j] = list[j - 1];
  list[i] = r;
}

function lowerBound(list: Removal[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters of `[start, end)` not yet removed. */
export function keptLength(doc: Doc, start: number, end: number): number {
  let kept = end - start;
  for (const r of doc.removed) {
    if (r.end <= start) continue;
    if (r.start >= end) break;
    kept -= Math.min(end, r.end) - Math.max(start, r.start);
  }
  return kept;
}
