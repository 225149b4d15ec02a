/**
 * A finished document as it crosses from a worker to the main thread: a new,
 * plain object with only what the main thread needs (see slim.ts), its blocks
 * and removals packed into one Int32Array with a table of the strings they
 * use, and its typed arrays (signatures, hashes) copied into that same
 * buffer — one buffer, transferred, per document.
 *
 * Why this shape (thread CPU time, `CLOCK_THREAD_CPUTIME_ID`, 32 MB of JSON
 * Lines, `--jobs 2`, 2026-11-23): structured cloning handles typed arrays and
 * strings at memory speed but small objects one by one — on a JSON Lines run
 * the blocks (tens per page, each with a label object) were more than half of
 * every answer's cost. Slimming the document in place (deleting keys turns it
 * into a slow dictionary object, and the blocks were copied to drop their
 * context), packing it and handing over four buffers (reading `.buffer` of a
 * small typed array makes V8 move it off the heap) cost each worker ~110 ms,
 * twice what posting the answers did.
 *
 * `unpackDoc` rebuilds exactly the record `slimDoc` leaves in the inline
 * executor (blocks without context, the same removals and typed-array
 * fields), so the corpus stages see the same record whichever thread ran the
 * document.
 */
import type { Block, Doc, Removal } from './doc.js';
import { FREE_BIT, breaksBefore, kindOf, shapeFlags } from './block-flags.js';
import { DROPPED_FIELDS } from './slim.js';
import type { Reason } from '../classify/reasons.js';

const CLASSES: readonly NonNullable<Block['label']>['cls'][] = ['good', 'bad', 'short', 'near-good'];
/** Int32s per block (start, end, flags, reason), per removal (code, start, end, detail) and per typed array (key, type, byte offset, length). */
const STRIDE = 4;
/** Block flags: its shape (block-flags.ts), then the label class + 1 (0: none). */
const CLASS_SHIFT = FREE_BIT;
/** Typed-array types a document field may have; a field's type travels as its index here. */
const ARRAY_TYPES = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
] as const;
type AnyTypedArray = InstanceType<(typeof ARRAY_TYPES)[number]>;
/** Fields `packDoc` never copies as they are: dropped (slim.ts), or carried in `packed`. */
const NOT_COPIED = new Set<string>([...DROPPED_FIELDS, 'blocks', 'removed']);

/** What travels in place of `blocks`, `removed` and the typed-array fields. */
export interface Packed {
  /** Blocks, then removals, then one descriptor per typed array, then the arrays' bytes (each at a multiple of 8). */
  ints: Int32Array;
  blocks: number;
  removals: number;
  arrays: number;
  strings: string[];
}

/** A document in transit: `blocks` and `removed` are empty, their content (and the typed-array fields) are in `packed`. */
export interface PackedDoc extends Doc {
  packed: Packed;
}

/**
 * The answer for a finished document: a new object (`doc` is left as it is)
 * without the fields only the per-document stages use, with blocks, removals
 * and typed arrays in one buffer (`packed.ints.buffer`: the caller transfers it).
 */
export function packDoc(doc: Doc): PackedDoc {
  const out: Record<string, unknown> = {};
  const arrays: [string, AnyTypedArray][] = [];
  for (const key in doc) {
    if (NOT_COPIED.has(key)) continue;
    const v = (doc as unknown as Record<string, unknown>)[key];
    if (ArrayBuffer.isView(v) && ARRAY_TYPES.indexOf(v.constructor as (typeof ARRAY_TYPES)[number]) >= 0) arrays.push([key, v as AnyTypedArray]);
    else out[key] = v;
  }
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const { blocks, removed } = doc;
  const head = (blocks.length + removed.length + arrays.length) * STRIDE;
  let words = head;
  // each array's bytes start at a multiple of 8 bytes (2 words), as a BigInt64Array or Float64Array view needs
  for (const [, a] of arrays) words += (((a.byteLength + 7) >>> 3) << 1);
  const ints = new Int32Array(words);
  let o = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const cls = b.label ? CLASSES.indexOf(b.label.cls) + 1 : 0;
    ints[o++] = b.start;
    ints[o++] = b.end;
    ints[o++] = shapeFlags(b) | (cls << CLASS_SHIFT);
    ints[o++] = b.label ? ref(b.label.reason) : -1;
  }
  for (let i = 0; i < removed.length; i++) {
    const r = removed[i];
    ints[o++] = ref(r.code);
    ints[o++] = r.start;
    ints[o++] = r.end;
    ints[o++] = ref(r.detail);
  }
  const bytes = new Uint8Array(ints.buffer);
  let at = head * 4;
  for (const [key, a] of arrays) {
    ints[o++] = ref(key);
    ints[o++] = ARRAY_TYPES.indexOf(a.constructor as (typeof ARRAY_TYPES)[number]);
    ints[o++] = at;
    ints[o++] = a.length;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += ((a.byteLength + 7) >>> 3) << 3;
  }
  out.blocks = [];
  out.removed = [];
  out.packed = { ints, blocks: blocks.length, removals: removed.length, arrays: arrays.length, strings } satisfies Packed;
  return out as unknown as PackedDoc;
}

/** Rebuild the blocks, removals and typed arrays of a packed document. Mutates and returns it as a plain `Doc`. */
export function unpackDoc(doc: Doc): Doc {
  const packed = (doc as Partial<PackedDoc>).packed;
  if (!packed) return doc;
  // first: deleting the property added last keeps the object a fast one
  delete (doc as Partial<PackedDoc>).packed;
  const { ints, strings } = packed;
  const blocks: Block[] = new Array(packed.blocks);
  let o = 0;
  for (let i = 0; i < packed.blocks; i++, o += STRIDE) {
    const flags = ints[o + 2];
    const block: Block = { start: ints[o], end: ints[o + 1], kind: kindOf(flags), breakBefore: breaksBefore(flags) };
    const cls = flags >>> CLASS_SHIFT;
    if (cls > 0) block.label = { cls: CLASSES[cls - 1], reason: strings[ints[o + 3]] as Reason };
    blocks[i] = block;
  }
  const removed: Removal[] = new Array(packed.removals);
  for (let i = 0; i < packed.removals; i++, o += STRIDE) {
    const detail = ints[o + 3];
    removed[i] = { code: strings[ints[o]] as Removal['code'], start: ints[o + 1], end: ints[o + 2], detail: detail < 0 ? undefined : strings[detail] };
  }
  const fields = doc as unknown as Record<string, unknown>;
  for (let i = 0; i < packed.arrays; i++, o += STRIDE) fields[strings[ints[o]]] = new ARRAY_TYPES[ints[o + 1]](ints.buffer as ArrayBuffer, ints[o + 2], ints[o + 3]);
  doc.blocks = blocks;
  doc.removed = removed;
  return doc;
}
