/**
 * In how many documents each block appears: an open-addressing hash table of
 * 64-bit block hashes (two 32-bit halves) with a document count each. Typed
 * arrays only — backed by a SharedArrayBuffer where the platform has one — so
 * the table stays compact as the corpus grows and can be handed to workers.
 */

/** Bytes per slot: hash (hi, lo) and count, three 32-bit words. */
const WORDS = 3;

export interface BlockCounts {
  /** Slots in use. */
  size: number;
  /** Documents whose blocks were counted. */
  docs: number;
  /** `capacity * 3` words: hi, lo, count per slot; a slot with count 0 is empty. */
  slots: Uint32Array;
}

function allocate(capacity: number): Uint32Array {
  const bytes = capacity * WORDS * 4;
  return typeof SharedArrayBuffer === 'function' ? new Uint32Array(new SharedArrayBuffer(bytes)) : new Uint32Array(bytes / 4);
}

/** An empty table with room for `capacity` blocks before it grows (a power of two). */
export function createBlockCounts(capacity = 1024): BlockCounts {
  let c = 16;
  while (c < capacity) c <<= 1;
  return { size: 0, docs: 0, slots: allocate(c) };
}

const split = (hash: bigint): [number, number] => [Number((hash >> 32n) & 0xffffffffn), Number(hash & 0xffffffffn)];

function find(slots: Uint32Array, hi: number, lo: number): number {
  const mask = slots.length / WORDS - 1;
  let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
  for (;;) {
    const at = i * WORDS;
    if (slots[at + 2] === 0 || (slots[at] === hi && slots[at + 1] === lo)) return at;
    i = (i + 1) & mask;
  }
}

/** Add one document to the count of `hash`. */
export function addBlock(t: BlockCounts, hash: bigint): void {
  if ((t.size + 1) * 2 > t.slots.length / WORDS) grow(t);
  const [hi, lo] = split(hash);
  const at = find(t.slots, hi, lo);
  if (t.slots[at + 2] === 0) {
    t.slots[at] = hi;
    t.slots[at + 1] = lo;
    t.size++;
  }
  if (t.slots[at + 2] < 0xffffffff) t.slots[at + 2]++;
}

/** Documents `hash` was counted in (0 when never seen). */
export function blockCount(t: BlockCounts, hash: bigint): number {
  const [hi, lo] = split(hash);
  return t.slots[find(t.slots, hi, lo) + 2];
}

function grow(t: BlockCounts): void {
  const old = t.slots;
  const slots = allocate((old.length / WORDS) * 2);
  for (let at = 0; at < old.length; at += WORDS) {
    if (old[at + 2] === 0) continue;
    const to = find(slots, old[at], old[at + 1]);
    slots[to] = old[at];
    slots[to + 1] = old[at + 1];
    slots[to + 2] = old[at + 2];
  }
  t.slots = slots;
}
