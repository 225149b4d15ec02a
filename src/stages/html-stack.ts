/**
 * A linear-time stack of open element names for html-parser.ts.
 *
 * htmlparser2's Parser (v12) keeps its open elements in an array with the
 * innermost element at index 0: every open tag is an `unshift` and every
 * close a `shift` (both move the whole array), and every closing tag is
 * looked up with `indexOf` over the whole stack. A hostile page made that
 * quadratic: 100,000 nested `<div>`s took 6.7 s and 100,000 stray `</span>`
 * under them 25 s (our measurement, tests/stages/extract-hostile.test.ts).
 * This stack keeps the innermost element last and counts the names it holds:
 * a stray closing tag is answered in O(1), and a matching one costs the
 * elements it pops, each of which was pushed once.
 */
export class TagStack {
  /** Innermost last. */
  private readonly items: string[] = [];
  private readonly counts = new Map<string, number>();

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
    this.items.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  pop(): string | undefined {
    const name = this.items.pop();
    if (name === undefined) return undefined;
    const n = this.counts.get(name)! - 1;
    if (n === 0) this.counts.delete(name);
    else this.counts.set(name, n);
    return name;
  }

  includes(name: string): boolean {
    return this.counts.has(name);
  }

  /** How many elements are above the innermost `name` (0 = it is on top), or -1 when none is open. */
  depthOf(name: string): number {
    if (!this.counts.has(name)) return -1;
    const items = this.items;
    for (let i = items.length - 1; i >= 0; i--) if (items[i] === name) return items.length - 1 - i;
    return -1;
  }
}
