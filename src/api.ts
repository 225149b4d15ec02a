/**
 * Convenience API for one string: `cleanText(html)` runs the per-document
 * pipeline over it (no corpus-wide statistics) and returns the output and the
 * report entry.
 */
import { createDoc, type Doc } from './record/doc.js';
import { defaultOptions, type Options } from './options.js';
import * as pipeline from './pipeline.js';
import { pipelineOff, runStages } from './stage.js';
import { createCorpusState } from './corpus/state.js';

export function cleanText(input: string | Uint8Array, options: Options = defaultOptions(), path = '<string>'): Doc {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const doc = createDoc(0, { path, relPath: '' }, bytes);
  // --skip resolved over the whole pipeline, as a run resolves it (stage.ts)
  return runStages(doc, pipeline.clean, { options, corpus: createCorpusState(), off: pipelineOff(pipeline, options.skip) });
}
