import { describe, expect, it } from 'vitest';
import { findRepeats } from '../../src/stages/repeats.js';
import { runStage } from './run-stage.js';

const ARTICLE =
  'The river rose by two metres overnight and the old bridge was closed to traffic before dawn. ' +
  'Engineers said it would stay shut until the water level falls and divers have checked the piers. ' +
  'Residents on the east bank were asked to move their cars to higher ground by noon.';

describe('findRepeats', () => {
  it('finds the later copy of a span, not the first', () => {
    const s = 'x'.repeat(10) + 'abcdefghij' + '-'.repeat(5) + 'abcdefghij';
    expect(findRepeats(s, 8)).toEqual([[25, 35]]);
  });

  it('counts a copy only once it no longer overlaps its source (periodic text)', () => {
    expect(findRepeats('='.repeat(30), 20)).toEqual([]);
    expect(findRepeats('='.repeat(50), 20)).toEqual([[20, 50]]);
  });
});

describe('repeats', () => {
  it('a body pasted twice, the first copy cut off mid-word, comes out whole and once', () => {
    const cut = ARTICLE.slice(0, 170); // ends inside a word
    const r = runStage('repeats', `Headline of the story here\n\n${cut}${ARTICLE}`);
    expect(r.output).toContain(ARTICLE);
    expect(r.output.split(ARTICLE.slice(0, 60)).length).toBe(2);
    expect(r.removed.map(({ code, text }) => ({ code, text }))).toEqual([{ code: 'repeat-within-doc', text: cut }]);
  });

  it('removes a doubled caption line and keeps the first', () => {
    const caption = 'The old bridge seen from the east bank on Tuesday morning, shortly before it was closed. Photo: City archive';
    const r = runStage('repeats', `${caption}\n${caption}\n${ARTICLE}\n\n${ARTICLE.replace('two', 'three').replace('old', 'new')}`);
    expect(r.output.split(caption).length).toBe(2);
    expect(r.doc.removed.find((x) => x.code === 'repeat-within-doc')).toMatchObject({ start: caption.length + 1 });
  });

  it('works on Chinese text with no spaces, measuring in characters', () => {
    const zh = '经过一年多的施工，位于市中心的老公园终于完成了改造，并将在本周末重新向市民开放。新的公园保留了原有的大树和湖面，同时增加了儿童游乐区和一条环湖步道。';
    const r = runStage('repeats', `${zh}\n${zh}`);
    expect(r.output).toBe(zh + '\n');
    expect(r.removed.map((x) => x.code)).toEqual(['repeat-within-doc']);
  });

  it('leaves a short phrase repeated inside prose alone', () => {
    const phrase = 'the Ministry of Agriculture and Rural Development';
    const text = `Officials from ${phrase} visited the farms on Monday, and they promised help to everyone who lost a harvest. Later that week ${phrase} published a report about the floods and the damage they did.`;
    expect(runStage('repeats', text).removed).toEqual([]);
  });

  it('does not glue the words around a removed copy', () => {
    const sentence = 'Engineers said the bridge would stay shut until the water level falls again.';
    const r = runStage('repeats', `${sentence} And then, ${sentence} The end of this story is near, they said to all.`);
    expect(r.output).not.toMatch(/then,The|then,\s{2,}The/);
  });

  it('keeps a block that shares only a part with an earlier block whole, leaving no fragment', () => {
    const old = 'If the value of the bonds held by the fund is at least half of its total assets, the whole dividend is exempt from tax.';
    const corrected = old.replace('the whole dividend is', 'the share of the dividend paid from those bonds is');
    const text = `It currently reads:\n${old}\nIt should read:\n${corrected}\n${ARTICLE}\n${ARTICLE.slice(1).replace(/^./, (c) => c.toUpperCase())}`;
    const r = runStage('repeats', text);
    expect(r.removed).toEqual([]);
    expect(r.output).toContain(corrected);
  });

  it('removes a body pasted twice whose second copy is glued to the end of the first copy\'s last paragraph', () => {
    const paras = [ARTICLE, 'The mayor said the city would pay for the repairs from its reserve fund this year.', 'A temporary footbridge will open next to the old bridge on Friday for people on foot.'];
    const r = runStage('repeats', `${paras.join('\n')}${paras.join('\n')}`);
    expect(r.output.trim()).toBe(paras.join('\n'));
    expect(r.removed.map((x) => x.code)).toContain('repeat-within-doc');
  });

  it('removes a caption that repeats a sentence of the text whole', () => {
    const sentence = 'Engineers said the bridge would stay shut until the water level falls again.';
    const r = runStage('repeats', `${ARTICLE} ${sentence} More work is planned.\n${sentence}\nThe end of the story.`);
    expect(r.output.split(sentence).length).toBe(2);
    expect(r.removed.map((x) => x.text)).toEqual([sentence]);
  });

  it('removes thousands of sentences each said twice on one long line, each once (a run\'s block is found by search, not by walking the line)', () => {
    // sentences longer than repeats.minInlineChars that share no span near repeats.minChars: words drawn by a Park–Miller generator from 24
    const words = 'river bridge council harbour ferry island winter market school road tower garden north south east west ' + 'station library museum castle forest valley meadow canal';
    const list = words.split(' ');
    let seed = 7;
    const word = () => list[(seed = (seed * 48271) % 2147483647) % list.length];
    const sentences = Array.from({ length: 8000 }, (_, i) => `${i} ${Array.from({ length: 18 }, word).join(' ')}. `);
    const r = runStage('repeats', sentences.map((x) => x + x).join(''));
    // every sentence once: nothing repeated is left, and nearly all of the text is (a cut between two copies of a
    // sentence inside a line can take the full stop and the number between them: a few characters a sentence)
    expect(findRepeats(r.output, 50)).toEqual([]);
    expect(r.output.length).toBeGreaterThan(0.95 * sentences.join('').length);
  });
});
