/**
 * The element tree of an HTML page, as the extractor walks it: one node per
 * element that can hold visible text (dropped and void elements have none),
 * in document order, so a node's parent always has a smaller index. Kept in
 * flat arrays — a page has a few thousand elements — for the content region
 * (extract/region.ts), which scores containers by the text under them.
 */
export class PageTree {
  /** Parent of each node (-1: the root's). */
  readonly parent: number[] = [];
  /** Lower-cased tag name of each node. */
  readonly tag: string[] = [];
  /** Lower-cased class, id and role tokens of each node. */
  readonly names: (readonly string[])[] = [];
  /** Whether a block element opened directly inside the node (its own text is then a paragraph of its own). */
  readonly hasBlockChild: boolean[] = [];

  get size(): number {
    return this.parent.length;
  }

  /** Add an element under `parent` (-1 for none); returns its node. */
  add(parent: number, tag: string, names: readonly string[], block: boolean): number {
    if (block && parent >= 0) this.hasBlockChild[parent] = true;
    this.tag.push(tag);
    this.names.push(names);
    this.hasBlockChild.push(false);
    return this.parent.push(parent) - 1;
  }

  /** The ancestors of `node`, itself first, up to (not including) the root's parent. */
  *chain(node: number): Generator<number> {
    for (let n = node; n >= 0; n = this.parent[n]) yield n;
  }

  /** Whether `ancestor` is `node` or encloses it. */
  encloses(ancestor: number, node: number): boolean {
    for (let n = node; n >= ancestor; n = this.parent[n]) if (n === ancestor) return true;
    return false;
  }

  /** `tag.name.name` (its first two class/id/role tokens) of a node and its ancestors up to `depth` of them, outermost first, joined by ` > `, for `--explain`. */
  describe(node: number, depth = 3): string {
    const parts: string[] = [];
    for (let n = node; n >= 0 && parts.length < depth; n = this.parent[n]) {
      const names = this.names[n];
      parts.unshift(names.length > 0 ? `${this.tag[n]}.${names.slice(0, 2).join('.')}` : this.tag[n]);
    }
    return parts.join(' > ');
  }
}
