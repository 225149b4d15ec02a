/**
 * The documents report.html embeds, chosen as the run goes with bounded
 * memory: every document while there are at most `max`; above that, the
 * `max / 2` that lost the largest share of their text and a fixed sample of
 * `max / 2` (the smallest hashes of their names: the same documents whatever
 * the order or --jobs). Also the texts of the first duplicate clusters, for
 * the side-by-side view.
 */
import type { Doc } from '../record/doc.js';
import { REMOVAL_CODES, type RemovalCode } from '../record/codes.js';

const REASONS = Object.keys(REMOVAL_CODES) as RemovalCode[];

/** Clusters the page shows side by side, and copies of each: enough to judge the dedup, small enough to read. */
export const PAGE_CLUSTERS = 200;
export const PAGE_COPIES_PER_CLUSTER = 5;

export interface PageDoc {
  /** Position in input order, from 0. */
  n: number;
  input: string;
  line?: number;
  status: Doc['status'];
  charsIn: number;
  charsOut: number;
  /** Share of the text removed by cleaning (not by dedup), 0–1. */
  lost: number;
  text: string;
  /**
   * The text while the run goes on, as UTF-16 code units outside the JS heap: thousands of page texts held as
   * strings doubled the collector's time on the bench corpus. Made `text` again when the page is written.
   */
  held?: Buffer;
  /** The text shown is cut at the page's limit. */
  cut?: true;
  /** Removed spans: start, end, index of the reason in the page's reason list. */
  spans: [number, number, number][];
  message?: string;
  cluster?: number;
  duplicateOf?: string;
  similarity?: number;
}

export interface PageCluster {
  id: number;
  kept: { input: string; text: string };
  copies: { input: string; similarity: number; text: string }[];
}

/** Characters removed by cleaning (spans), whatever became of the document. */
export function removedChars(doc: Doc): number {
  let n = 0;
  for (const r of doc.removed) n += r.end - r.start;
  return n;
}

/** A held document with its text a string again. */
function unheld(p: PageDoc): PageDoc {
  if (!p.held) return p;
  const { held, ...rest } = p;
  return { ...rest, text: held.toString('utf16le') };
}

/** FNV-1a, 32 bits: a fixed, order-free sample key. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A bounded heap that keeps the `cap` items `better` ranks highest. */
class TopK<T> {
  private readonly items: T[] = [];
  constructor(
    private readonly cap: number,
    /** true when a ranks above b */
    private readonly better: (a: T, b: T) => boolean,
  ) {}
  /** Would `x` be kept? */
  wants(x: T): boolean {
    return this.items.length < this.cap || (this.cap > 0 && this.better(x, this.items[0]));
  }
  offer(x: T): void {
    const h = this.items;
    if (h.length < this.cap) {
      h.push(x);
      this.up(h.length - 1);
    } else if (this.cap > 0 && this.better(x, h[0])) {
      h[0] = x;
      this.down(0);
    }
  }
  values(): T[] {
    return this.items.slice();
  }
  // a min-heap on `better`: the root is the worst kept
  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[p], h[i])) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.better(h[m], h[l])) m = l;
      if (r < h.length && this.better(h[m], h[r])) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}

interface Candidate {
  doc: PageDoc;
  removed: number;
  key: number;
}

export class PageSample {
  private seen = 0;
  private all: PageDoc[] | undefined = [];
  private readonly most: TopK<Candidate>;
  private readonly sample: TopK<Candidate>;
  private readonly clusters = new Map<number, PageCluster>();

  constructor(
    private readonly max: number,
    private readonly maxChars: number,
  ) {
    this.most = new TopK(Math.ceil(max / 2), (a, b) => a.doc.lost > b.doc.lost || (a.doc.lost === b.doc.lost && (a.removed > b.removed || (a.removed === b.removed && a.doc.n < b.doc.n))));
    this.sample = new TopK(Math.floor(max / 2), (a, b) => a.key < b.key || (a.key === b.key && a.doc.n < b.doc.n));
  }

  add(doc: Doc, entry: { input: string; line?: number; charsOut: number; message?: string }): void {
    const n = this.seen++;
    this.addToCluster(doc, entry.input);
    const removed = removedChars(doc);
    const lost = doc.text.length > 0 ? Math.round((1000 * removed) / doc.text.length) / 1000 : 0;
    const key = fnv(`${entry.input}\n${entry.line ?? ''}`);
    // past `max` documents, most are in neither list: found out before their page entry is made
    if (!this.all && !this.most.wants({ doc: { lost, n } as PageDoc, removed, key }) && !this.sample.wants({ doc: { lost, n } as PageDoc, removed, key })) return;
    const cut = doc.text.length > this.maxChars;
    const p: PageDoc = {
      n,
      input: entry.input,
      status: doc.status,
      charsIn: doc.text.length,
      charsOut: entry.charsOut,
      lost,
      text: '',
      held: Buffer.from(cut ? doc.text.slice(0, this.maxChars) : doc.text, 'utf16le'),
      spans: [],
    };
    if (entry.line !== undefined) p.line = entry.line;
    if (cut) p.cut = true;
    for (const r of doc.removed) if (r.start < this.maxChars) p.spans.push([r.start, Math.min(r.end, this.maxChars), REASONS.indexOf(r.code as RemovalCode)]);
    if (entry.message) p.message = entry.message;
    if (doc.duplicate) {
      p.duplicateOf = doc.duplicate.of;
      p.similarity = Math.round(doc.duplicate.similarity * 1000) / 1000;
      p.cluster = doc.duplicate.cluster;
    } else if (doc.cluster !== undefined) p.cluster = doc.cluster;
    const c: Candidate = { doc: p, removed, key };
    this.most.offer(c);
    this.sample.offer(c);
    if (this.all) {
      if (this.all.length < this.max) this.all.push(p);
      else this.all = undefined;
    }
  }

  private addToCluster(doc: Doc, input: string): void {
    const text = (doc.output ?? '').slice(0, this.maxChars);
    if (doc.status !== 'duplicate' && doc.cluster !== undefined) {
      if (this.clusters.size < PAGE_CLUSTERS) this.clusters.set(doc.cluster, { id: doc.cluster, kept: { input, text }, copies: [] });
    } else if (doc.duplicate) {
      const c = this.clusters.get(doc.duplicate.cluster);
      if (c && c.copies.length < PAGE_COPIES_PER_CLUSTER) c.copies.push({ input, similarity: Math.round(doc.duplicate.similarity * 1000) / 1000, text });
    }
  }

  /** The documents to embed, in input order, and whether they are all of them. */
  documents(): { docs: PageDoc[]; complete: boolean; mostLost: number; sampled: number } {
    if (this.all) return { docs: this.all.map(unheld), complete: true, mostLost: 0, sampled: 0 };
    const most = this.most.values();
    const chosen = new Map<number, PageDoc>();
    for (const c of most) chosen.set(c.doc.n, c.doc);
    let sampled = 0;
    for (const c of this.sample.values())
      if (!chosen.has(c.doc.n)) {
        chosen.set(c.doc.n, c.doc);
        sampled++;
      }
    return { docs: [...chosen.values()].sort((a, b) => a.n - b.n).map(unheld), complete: false, mostLost: most.length, sampled };
  }

  /** Clusters with their texts, those with copies only. */
  pageClusters(): PageCluster[] {
    return [...this.clusters.values()].filter((c) => c.copies.length > 0);
  }
}
