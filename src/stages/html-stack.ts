/**
 * Linear-time element stacks for htmlparser2's `Parser`.
 *
 * htmlparser2 (v12) keeps its open elements in an array with the innermost
 * element at index 0: every open tag is an `unshift` and every close a
 * `shift` (both move the whole array), and every closing tag is looked up
 * with `indexOf` over the whole stack. A hostile page makes that quadratic:
 * 100,000 nested `<div>`s took 6.7 s and 100,000 stray `</span>` under them
 * 25 s (our measurement, tests/stages/extract-hostile.test.ts). The parser's
 * logic is right; only its data structure is slow. So we hand it an object
 * with the array interface it uses (`unshift`, `shift`, `indexOf`, `includes`,
 * `[0]`, `length`) that stores the top at the end and counts the names it
 * holds: a stray closing tag is answered in O(1), and a matching one costs
 * the elements it pops, each of which was pushed once.
 *
 * This reaches into a private field, so it is checked: if a future
 * htmlparser2 stops having array fields named `stack` and `foreignContext`,
 * nothing is replaced and the parser keeps working (only slower).
 */
import type { Parser } from 'htmlparser2';

/**
 * An array-like stack, innermost first, with O(1) push/pop/membership.
 *
 * A class, not a Proxy: the parser reads `[0]` and `length` on every tag, and
 * a Proxy trap on each read cost more than the rest of the tag's handling.
 * `[0]` is a field kept current; `at(i)` reads deeper. htmlparser2 reads other indexes
 * only in its `onend` (to close what is still open), and `useLinearStacks`
 * hands it a plain array there.
 */
export class TopFirstStack<T> {
  /** Innermost last. */
  private readonly items: T[] = [];
  private readonly counts = new Map<T, number>();

  constructor(initial: readonly T[] = []) {
    for (let k = initial.length - 1; k >= 0; k--) this.add(initial[k]);
  }

  /** The innermost element: a plain field kept up to date (an indexed getter is slow in V8). */
  0: T | undefined = undefined;

  get length(): number {
    return this.items.length;
  }

  /** Keep the `value` innermost elements, as truncating a top-first array would. */
  set length(value: number) {
    const drop = Math.max(0, this.items.length - value);
    for (const x of this.items.splice(0, drop)) this.remove(x);
    this[0] = this.items[this.items.length - 1];
  }

  /** The element `i` places below the top. */
  at(i: number): T | undefined {
    return i >= 0 && i < this.items.length ? this.items[this.items.length - 1 - i] : undefined;
  }

  unshift(...xs: T[]): number {
    for (let k = xs.length - 1; k >= 0; k--) this.add(xs[k]);
    return this.items.length;
  }

  shift(): T | undefined {
    if (this.items.length === 0) return undefined;
    const x = this.items.pop() as T;
    this.remove(x);
    this[0] = this.items[this.items.length - 1];
    return x;
  }

  indexOf(x: T): number {
    if (!this.counts.has(x)) return -1;
    const items = this.items;
    for (let i = items.length - 1; i >= 0; i--) if (items[i] === x) return items.length - 1 - i;
    return -1;
  }

  includes(x: T): boolean {
    return this.counts.has(x);
  }

  /** A plain top-first array of the elements. */
  toArray(): T[] {
    return this.items.slice().reverse();
  }

  private add(x: T): void {
    this.items.push(x);
    this[0] = x;
    this.counts.set(x, (this.counts.get(x) ?? 0) + 1);
  }

  private remove(x: T): void {
    const n = (this.counts.get(x) ?? 1) - 1;
    if (n === 0) this.counts.delete(x);
    else this.counts.set(x, n);
  }
}

/** A linear-time stand-in for a top-first array (see `TopFirstStack`). */
export function topFirstStack<T>(initial: readonly T[] = []): TopFirstStack<T> {
  return new TopFirstStack(initial);
}

/** Give `parser` linear-time element stacks (see the module comment). Call before writing to it. */
export function useLinearStacks(parser: Parser): void {
  const p = parser as unknown as Record<string, unknown>;
  const fields = ['stack', 'foreignContext'].filter((field) => Array.isArray(p[field]));
  for (const field of fields) p[field] = topFirstStack(p[field] as unknown[]);
  const onend = p.onend;
  if (fields.length === 0 || typeof onend !== 'function') return;
  // onend closes what is still open by index, innermost first: give it plain arrays
  p.onend = function (this: Record<string, unknown>) {
    for (const field of fields) {
      const stack = this[field];
      if (stack instanceof TopFirstStack) this[field] = stack.toArray();
    }
    return onend.call(this);
  };
}
