/**
 * The engine: drives documents from their sources through both passes of the
 * pipeline and hands each finished document to the caller. Knows nothing of
 * argv, folders or terminals; the CLI and the library API both call it.
 */
import { createDoc, type Doc, type DocSource } from './doc.js';
import type { Options } from './options.js';
import { clean, corpus, statistics } from './pipeline.js';
import { runStages, type Context } from './stage.js';
import { createCorpusState } from './corpus.js';
import type { ReadResult } from './io/read.js';

/** One document to read: where it comes from and how to get its bytes. */
export interface Source {
  source: DocSource;
  load(): Promise<ReadResult>;
}

export interface RunHooks {
  /** Called for every document, in input order, once its fate is decided. */
  onDoc(doc: Doc): Promise<void> | void;
  /** Called after each document of each pass (for a progress line). */
  onProgress?(pass: 1 | 2, done: number): void;
  /** Checked between documents; true stops the run early. */
  shouldStop?(): boolean;
}

/**
 * Run the pipeline over `sources` (a function, because the statistics pass
 * reads the corpus a second time). Returns the number of documents processed.
 */
export async function runCorpus(
  sources: () => AsyncIterable<Source> | Iterable<Source>,
  options: Options,
  hooks: RunHooks,
): Promise<number> {
  const ctx: Context = { options, corpus: createCorpusState() };

  if (statistics.length > 0) {
    let n = 0;
    for await (const src of sources()) {
      if (hooks.shouldStop?.()) return n;
      const doc = await load(n, src, options);
      runStages(doc, statistics, ctx);
      ctx.corpus.documents++;
      hooks.onProgress?.(1, ++n);
    }
  }

  let n = 0;
  for await (const src of sources()) {
    if (hooks.shouldStop?.()) break;
    const doc = await load(n, src, options);
    runStages(doc, clean, ctx);
    runStages(doc, corpus, ctx);
    await hooks.onDoc(doc);
    hooks.onProgress?.(2, ++n);
  }
  return n;
}

async function load(id: number, src: Source, options: Options): Promise<Doc> {
  const read = await src.load();
  const doc = createDoc(id, src.source, read.ok ? read.bytes : new Uint8Array(0));
  if (!read.ok) {
    // too large, a pipe or a link loop: skipped by design; a file we failed to read: an error
    const skip = read.code === 'too-large' || read.code === 'special-file' || read.code === 'folder-loop';
    doc.status = skip ? 'skipped' : 'error';
    doc.bytes = undefined;
    doc.findings.push({ code: read.code, severity: skip ? 'warning' : 'error', stage: 'read', args: read.args });
  }
  void options;
  return doc;
}
