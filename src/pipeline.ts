/**
 * The pipeline, written once. A corpus is read twice at most:
 *
 *   pass 1 (statistics): what must be known about the whole corpus before any
 *   document can be cleaned — e.g. how many documents each line appears in;
 *
 *   pass 2 (cleaning): each document on its own (`clean`, safe to run in
 *   parallel), then in input order against what earlier documents left
 *   behind (`corpus`: duplicates, paragraphs already kept).
 *
 * Reading and writing are not stages: they live at the edges (io/).
 *
 * Each stage says what it needs of earlier stages and provides for later ones
 * (stage.ts): `--skip` of one turns off what depends on it, resolved in one
 * place (`stagesOff`), so no stage checks another's name.
 */
import { stage, stageRuns, type Stage } from './stage.js';
import { decode } from './stages/decode.js';
import { extract } from './stages/extract.js';
import { normalise } from './stages/normalise.js';
import { segment } from './stages/segment.js';
import { assemble } from './stages/assemble.js';
import { mergeNearCopy, signLongBlocks } from './stages/near-copies.js';
import { dedup } from './stages/dedup.js';
import { crossDoc } from './stages/cross-doc.js';
import { unwrap } from './stages/unwrap.js';
import { columns } from './stages/columns.js';
import { hashBlocks, mergeBlockCounts } from './stages/count-blocks.js';
import { leastCountUsed, removeFrequentBlocks } from './stages/frequent-blocks.js';
import type { CorpusState } from './corpus/state.js';
import type { Options } from './options.js';
import { classify } from './stages/classify.js';
import { repeats } from './stages/repeats.js';
import { blockKeys } from './stages/block-keys.js';
import { signForDedup } from './stages/dedup-sign.js';
import { hashParagraphs } from './stages/cross-doc-sign.js';

/** Bytes → blocks; the start of both passes. */
export const prepare: readonly Stage[] = [
  stage('decode', (doc, ctx) => decode(doc, ctx.options)),
  stage('extract', (doc, ctx) => extract(doc, ctx.options)),
  // plain text only, before normalise collapses the runs of spaces that separate its columns
  stage('columns', (doc, ctx) => columns(doc, ctx.options.thresholds, stageRuns(ctx, 'unwrap'))),
  stage('normalise', (doc) => normalise(doc)),
  stage('unwrap', (doc, ctx) => unwrap(doc, ctx.options.thresholds)),
  stage('segment', (doc) => segment(doc)),
  // hashed once here for count-blocks (pass 1) and boilerplate (pass 2)
  stage('block-keys', (doc) => blockKeys(doc), { provides: ['blockKeys'], onlyProvides: true }),
];

/** Pass 1: gather corpus statistics. Empty means pass 1 is skipped. */
export const statistics: readonly Stage[] = [
  ...prepare,
  // before any block counting: near copies must not make their article look frequent
  // run: per document, on any thread; merge: main thread, in input order
  {
    name: 'near-copies',
    run: (doc, ctx) => signLongBlocks(doc, ctx.options.thresholds),
    merge: (stats, ctx, id) => mergeNearCopy(stats, ctx, id),
    provides: ['nearCopyOf', 'nearCopies'],
  },
  {
    name: 'count-blocks',
    run: (doc) => hashBlocks(doc),
    merge: (stats, ctx) => mergeBlockCounts(stats, ctx.corpus),
    needs: ['blockKeys'],
    uses: ['nearCopyOf'],
    provides: ['blockCounts', 'countedDocs'],
  },
];

/**
 * Pass 2, per document: find what to remove and assemble the output. Corpus
 * boilerplate goes first (the classifier sees it as bad neighbours); repeats
 * come last and look only at what is still kept, so the first copy that
 * survives is the one kept (a headline first seen in a removed menu stays in
 * the article).
 */
export const clean: readonly Stage[] = [
  ...prepare,
  // blocks frequent in the corpus (`boilerplate` is the name --skip and the report know it by)
  stage('boilerplate', (doc, ctx) => removeFrequentBlocks(doc, ctx.corpus, ctx.options.thresholds), { needs: ['blockKeys', 'blockCounts', 'countedDocs'] }),
  stage('classify', (doc, ctx) => classify(doc, ctx.options.thresholds)),
  stage('repeats', (doc, ctx) => repeats(doc, ctx.options.thresholds)),
  stage('assemble', (doc) => assemble(doc), { provides: ['output'] }),
  // what the corpus stages below need of this document, made here (on any thread) so that they only look up
  stage('dedup-sign', (doc, ctx) => signForDedup(doc, ctx.options.thresholds), { needs: ['output'], provides: ['textHash', 'signature'], onlyProvides: true }),
  stage('cross-doc-sign', (doc, ctx) => hashParagraphs(doc, ctx.options.thresholds), { provides: ['paragraphHashes'], onlyProvides: true }),
];

/** Pass 2, in input order: decisions that depend on earlier documents. */
export const corpus: readonly Stage[] = [
  stage('dedup', (doc, ctx) => dedup(doc, ctx), { needs: ['textHash', 'signature'], uses: ['nearCopies'], provides: ['dedup'] }),
  // after dedup: a syndicated copy is dropped whole before paragraphs are compared
  stage('cross-doc', (doc, ctx) => crossDoc(doc, ctx), { needs: ['paragraphHashes'], uses: ['dedup'], provides: ['crossDoc'] }),
];

/**
 * The corpus state pass 2 reads, out of what pass 1 gathered: the block counts the frequent-blocks stage can act on
 * (a count below its least is as good as none). A sharded run hands this to every cleaning task (engine/shards.ts):
 * it grows with the corpus's repeated blocks, not with all its blocks.
 */
export function corpusForCleaning(state: CorpusState, options: Options): CorpusState {
  return { ...state, blockCounts: state.blockCounts.keepingAtLeast(leastCountUsed(state.countedDocs, options.thresholds)) };
}

/** The stages a user may turn off with `--skip` (kept in options.ts, which the command line reads without loading the stages). */
export { SKIPPABLE } from './options.js';
