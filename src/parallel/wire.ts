/**
 * A finished document's blocks and removals as they cross from a worker to
 * the main thread: packed into one Int32Array and a table of the strings they
 * use, instead of one object per block and per removal. Structured cloning
 * handles typed arrays and strings at memory speed but small objects one by
 * one: on a JSON Lines run the blocks (tens per page, each with a label
 * object) were more than half of every answer's cost, on both threads.
 * `unpackDoc` rebuilds exactly the objects `packDoc` was given, so the corpus
 * stages see the same record whichever thread ran the document.
 */
import type { Block, BlockKind, Doc, Removal } from '../doc.js';

const KINDS: readonly BlockKind[] = ['paragraph', 'line', 'heading', 'list-item', 'table-row'];
const CLASSES: readonly NonNullable<Block['label']>['cls'][] = ['good', 'bad', 'short', 'near-good'];
/** Int32s per block (start, end, flags, reason) and per removal (code, start, end, detail). */
const STRIDE = 4;
/** Block flags: the kind's index in its low 3 bits, then the paragraph break, then the label class + 1 (0: none). */
const BREAK_BEFORE = 1 << 3;
const CLASS_SHIFT = 4;

/** A document in transit: `blocks` and `removed` are empty, their content is in `packed`. */
export interface PackedDoc extends Doc {
  packed: { ints: Int32Array; blocks: number; strings: string[] };
}

/** Pack `doc.blocks` and `doc.removed` (after slimDoc: blocks have no context). Mutates and returns `doc`. */
export function packDoc(doc: Doc): PackedDoc {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const ints = new Int32Array((doc.blocks.length + doc.removed.length) * STRIDE);
  let o = 0;
  for (const b of doc.blocks) {
    const cls = b.label ? CLASSES.indexOf(b.label.cls) + 1 : 0;
    ints[o++] = b.start;
    ints[o++] = b.end;
    ints[o++] = KINDS.indexOf(b.kind) | (b.breakBefore ? BREAK_BEFORE : 0) | (cls << CLASS_SHIFT);
    ints[o++] = ref(b.label?.reason);
  }
  for (const r of doc.removed) {
    ints[o++] = ref(r.code);
    ints[o++] = r.start;
    ints[o++] = r.end;
    ints[o++] = ref(r.detail);
  }
  const packed = doc as PackedDoc;
  packed.packed = { ints, blocks: doc.blocks.length, strings };
  packed.blocks = [];
  packed.removed = [];
  return packed;
}

/** Rebuild the blocks and removals of a packed document. Mutates and returns it as a plain `Doc`. */
export function unpackDoc(doc: Doc): Doc {
  const packed = (doc as Partial<PackedDoc>).packed;
  if (!packed) return doc;
  const { ints, strings } = packed;
  const blocks: Block[] = new Array(packed.blocks);
  let o = 0;
  for (let i = 0; i < packed.blocks; i++, o += STRIDE) {
    const flags = ints[o + 2];
    const block: Block = { start: ints[o], end: ints[o + 1], kind: KINDS[flags & 7], breakBefore: (flags & BREAK_BEFORE) !== 0 };
    const cls = flags >>> CLASS_SHIFT;
    if (cls > 0) block.label = { cls: CLASSES[cls - 1], reason: strings[ints[o + 3]] };
    blocks[i] = block;
  }
  const removed: Removal[] = [];
  for (; o < ints.length; o += STRIDE) {
    const detail = ints[o + 3];
    removed.push({ code: strings[ints[o]] as Removal['code'], start: ints[o + 1], end: ints[o + 2], detail: detail < 0 ? undefined : strings[detail] });
  }
  delete (doc as Partial<PackedDoc>).packed;
  doc.blocks = blocks;
  doc.removed = removed;
  return doc;
}
