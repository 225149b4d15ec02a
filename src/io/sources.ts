/**
 * Inputs as sources for the engine: a plain file is one document; a JSON Lines
 * file (by name, or every file with `--jsonl`) is one document per record,
 * streamed; an argument that named nothing is one failed document, so that
 * every input appears in the report.
 */
import type { Options } from '../options.js';
import type { Source } from '../run.js';
import { outputNames, type InputFile, type MissingInput } from './inputs.js';
import fs from 'node:fs';
import { readInput, type ReadResult } from './read.js';
import { fileChunks, isJsonlName, jsonlSources } from './jsonl.js';

/** How inputs are read as JSON Lines. */
export interface JsonlChoice {
  /** Read every input as JSON Lines (`--jsonl`), not only `.jsonl` files. */
  all: boolean;
  /** Field holding the text (`--text-field`). */
  field: string;
}

/** Is this input read as JSON Lines? */
export const readsAsJsonl = (file: { rel: string; display: string }, jsonl: JsonlChoice): boolean => jsonl.all || isJsonlName(file.display);

/** Sources for a list of inputs; call once per pass. */
export function inputSources(files: InputFile[], missing: MissingInput[], options: Options, jsonl: JsonlChoice): () => AsyncIterable<Source> {
  // A pipe named as an input (`<(curl …)`, a FIFO) can be read only once: its bytes are kept from pass 1 for pass 2.
  const onceOnly = new Map<string, Promise<ReadResult>>();
  const load = (abs: string, pipe: boolean): Promise<ReadResult> => {
    const kept = onceOnly.get(abs);
    if (kept) {
      onceOnly.delete(abs);
      return kept;
    }
    const read = readInput(abs, options.thresholds['input.maxBytes']);
    if (pipe) onceOnly.set(abs, read);
    return read;
  };
  return async function* () {
    for (const m of missing)
      yield {
        source: { path: m.display, relPath: '' },
        load: async () => ({ ok: false as const, code: m.code ?? ('read-failed' as const), args: m.args ?? { reason: m.reason } }),
      };
    for (const f of files) {
      if (readsAsJsonl(f, jsonl)) {
        yield* jsonlSources(f, jsonl.field, () => fileChunks(f.abs), options.thresholds['input.maxBytes']);
        continue;
      }
      const maxBytes = options.thresholds['input.maxBytes'];
      // a plain file is read by whichever thread cleans it; a pipe only here, once (see onceOnly)
      const pipe = isPipe(f.abs);
      yield { source: { path: f.display, relPath: f.rel }, load: () => load(f.abs, pipe), ...(pipe ? {} : { file: { abs: f.abs, maxBytes } }) };
    }
  };
}

/** Output name of each input under the output folder: `.txt` for documents, `.jsonl` for JSON Lines inputs. */
export function outputNamesFor(files: InputFile[], jsonl: JsonlChoice): string[] {
  const isJsonl = files.map((f) => readsAsJsonl(f, jsonl));
  const plain = outputNames(files.filter((_, i) => !isJsonl[i]).map((f) => f.rel));
  const records = outputNames(files.filter((_, i) => isJsonl[i]).map((f) => f.rel), '.jsonl');
  return isJsonl.map((j) => (j ? records.shift()! : plain.shift()!));
}

function isPipe(abs: string): boolean {
  try {
    return fs.statSync(abs).isFIFO();
  } catch {
    return false;
  }
}
