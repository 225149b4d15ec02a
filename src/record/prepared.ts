/**
 * A prepared document — the record as the `prepare` stages leave it: text,
 * blocks with their HTML context, and what reading found — as bytes, so that
 * pass 1 can keep it (engine/spill.ts) and pass 2 start from it instead of
 * reading, decoding, extracting and normalising the document again.
 *
 * Layout, in the machine's byte order (the bytes never leave the run): a
 * header of HEADER_INTS int32s; the blocks as BLOCK_INTS int32s each; the
 * block keys (stages/block-keys.ts) as they are; the JSON of every other field
 * (UTF-8); the text as Latin-1 when every code unit fits a byte, else as
 * UTF-16. Both text forms decode at memory speed: pass 2 pays a copy, not a
 * UTF-8 decode or a parse.
 * `decodePrepared` gives back an equal record (the tests compare), and blocks
 * that shared their ancestor lists share them again (stages/classify.ts
 * works out the evidence once per such run of blocks).
 */
import type { Block, BlockContext, Doc, DocSource } from './doc.js';
import { FREE_BIT, breaksBefore, kindOf, shapeFlags } from './block-flags.js';

const MAGIC = 0x43435031; // "CCP1"
/** magic, bytes of JSON, characters of text, text as UTF-16 (1) or Latin-1 (0), blocks, block keys (-1: none). */
const HEADER_INTS = 6;
/** start, end, flags, tags list, names list, element, link characters, region mark. */
const BLOCK_INTS = 8;
/** Block flags: its shape (block-flags.ts), then whether it has a context. */
const HAS_CONTEXT = 1 << FREE_BIT;
/** A code unit that does not fit in one byte. */
const WIDE = /[^\x00-\xff]/;

/** Fields that are not kept: the bytes and raw text are gone once prepared, `stats` is pass 1's own. */
type Kept = Omit<Doc, 'id' | 'source' | 'text' | 'blocks' | 'blockKeys' | 'bytes' | 'raw' | 'rawBlocks' | 'stats'>;

interface Meta {
  /** The source as parsing completed it (a record's id, its text's span), without a record's line. */
  source: DocSource;
  doc: Kept;
  /** Distinct ancestor-tag and class-name lists of the blocks, and their block elements. */
  lists: string[][];
  elements: string[];
}

/** Encoding space reused from one document to the next (own memory, so its Int32Array view starts at byte 0). */
let scratch = Buffer.allocUnsafeSlow(1 << 16);
/** Per block: its tags list, names list and element, as indexes into the tables of the JSON (reused). */
let contexts = new Int32Array(3 * 256);

/**
 * The prepared `doc` as bytes, a multiple of 4 of them. The bytes are a view
 * of space that the next call reuses: copy or write them out before encoding
 * another document.
 */
export function encodePrepared(doc: Doc): Uint8Array {
  const { id: _id, source, text, blocks, blockKeys, bytes: _b, raw: _r, rawBlocks: _rb, stats: _s, ...kept } = doc;
  const { frame: _frame, ...src } = source as DocSource & { frame?: Uint8Array };
  // lists interned by content: a page's blocks under the same ancestors come back sharing one list. A page has a
  // few dozen lists, most blocks share their neighbour's: a scan from the latest beats hashing arrays
  const lists: string[][] = [];
  const seen: string[][] = [];
  const seenAs: number[] = [];
  const elements: string[] = [];
  const listOf = (l: string[]): number => {
    for (let i = seen.length - 1; i >= 0; i--) if (seen[i] === l) return seenAs[i];
    let i = lists.findIndex((m) => sameList(m, l));
    if (i < 0) i = lists.push(l) - 1;
    seen.push(l);
    seenAs.push(i);
    return i;
  };
  if (contexts.length < 3 * blocks.length) contexts = new Int32Array(6 * blocks.length);
  let last: BlockContext | undefined;
  let lastAt = 0;
  for (let i = 0; i < blocks.length; i++) {
    const c = blocks[i].context;
    if (!c) continue;
    // blocks under the same element share its lists
    if (last && c.tags === last.tags && c.names === last.names && c.element === last.element) contexts.copyWithin(3 * i, 3 * lastAt, 3 * lastAt + 3);
    else {
      let e = elements.indexOf(c.element);
      if (e < 0) e = elements.push(c.element) - 1;
      contexts[3 * i] = listOf(c.tags);
      contexts[3 * i + 1] = listOf(c.names);
      contexts[3 * i + 2] = e;
    }
    last = c;
    lastAt = i;
  }
  const json = JSON.stringify({ source: src, doc: kept, lists, elements } satisfies Meta);
  const wide = WIDE.test(text);
  const blockBytes = (HEADER_INTS + blocks.length * BLOCK_INTS) * 4;
  const intBytes = blockBytes + (blockKeys?.byteLength ?? 0);
  const bound = intBytes + 3 * json.length + 4 + text.length * 2;
  if (scratch.length < bound) scratch = Buffer.allocUnsafeSlow(Math.max(bound, 2 * scratch.length));
  const ints = new Int32Array(scratch.buffer, 0, intBytes / 4);
  if (blockKeys) new Uint32Array(scratch.buffer, blockBytes, blockKeys.length).set(blockKeys);
  for (let i = 0, o = HEADER_INTS; i < blocks.length; i++, o += BLOCK_INTS) {
    const b = blocks[i];
    const c = b.context;
    ints[o] = b.start;
    ints[o + 1] = b.end;
    ints[o + 2] = shapeFlags(b) | (c ? HAS_CONTEXT : 0);
    ints[o + 3] = c ? contexts[3 * i] : 0;
    ints[o + 4] = c ? contexts[3 * i + 1] : 0;
    ints[o + 5] = c ? contexts[3 * i + 2] : 0;
    ints[o + 6] = c ? c.linkChars : 0;
    ints[o + 7] = c ? c.region : 0;
  }
  const metaBytes = scratch.write(json, intBytes, 'utf8');
  const textStart = intBytes + align4(metaBytes);
  // padded to a multiple of 4, so that documents written one after another all start where an Int32Array can
  const end = align4(textStart + scratch.write(text, textStart, wide ? 'utf16le' : 'latin1'));
  ints[0] = MAGIC;
  ints[1] = metaBytes;
  ints[2] = text.length;
  ints[3] = wide ? 1 : 0;
  ints[4] = blocks.length;
  ints[5] = blockKeys ? blockKeys.length : -1;
  return scratch.subarray(0, end);
}

/**
 * The document `encodePrepared` was given, as document `id`. `bytes` must
 * start at a multiple of 4 in its buffer. Throws on bytes that are not a
 * prepared document.
 */
export function decodePrepared(bytes: Uint8Array, id: number): Doc {
  const head = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER_INTS);
  if (bytes.byteLength < HEADER_INTS * 4 || head[0] !== MAGIC) throw new Error('not a prepared document');
  const [, metaBytes, chars, wide, count, keyCount] = head;
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER_INTS + count * BLOCK_INTS);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // a copy: the bytes are the reader's, reused for the next document
  const blockKeys = keyCount >= 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + ints.byteLength, keyCount).slice() : undefined;
  const metaStart = ints.byteLength + 4 * Math.max(0, keyCount);
  const meta = JSON.parse(buf.toString('utf8', metaStart, metaStart + metaBytes)) as Meta;
  const textStart = metaStart + align4(metaBytes);
  const text = buf.toString(wide ? 'utf16le' : 'latin1', textStart, textStart + chars * (wide ? 2 : 1));
  const blocks: Block[] = new Array(count);
  let context: BlockContext | undefined;
  for (let i = 0, o = HEADER_INTS; i < count; i++, o += BLOCK_INTS) {
    const flags = ints[o + 2];
    if ((flags & HAS_CONTEXT) === 0) context = undefined;
    else {
      const tags = meta.lists[ints[o + 3]];
      const names = meta.lists[ints[o + 4]];
      const element = meta.elements[ints[o + 5]];
      const linkChars = ints[o + 6];
      const region = ints[o + 7];
      // neighbours under the same elements share one record, as the extractor gave them (nothing writes to one)
      if (context === undefined || context.tags !== tags || context.names !== names || context.element !== element || context.linkChars !== linkChars || context.region !== region)
        context = { tags, names, linkChars, element, region };
    }
    // every property a block gets in pass 2 is in the literal, in the order segment gives them (the label last, for
    // the classifier): one shape, and no second allocation for properties added later
    blocks[i] = { start: ints[o], end: ints[o + 1], kind: kindOf(flags), breakBefore: breaksBefore(flags), context, label: undefined };
  }
  const doc: Doc = { id, source: meta.source, ...meta.doc, text, blocks };
  if (blockKeys) doc.blockKeys = blockKeys;
  return doc;
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const align4 = (n: number): number => (n + 3) & ~3;
