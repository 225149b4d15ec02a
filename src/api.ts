/**
 * Convenience API for one string: `cleanText(html)` runs the per-document
 * pipeline over it (no corpus-wide statistics) and returns the output and the
 * report entry.
 */
import { createDoc, type Doc } from './record/doc.js';
import { defaultOptions, type Options } from './options.js';
import { clean } from './pipeline.js';
import { runStages } from './stage.js';
import { createCorpusState } from './corpus/state.js';

export function cleanText(input: string | Uint8Array, options: Options = defaultOptions(), path = '<string>'): Doc {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const doc = createDoc(0, { path, relPath: '' }, bytes);
  return runStages(doc, clean, { options, corpus: createCorpusState() });
}
