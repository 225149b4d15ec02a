/**
 * The boilerplate dictionary: each distinct corpus-boilerplate block once,
 * with an id that documents.jsonl names instead of repeating the text, and the
 * number of documents it was removed from. Ids are given in input order, so
 * they do not depend on --jobs. Once `max` blocks are known, later blocks get
 * no id (their removals keep their text): what the summary lists is then
 * exactly what the documents file names.
 */
export interface DictionaryEntry {
  id: number;
  text: string;
  /** Documents the block was removed from. */
  documents: number;
  /** What the stage said about it (how many documents of the corpus hold it, against which threshold). */
  detail?: string;
  /** The text is cut (the offsets in each document give the whole span). */
  truncated?: true;
}

export class BoilerplateDictionary {
  private readonly byText = new Map<string, DictionaryEntry>();
  /** Blocks met after the dictionary was full. */
  overflow = 0;
  /** The document whose blocks are being added: a block is counted once per document. */
  private docSerial = 0;
  /** By id: the last document that counted the block. */
  private readonly lastDoc: number[] = [];

  constructor(readonly max: number) {}

  /** Start a new document. */
  nextDocument(): void {
    this.docSerial++;
  }

  /** The id of `text` (entered if new and there is room), or undefined when the dictionary is full. */
  idOf(text: string, detail: string | undefined, truncated: boolean): number | undefined {
    let e = this.byText.get(text);
    if (!e) {
      if (this.byText.size >= this.max) {
        this.overflow++;
        return undefined;
      }
      // a copy of its own: `text` is a slice of its document's text, and kept as such it would keep that whole
      // text alive for the rest of the run (on 128 MB of JSON Lines, the collector's time doubled)
      e = { id: this.byText.size + 1, text: Buffer.from(text, 'utf16le').toString('utf16le'), documents: 0 };
      if (detail) e.detail = detail;
      if (truncated) e.truncated = true;
      this.byText.set(e.text, e);
    }
    if (this.lastDoc[e.id] !== this.docSerial) {
      this.lastDoc[e.id] = this.docSerial;
      e.documents++;
    }
    return e.id;
  }

  get size(): number {
    return this.byText.size;
  }

  /** Every entry, the most frequent first (then by id). */
  entries(): DictionaryEntry[] {
    return [...this.byText.values()].sort((a, b) => b.documents - a.documents || a.id - b.id);
  }
}
