/**
 * Input paths of kept documents, by document id, as UTF-8 in one growing byte
 * buffer with offsets — so "duplicate of <path>" can be said without keeping a
 * string object per document.
 */
import { grown } from '../kit/typed-arrays.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class PathTable {
  private bytes = new Uint8Array(64 * 1024);
  private used = 0;
  /** start and end in `bytes` for id, at [2*id] and [2*id + 1]; end 0 means absent. */
  private spans = new Uint32Array(2048);

  /** Bytes held now. */
  size(): number {
    return this.bytes.byteLength + this.spans.byteLength;
  }

  set(id: number, path: string): void {
    // room for the path's UTF-8, at most 3 bytes a UTF-16 unit
    this.bytes = grown(this.bytes, this.used + path.length * 3 - 1, (n) => new Uint8Array(n));
    this.spans = grown(this.spans, 2 * id + 1, (n) => new Uint32Array(n));
    const { written } = encoder.encodeInto(path, this.bytes.subarray(this.used));
    this.spans[2 * id] = this.used;
    this.used += written;
    this.spans[2 * id + 1] = this.used;
  }

  /** The path stored for `id`, or undefined. */
  get(id: number): string | undefined {
    if (2 * id + 1 >= this.spans.length || this.spans[2 * id + 1] === 0) return undefined;
    return decoder.decode(this.bytes.subarray(this.spans[2 * id], this.spans[2 * id + 1]));
  }
}
