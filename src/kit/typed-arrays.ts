/**
 * Growing the typed arrays that hold per-document state (dedup verdicts,
 * index slots, spill references, clusters, kept paths): doubled as needed, old
 * values kept.
 */
type Growable = Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array;

/** `a`, or a copy at least `id + 1` long (the length doubled until it is), new places set to `fill` when given. */
export function grown<T extends Growable>(a: T, id: number, make: (n: number) => T, fill?: number): T {
  if (id < a.length) return a;
  let cap = a.length;
  while (cap <= id) cap *= 2;
  const next = make(cap);
  if (fill !== undefined) next.fill(fill);
  next.set(a as never);
  return next;
}
