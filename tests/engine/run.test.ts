/**
 * The two-pass engine with and without worker threads: pass-1 results merged
 * on the main thread, the state shared with the workers, results in input order.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import { ROOT, tmpDir } from '../helpers.js';

const dist = (p: string) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
const countLines = pathToFileURL(path.join(ROOT, 'tests/engine/count-lines-pipeline.js')).href;
const crashing = pathToFileURL(path.join(ROOT, 'tests/engine/crash-pipeline.js')).href;

/**
 * Run `texts` through `pipeline` with `jobs` threads. With workers, the documents from number `holdAt` on wait until
 * a worker has loaded the pipeline: the pool gives a worker documents only once it has started, and a short run
 * would otherwise be over, in this thread, before that.
 */
async function runWith(jobs: number, texts: string[], pipeline = countLines, holdAt = 3, settings: { onSpill?(release: (near: string) => boolean): void; at?: (i: number) => void } = {}) {
  const { runCorpus } = await import(dist('engine/run.js'));
  const { defaultOptions } = await import(dist('options.js'));
  const options = defaultOptions();
  options.thresholds['parallel.minDocsPerJob'] = 1;
  // short test documents: the classifier would drop them
  options.skip = ['classify', 'repeats'];
  const loaded = path.join(tmpDir(), 'loaded');
  process.env.TEST_WORKER_LOADED = loaded;
  const workerUp = async () => {
    while (!fs.existsSync(loaded)) await sleep(20);
    // and a moment more, for its word that it is ready to reach the pool
    await sleep(100);
  };
  const sources = async function* () {
    for (const [i, t] of texts.entries()) {
      if (jobs > 1 && i === holdAt) await workerUp();
      settings.at?.(i);
      yield { source: { path: `doc${i}.txt`, relPath: `doc${i}.txt` }, locator: { format: 'bytes', bytes: new TextEncoder().encode(t) } };
    }
  };
  const seen: { id: number; status: string; output?: string; removed: number }[] = [];
  const timings: Record<string, number> = {};
  await runCorpus(sources, options, { onDoc: (d: any) => void seen.push({ id: d.id, status: d.status, output: d.output, removed: d.removed.length }) }, { jobs, pipeline, timings, onSpill: settings.onSpill });
  return { seen, timings };
}

const texts = Array.from({ length: 30 }, (_, i) => `Home | News | Sports\nStory number ${i} is about ${'x'.repeat(i * 37)}.\n${i % 2 ? 'Odd footer' : 'Even footer'}\n${i < 2 ? 'rare line' : ''}`);

describe('runCorpus with workers', () => {
  it('gives the same documents, in input order, with 1 and 2 jobs, using pass-1 counts in pass 2', async () => {
    const one = await runWith(1, texts);
    const two = await runWith(2, texts);
    expect(two.seen).toEqual(one.seen);
    expect(one.seen.map((d) => d.id)).toEqual(texts.map((_, i) => i));
    expect(one.seen[0].output).toBe('Story number 0 is about .\n\nrare line\n');
    expect(two.timings['pass1:count-lines']).toBeGreaterThan(0);
    expect(two.timings['drop-common']).toBeGreaterThan(0);
  });

  // The disk filling up under the spill: what this thread kept in pass 1 may be missing in pass 2. A worker given
  // such a document failed it ("spill-read: … ends early") where this thread reads it from its source again.
  it('reads a document the spill lost from its source again, whichever thread cleans it', async () => {
    const one = await runWith(1, texts);
    // every write of this thread fails (the workers', in their own threads, do not)
    const full = vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    try {
      const two = await runWith(2, texts);
      expect(full).toHaveBeenCalled();
      expect(two.seen).toEqual(one.seen);
    } finally {
      full.mockRestore();
    }
  });

  // standard input's spool, short of room in TMPDIR, has the engine give up the spill (io/stdin.ts)
  it('gives up the spill when asked in pass 1: pass 2 prepares every document again, and gives the same documents', async () => {
    const one = await runWith(1, texts);
    // pass 2 starts from what pass 1 kept: it reads it back, and does not segment again
    expect(one.timings['spill-read']).toBeGreaterThan(0);
    expect(one.timings['segment']).toBeUndefined();
    for (const jobs of [1, 2]) {
      let release: ((near: string) => boolean) | undefined;
      const answers: boolean[] = [];
      const after = await runWith(jobs, texts, countLines, 3, {
        onSpill: (r) => (release = r),
        // a third of the way through pass 1 (pass 2 reads the sources again: `answers` keeps this to once)
        at: (i) => void (i === 10 && answers.length === 0 && answers.push(release!('/proc/self'), release!(tmpDir()), release!(tmpDir()))),
      });
      // not for a file on another file system; for one on the spill's own, once
      expect(answers).toEqual([false, true, false]);
      expect(after.seen).toEqual(one.seen);
      // nothing was read back from the spill: what was kept before it went, went with it
      expect(after.timings['spill-read']).toBeUndefined();
      expect(after.timings['segment']).toBeGreaterThan(0);
    }
  });

  // a worker that dies (native crash, out of memory) must not take the run, or other documents, with it
  it('fails only the documents a dead worker held, and goes on with a new worker', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => (i === 7 ? 'please CRASH here' : `Document ${i}.`));
    const { seen } = await runWith(2, docs, crashing, 5);
    expect(seen.map((d) => d.id)).toEqual(docs.map((_, i) => i));
    expect(seen[7].status).toBe('error');
    // the worker held a batch or two: the others it held are posted again, alone, and only the crashing one fails
    expect(seen.filter((d) => d.status === 'error').map((d) => d.id)).toEqual([7]);
    expect(seen.filter((d) => d.status === 'kept').length).toBe(39);
    expect(seen[39].output).toBe('Document 39.\n');
  });
});
