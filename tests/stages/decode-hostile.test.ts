/**
 * decode on damaged bytes: a stray invalid byte, random bytes, a BOM alone.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { prepare } from '../../src/pipeline.js';
import { run } from '../helpers.js';

const korean = '천문학적인 자금으로 인재 영입에 나섰던 메타 초지능연구소가 인재를 잃고 있다. '.repeat(20);

describe('decode on damaged bytes', () => {
  // one 0xFF byte in a UTF-8 page made the detector read the whole page as ISO-8859-5
  it('reads UTF-8 with a stray invalid byte as UTF-8, the byte becoming U+FFFD', () => {
    const bytes = Buffer.from(korean);
    const damaged = new Uint8Array(Buffer.concat([Buffer.from('첫 문장. '), Buffer.from([0xff]), bytes]));
    const doc = run(prepare, damaged);
    expect(doc).toMatchObject({ encoding: 'utf-8', encodingSource: 'utf8' });
    expect(doc.text).toContain('첫 문장. \uFFFD천문학적인');
    expect(doc.findings.map((f) => f.code)).toContain('decode-replaced');
  });

  it('still detects legacy encodings, which are nearly all invalid as UTF-8', () => {
    expect(run(prepare, new Uint8Array(iconv.encode(korean, 'cp949'))).encoding).toBe('cp949');
  });

  it('skips random bytes as binary, and a lone BOM as having no text', () => {
    let x = 1;
    const random = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    expect(run(prepare, random).findings.map((f) => f.code)).toEqual(['binary']);
    expect(run(prepare, new Uint8Array([0xef, 0xbb, 0xbf])).text).toBe('');
  });
});
