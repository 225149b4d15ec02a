/**
 * The shape of a stage and the loop that runs a list of them over one document.
 */
import type { Doc } from './doc.js';
import type { Options } from './options.js';
import type { CorpusState } from './corpus.js';

/** What a stage may see besides the document: the options and the corpus-wide state. */
export interface Context {
  options: Options;
  corpus: CorpusState;
}

/** A stage: a named function of one document. It mutates the document and nothing outside `ctx.corpus`. */
export interface Stage {
  name: string;
  run(doc: Doc, ctx: Context): void;
}

/** Wrap a function as a stage. */
export const stage = (name: string, run: (doc: Doc, ctx: Context) => void): Stage => ({ name, run });

/**
 * Run stages in order, but those named in `options.skip`. A document that is skipped, failed or found to be a
 * duplicate goes no further; a stage that throws fails only its document.
 */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: Context): Doc {
  const skip = ctx.options.skip;
  for (const s of stages) {
    if (doc.status !== 'kept') break;
    if (skip.length > 0 && skip.includes(s.name)) continue;
    try {
      s.run(doc, ctx);
    } catch (err) {
      doc.status = 'error';
      doc.bytes = undefined;
      doc.raw = undefined;
      doc.findings.push({
        code: 'internal-error',
        severity: 'error',
        stage: s.name,
        args: { stage: s.name, reason: err instanceof Error ? err.message : String(err) },
      });
    }
  }
  return doc;
}
