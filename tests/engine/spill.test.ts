/**
 * The spill's files and its record codec: what is written comes back the same,
 * in any order, and a spill that cannot be written says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillIndex, SpillReader, SpillWriter, spillBudget } from '../../src/engine/spill.js';
import { decodePrepared, encodePrepared } from '../../src/record/prepared.js';
import { prepare } from '../../src/pipeline.js';
import { createDoc } from '../../src/record/doc.js';
import { runStages } from '../../src/stage.js';
import { createCorpusState } from '../../src/corpus/state.js';
import { defaultOptions } from '../../src/options.js';
import { tmpDir } from '../helpers.js';

function prepared(text: string, format: 'auto' | 'html' | 'text' = 'auto') {
  const options = defaultOptions();
  options.format = format;
  const doc = createDoc(3, { path: 'a.html', relPath: 'a.html' }, Buffer.from(text));
  return runStages(doc, prepare, { options, corpus: createCorpusState() });
}

describe('prepared documents as bytes', () => {
  it('gives back an equal record: HTML blocks with their context, plain text, Latin-1 and wider text', () => {
    const html = prepared(
      '<html><body><nav class="menu top"><ul><li><a href="/">Home</a></li><li>News</li></ul></nav><article id="story"><h1>Café ☕ 뉴스</h1><p>First paragraph, naïve.</p><p>두 번째 문단입니다.</p></article></body></html>',
    );
    const plain = prepared('One line of text.\n\nAnother paragraph after a break, résumé.\n- a list item\n', 'text');
    for (const doc of [html, plain]) {
      const bytes = new Uint8Array(encodePrepared(doc));
      expect(bytes.length % 4).toBe(0);
      const { blockKeys, ...back } = decodePrepared(bytes, 3);
      expect(back).toEqual(JSON.parse(JSON.stringify({ ...doc, bytes: undefined, raw: undefined, rawBlocks: undefined, blockKeys: undefined })));
      expect(blockKeys).toEqual(doc.blockKeys);
      expect(doc.blockKeys!.length).toBe(3 * doc.blocks.length);
    }
    expect(html.blocks.some((b) => b.context?.names.includes('menu'))).toBe(true);
    // blocks under the same ancestors share their lists again
    const back = decodePrepared(new Uint8Array(encodePrepared(html)), 3);
    const items = back.blocks.filter((b) => b.context?.tags.includes('li'));
    expect(items.length).toBe(2);
    expect(items[0].context!.tags).toBe(items[1].context!.tags);
  });

  it('refuses bytes that are not a prepared document', () => {
    expect(() => decodePrepared(new Uint8Array(64), 0)).toThrow('not a prepared document');
  });
});

describe('spill files', () => {
  it('reads back what was written, in any order, documents larger than a chunk included', () => {
    const dir = tmpDir();
    const writer = new SpillWriter(dir);
    const docs = [new Uint8Array(40).fill(1), new Uint8Array(3 << 20).fill(2), new Uint8Array(8).fill(3)];
    const refs = docs.map((d) => writer.append(d)!);
    expect(writer.close()).toBe(true);
    const reader = new SpillReader(dir);
    for (const i of [2, 0, 1, 2]) expect(Buffer.from(reader.read(refs[i])).equals(Buffer.from(docs[i]))).toBe(true);
  });

  it('says when it could not write, and writes nothing after that', () => {
    const dir = path.join(tmpDir(), 'gone');
    const writer = new SpillWriter(dir);
    expect(writer.append(new Uint8Array(8))).toBeDefined();
    expect(writer.close()).toBe(false);
    expect(writer.append(new Uint8Array(8))).toBeUndefined();
    expect(fs.existsSync(dir)).toBe(false);
  });

  // the spill may take half the free space of its file system (a RAM-backed /tmp included); past its share, pass 2
  // prepares documents again
  it('keeps no document past its budget', () => {
    const dir = tmpDir();
    expect(spillBudget(dir)).toBeGreaterThan(0);
    const writer = new SpillWriter(dir, 100);
    expect(writer.append(new Uint8Array(60))).toEqual({ file: expect.any(Number), offset: 0, length: 60 });
    expect(writer.append(new Uint8Array(60))).toBeUndefined();
    expect(writer.append(new Uint8Array(40))).toEqual({ file: expect.any(Number), offset: 60, length: 40 });
    expect(writer.close()).toBe(true);
  });

  it('keeps references by document, and only for a line of the same size', () => {
    const index = new SpillIndex();
    index.set(5000, { file: 2, offset: 2 ** 40, length: 12 }, 77);
    expect(index.get(5000, 77)).toEqual({ file: 2, offset: 2 ** 40, length: 12 });
    expect(index.get(5000, 78)).toBeUndefined();
    expect(index.get(4999, -1)).toBeUndefined();
  });
});
