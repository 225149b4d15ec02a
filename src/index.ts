/**
 * Library entry point: the pipeline, its stages and the record they share.
 */
export * from './record/doc.js';
export * from './record/codes.js';
export * from './options.js';
export * from './thresholds.js';
export * from './stage.js';
export * as pipeline from './pipeline.js';
export { runCorpus, type Source, type RunHooks, type RunSettings } from './engine/run.js';
export { HashCounts, type HashCountsData } from './corpus/hash-counts.js';
export { cleanText } from './api.js';
