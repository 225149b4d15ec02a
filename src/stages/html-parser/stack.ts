/**
 * A linear-time stack of open element names for ../html-parser.ts.
 *
 * htmlparser2's Parser (v12) keeps its open elements in an array with the
 * innermost element at index 0: every open tag is an `unshift` and every
 * close a `shift` (both move the whole array), and every closing tag is
 * looked up with `indexOf` over the whole stack. A hostile page made that
 * quadratic: 100,000 nested `<div>`s took 6.7 s and 100,000 stray `</span>`
 * under them 25 s (our measurement, tests/stages/extract-hostile.test.ts).
 * This stack keeps the innermost element last and counts the names it holds
 * below its top `WINDOW` elements: a stray closing tag costs a look at the top
 * elements and one Map lookup, and a matching one the elements it pops, each
 * of which was pushed once. Real pages nest less than `WINDOW` deep, so they
 * never touch the Map.
 */

/** Elements at the top of the stack looked at one by one rather than counted. */
const WINDOW = 32;

export class TagStack {
  /** Innermost last. */
  private readonly items: string[] = [];
  /** How many of each name `items[0 .. counted - 1]` holds. */
  private readonly counts = new Map<string, number>();
  /** Elements at the bottom that are counted: `max(0, length - WINDOW)`. */
  private counted = 0;

  get length(): number {
    return this.items.length;
  }

  /** The innermost element. */
  top(): string | undefined {
    return this.items[this.items.length - 1];
  }

  /** The element `i` places above the outermost one (0 = outermost). */
  at(i: number): string {
    return this.items[i];
  }

  push(name: string): void {
    const items = this.items;
    items.push(name);
    if (items.length - this.counted > WINDOW) {
      const below = items[this.counted++];
      this.counts.set(below, (this.counts.get(below) ?? 0) + 1);
    }
  }

  pop(): string | undefined {
    const name = this.items.pop();
    if (name === undefined) return undefined;
    if (this.counted > 0) {
      const below = this.items[--this.counted];
      const n = this.counts.get(below)! - 1;
      if (n === 0) this.counts.delete(below);
      else this.counts.set(below, n);
    }
    return name;
  }

  includes(name: string): boolean {
    return this.depthOf(name) !== -1;
  }

  /** How many elements are above the innermost `name` (0 = it is on top), or -1 when none is open. */
  depthOf(name: string): number {
    const items = this.items;
    const last = items.length - 1;
    let i = last;
    for (; i >= this.counted; i--) if (items[i] === name) return last - i;
    if (!this.counts.has(name)) return -1;
    for (; i >= 0; i--) if (items[i] === name) return last - i;
    return -1;
  }
}
