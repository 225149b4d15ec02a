// A pipeline module for tests of the two-pass machinery: pass 1 counts, per
// line, the documents it appears in (each worker sends a document's distinct
// line hashes; the main thread merges them into a HashCounts); pass 2 removes
// lines found in 3 or more documents. A stand-in for issue 3's count-blocks.
import { stage } from '../../dist/stage.js';
import { prepare } from '../../dist/pipeline.js';
import { hash64 } from '../../dist/kit/hash.js';
import { removeSpan } from '../../dist/record/doc.js';
import { HashCounts } from '../../dist/corpus/hash-counts.js';
import { assemble } from '../../dist/stages/assemble.js';
import { markLoaded } from './loaded.js';

markLoaded();

const countLines = {
  name: 'count-lines',
  run(doc) {
    const seen = new Set(doc.blocks.map((b) => hash64(doc.text.slice(b.start, b.end))));
    doc.stats = { lineHashes: BigUint64Array.from(seen) };
  },
  merge(stats, ctx) {
    ctx.corpus.lineCounts ??= new HashCounts();
    ctx.corpus.lineCounts.addAll(stats.lineHashes);
  },
};

const dropCommon = stage('drop-common', (doc, ctx) => {
  for (const b of doc.blocks)
    if ((ctx.corpus.lineCounts?.get(hash64(doc.text.slice(b.start, b.end))) ?? 0) >= 3) removeSpan(doc, 'boilerplate-corpus', b.start, b.end);
});

export const statistics = [...prepare, countLines];
export const clean = [...prepare, dropCommon, stage('assemble', (doc) => assemble(doc))];
export const corpus = [];
