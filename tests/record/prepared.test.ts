/**
 * The prepared document's byte codec (record/prepared.ts): what pass 2 keeps of a document on the spill comes
 * back the same.
 */
import { describe, expect, it } from 'vitest';
import { decodePrepared, encodePrepared } from '../../src/record/prepared.js';
import { prepare } from '../../src/pipeline.js';
import { createDoc } from '../../src/record/doc.js';
import { runStages } from '../../src/stage.js';
import { createCorpusState } from '../../src/corpus/state.js';
import { defaultOptions } from '../../src/options.js';

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
