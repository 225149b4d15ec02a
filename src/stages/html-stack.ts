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
 * with the same array interface (`unshift`, `shift`, `indexOf`, `includes`,
 * `[i]`, `length`) that stores the top at the end and counts the names it
 * holds: a stray closing tag is answered in O(1), and a matching one costs
 * the elements it pops, each of which was pushed once.
 *
 * This reaches into a private field, so it is checked: if a future
 * htmlparser2 stops having array fields named `stack` and `foreignContext`,
 * nothing is replaced and the parser keeps working (only slower).
 */
import type { Parser } from 'htmlparser2';

/** An array-like stack, innermost first, with O(1) push/pop/membership. */
export function topFirstStack<T>(initial: readonly T[] = []): T[] {
  const items: T[] = []; // innermost last
  const counts = new Map<T, number>();
  const add = (x: T) => {
    items.push(x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  };
  const remove = (x: T) => {
    const n = (counts.get(x) ?? 1) - 1;
    if (n === 0) counts.delete(x);
    else counts.set(x, n);
  };
  for (let k = initial.length - 1; k >= 0; k--) add(initial[k]);
  const api = {
    unshift(...xs: T[]): number {
      for (let k = xs.length - 1; k >= 0; k--) add(xs[k]);
      return items.length;
    },
    shift(): T | undefined {
      if (items.length === 0) return undefined;
      const x = items.pop() as T;
      remove(x);
      return x;
    },
    indexOf(x: T): number {
      if (!counts.has(x)) return -1;
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === x) return items.length - 1 - i;
      return -1;
    },
    includes(x: T): boolean {
      return counts.has(x);
    },
  };
  const isIndex = (p: string | symbol): p is string => typeof p === 'string' && p.length > 0 && p.charCodeAt(0) >= 48 && p.charCodeAt(0) <= 57;
  return new Proxy(items, {
    get(_target, prop) {
      if (prop === 'length') return items.length;
      if (isIndex(prop)) return items[items.length - 1 - Number(prop)];
      if (Object.hasOwn(api, prop)) return api[prop as unknown as keyof typeof api];
      return undefined;
    },
    set(_target, prop, value) {
      if (prop !== 'length') return false;
      // keep the `value` innermost elements, as truncating a top-first array would
      const drop = Math.max(0, items.length - Number(value));
      for (const x of items.splice(0, drop)) remove(x);
      return true;
    },
  }) as unknown as T[];
}

/** Give `parser` linear-time element stacks (see the module comment). Call before writing to it. */
export function useLinearStacks(parser: Parser): void {
  const p = parser as unknown as Record<string, unknown>;
  for (const field of ['stack', 'foreignContext']) {
    const current = p[field];
    if (Array.isArray(current)) p[field] = topFirstStack(current as unknown[]);
  }
}
