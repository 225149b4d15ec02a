/**
 * Stages (src/stage.ts): a stage that throws fails only its document, as an
 * internal error naming the stage; stages are tied by what they provide and
 * need, so `--skip` of one turns off exactly what depends on it, resolved in
 * one place over the whole pipeline, and every stage finds what it needs made
 * by a stage before it.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, run } from './helpers.js';
import { clean, corpus, statistics, SKIPPABLE } from '../src/pipeline.js';
import { stage, stagesOff, type Stage } from '../src/stage.js';
import { cleanText } from '../src/api.js';
import { docEntry } from '../src/report/entries.js';
import { defaultOptions } from '../src/options.js';

const pipeline = [...statistics, ...clean, ...corpus];
const off = (...skip: string[]) => [...stagesOff(pipeline, skip)].sort();

describe('--skip, resolved over the pipeline', () => {
  it('turns off nothing when nothing is skipped', () => {
    expect(off()).toEqual([]);
  });

  it('turns off what needs a skipped stage, and a stage whose only work is for stages turned off', () => {
    // without counts there is nothing to look up, and without either there is nothing to hash blocks for
    expect(off('count-blocks')).toEqual(['block-keys', 'boilerplate', 'count-blocks']);
    expect(off('boilerplate')).toEqual(['boilerplate']);
    expect(off('boilerplate', 'count-blocks')).toEqual(['block-keys', 'boilerplate', 'count-blocks']);
    expect(off('dedup')).toEqual(['dedup', 'dedup-sign']);
    expect(off('cross-doc')).toEqual(['cross-doc', 'cross-doc-sign']);
  });

  it('leaves on what only uses a skipped stage when it is there', () => {
    // count-blocks counts near copies too, and dedup confirms without pass 1's verdicts
    expect(off('near-copies')).toEqual(['near-copies']);
    for (const name of ['columns', 'unwrap', 'classify', 'repeats']) expect(off(name)).toEqual([name]);
  });

  it('turns off nothing for what no stage of the list provides or needs (a stage run alone makes it itself)', () => {
    const alone: Stage = stage('alone', () => {}, { needs: ['blockCounts'] });
    const feeder: Stage = stage('feeder', () => {}, { provides: ['paragraphHashes'], onlyProvides: true });
    expect([...stagesOff([alone, feeder], ['x'])]).toEqual(['x']);
  });

  it('is resolved so by cleanText too: a document of one string signed for dedup only while dedup runs', () => {
    const text = 'The council voted on Tuesday to rebuild the north pier, which storms damaged last winter, and work starts in May.';
    expect(cleanText(text).textHash).toBeDefined();
    expect(cleanText(text, { ...defaultOptions(), skip: ['dedup'] }).textHash).toBeUndefined();
  });

  it('names only stages of the pipeline as skippable', () => {
    const names = new Set(pipeline.map((s) => s.name));
    for (const name of SKIPPABLE) expect(names).toContain(name);
  });
});

describe('what stages provide and need', () => {
  it('every stage needs and uses only what a stage before it provides (pass 1, then pass 2, then the in-order stages)', () => {
    const provided = new Set<string>();
    for (const s of pipeline) {
      for (const p of [...(s.needs ?? []), ...(s.uses ?? [])]) expect(provided, `${s.name} needs ${p}`).toContain(p);
      for (const p of s.provides ?? []) provided.add(p);
    }
  });

  it('no stage checks another stage for --skip', () => {
    const dir = path.join(ROOT, 'src/stages');
    for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')))
      expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/\.skip\b/);
  });
});

describe('a stage that throws', () => {
  it('becomes an internal-error finding on that document, with the stage and the reason, and no stack', () => {
    const boom = stage('boom', () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const doc = run([...clean.slice(0, 2), boom, ...clean.slice(2)], 'some text', {}, 'pages/a.txt');
    expect(doc.status).toBe('error');
    const entry = docEntry(doc, null);
    expect(entry).toMatchObject({ input: 'pages/a.txt', status: 'error', message: 'internal error in stage boom: cannot read properties of undefined' });
    expect(JSON.stringify(entry)).not.toMatch(/\n\s+at /);
  });
});
