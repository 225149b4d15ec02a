/**
 * Union-find over document ids (an `Int32Array` of parents, grown on demand).
 * The root of a set is always its smallest id — the earliest document in input
 * order — which is the one kept.
 */
import { grown } from '../kit/typed-arrays.js';

export class UnionFind {
  private parent = new Int32Array(1024).fill(-1);

  private ensure(id: number): void {
    this.parent = grown(this.parent, id, (n) => new Int32Array(n), -1);
  }

  /** Bytes held now. */
  bytes(): number {
    return this.parent.byteLength;
  }

  /** Root of `id`'s set (path halving). */
  find(id: number): number {
    this.ensure(id);
    const p = this.parent;
    while (p[id] !== -1 && p[id] !== id) {
      const up = p[id];
      if (p[up] !== -1 && p[up] !== up) p[id] = p[up];
      id = p[id];
    }
    return id;
  }

  /** Join the sets of `a` and `b`; the smaller root becomes the root of both. Returns it. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    return root;
  }
}
