import { describe, expect, it } from 'vitest';
import { statistics } from '../../src/pipeline.js';
import { mergeStats, runStages, stage, type Context } from '../../src/stage.js';
import { createCorpusState } from '../../src/corpus/state.js';
import { defaultOptions } from '../../src/options.js';
import { blockKey } from '../../src/corpus/block-key.js';
import { doc } from '../helpers.js';
import { runStage, type StageRun } from './run-stage.js';

/** Pass 1 over `texts`, as the engine runs it; then, in pass 2, the boilerplate stage on each (after the stages it needs). */
function corpusRun(texts: string[], pass1 = statistics): StageRun[] {
  const ctx: Context = { options: defaultOptions(), corpus: createCorpusState() };
  texts.forEach((t, i) => mergeStats(runStages(Object.assign(doc(t), { id: i }), pass1, ctx).stats, pass1, ctx, i));
  return texts.map((t, i) => runStage('boilerplate', t, { corpus: ctx.corpus, id: i }));
}

const removedBy = (d: StageRun, code: string) => d.removed.filter((r) => r.code === code).map((r) => r.text);

const paragraph = (topic: string) =>
  `This page is about ${topic}. It explains what members of the club do in each season, how they share the work in the garden, and why the rules exist at all, so that new members can settle in quickly.`;

describe('block keys and counts', () => {
  it('folds case, digits, punctuation and spaces as CCNet does', () => {
    expect(blockKey('Comments (12)')).toBe(blockKey('comments: 3'));
    expect(blockKey('© 2023 Example Ltd.')).toBe(blockKey('© 2024 EXAMPLE LTD'));
    expect(blockKey('ＦＵＬＬ　ｗｉｄｔｈ')).toBe(blockKey('full width'));
    expect(blockKey('12,345 — 67%')).toBe('');
  });
});

describe('boilerplate', () => {
  const site = ['apples', 'pears', 'plums', 'cherries'].map(
    (topic) => `Club Home\nEvents\nContact\n\nAll about ${topic}\n\n${paragraph(topic)}\n\nGarden Club, 12 Lime Street. We look forward to your visit.`,
  );

  it('removes a menu and a footer that repeat on every page from all of them, the first included', () => {
    for (const d of corpusRun(site)) {
      expect(removedBy(d, 'boilerplate-corpus')).toEqual(['Club Home', 'Events', 'Contact', 'Garden Club, 12 Lime Street. We look forward to your visit.']);
      expect(d.output).toContain('This page is about');
    }
  });

  it('keeps a long paragraph a few documents share (a syndicated story), but drops a short shared line', () => {
    const story =
      'The river that flooded the town last spring has been given a new channel. Engineers worked through the winter to widen it, and the first heavy rains of the year passed without any damage to the houses.';
    const texts = Array.from({ length: 10 }, (_, i) => `${paragraph(`topic number ${'abcdefghij'[i]}`)}${i < 3 ? `\n\nShare this page\n\n${story}` : ''}`);
    const docs = corpusRun(texts);
    expect(docs[0].output).toContain(story);
    expect(removedBy(docs[0], 'boilerplate-corpus')).toEqual(['Share this page']);
  });

  it('removes nothing in a corpus of one document', () => {
    const [d] = corpusRun([site[0]]);
    expect(removedBy(d, 'boilerplate-corpus')).toEqual([]);
  });

  it('does not count documents an earlier pass-1 stage marked as duplicates', () => {
    const markCopies = stage('mark-copies', (d) => {
      if (d.id > 0) d.status = 'duplicate';
    });
    const docs = corpusRun(site, [...statistics.slice(0, -1), markCopies, statistics[statistics.length - 1]]);
    expect(removedBy(docs[0], 'boilerplate-corpus')).toEqual([]);
  });
});
