/**
 * One stage on an inline document, as datatrove's `check_filter` runs one filter: a document made of a string,
 * the stages the stage under test needs run before it, then that stage alone — not the rest of the list, so a
 * test sees what that stage did and nothing a later stage did.
 *
 * What a stage needs is, for now, what comes before it in its list (pipeline.ts's `clean`, or `statistics` for a
 * pass-1 stage): bytes → blocks for every cleaning stage, then the cleaning stages before it (classify sees what
 * corpus boilerplate removed; repeats sees what both removed).
 */
import type { Doc } from '../../src/record/doc.js';
import { clean, statistics } from '../../src/pipeline.js';
import { runStages, type Stage } from '../../src/stage.js';
import { assemble } from '../../src/stages/assemble.js';
import { createCorpusState, type CorpusState } from '../../src/corpus/state.js';
import { defaultOptions, type Options } from '../../src/options.js';
import { doc } from '../helpers.js';

/** What a test of one stage asserts on. */
export interface StageRun {
  /** The document as the stage left it. */
  doc: Doc;
  /** The spans the stage removed (not those of the stages before it), in document order, as text. */
  removed: { code: string; text: string; detail?: string }[];
  /**
   * The text that stands after the stage, as `assemble` would write it (assembled on a copy: the document stays
   * as the stage left it).
   */
  output: string;
  /** The lines of `output`, paragraph breaks aside. */
  kept: string[];
}

export interface StageRunSettings {
  /** Options over the defaults. */
  options?: Partial<Options>;
  /** The document's name (`page.html` makes it HTML). Default `doc.txt`. */
  file?: string;
  /** Corpus-wide state (what pass 1 counted), for the stages that read it. Default: empty. */
  corpus?: CorpusState;
  /** The document's id in its corpus. Default 0. */
  id?: number;
}

/** The stages before `name` in the list that holds it, and the stage itself. */
function find(name: string): { before: readonly Stage[]; stage: Stage } {
  for (const list of [clean, statistics]) {
    const i = list.findIndex((s) => s.name === name);
    if (i >= 0) return { before: list.slice(0, i), stage: list[i] };
  }
  throw new Error(`no stage named ${name} in pipeline.ts's clean or statistics`);
}

/** Run the stage `name` on a document made of `text`, after the stages it needs (see the module comment). */
export function runStage(name: string, text: string | Uint8Array, settings: StageRunSettings = {}): StageRun {
  const { before, stage } = find(name);
  const ctx = { options: { ...defaultOptions(), ...settings.options }, corpus: settings.corpus ?? createCorpusState() };
  const d = runStages(Object.assign(doc(text, settings.file), { id: settings.id ?? 0 }), before, ctx);
  const earlier = new Set(d.removed);
  runStages(d, [stage], ctx);
  const removed = d.removed.filter((r) => !earlier.has(r)).map((r) => ({ code: r.code, text: d.text.slice(r.start, r.end), ...(r.detail === undefined ? {} : { detail: r.detail }) }));
  let output = d.output;
  if (output === undefined) {
    const copy: Doc = { ...d, findings: [...d.findings] };
    assemble(copy);
    output = copy.output ?? '';
  }
  return { doc: d, removed, output, kept: output.split('\n').filter(Boolean) };
}
