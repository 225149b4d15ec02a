/**
 * The JSON Lines reader and splicer on inline data.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { isBlankLine, jsonlSources, parseRecord, readLines, readPlace, readRecord, recordLine, stampOf, valueSpan, type RecordSource } from '../../src/formats/jsonl.js';
import { ChunkReader } from '../../src/io/chunk-reader.js';
import { tmpDir } from '../helpers.js';
import { parsePathList } from '../../src/io/files-from.js';
import { StdinOverflow } from '../../src/io/stdin.js';

async function lines(chunks: string[] | Buffer[]): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const l of readLines(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)))) out.push([l.line, l.bytes.toString('utf8')]);
  return out;
}

describe('readLines', () => {
  it('splits on LF across chunk boundaries, drops CR and a leading BOM, and keeps a last line without LF', async () => {
    expect(await lines(['\uFEFF{"a"', ':1}\r\n{"b":2}\n\n{"c"', ':3}'])).toEqual([
      [1, '{"a":1}'],
      [2, '{"b":2}'],
      [3, ''],
      [4, '{"c":3}'],
    ]);
  });

  // a worker reads a record's line from its file at this offset (RecordPlace): it must be exactly where the bytes are
  it('gives each line the offset of its bytes in the stream, across chunks, after a BOM and before a CR', async () => {
    const text = '\uFEFF{"a":1}\r\n{"b":"한국"}\n\n' + '{"c":"' + 'x'.repeat(50) + '"}\r\n{"d":4}';
    const whole = Buffer.from(text);
    // chunks of 7 bytes: lines start, end and carry over inside chunks
    const chunks: Buffer[] = [];
    for (let i = 0; i < whole.length; i += 7) chunks.push(whole.subarray(i, i + 7));
    const seen: string[] = [];
    for await (const l of readLines(chunks)) {
      expect(whole.subarray(l.offset, l.offset + l.bytes.length).equals(l.bytes)).toBe(true);
      seen.push(l.bytes.toString('utf8'));
    }
    expect(seen).toEqual(['{"a":1}', '{"b":"한국"}', '', '{"c":"' + 'x'.repeat(50) + '"}', '{"d":4}']);
  });

  // a chunk boundary inside a multi-byte character must not turn it into U+FFFD
  it('keeps a UTF-8 character split between chunks whole', async () => {
    const bytes = Buffer.from('{"text":"한국어"}\n');
    expect(await lines([bytes.subarray(0, 11), bytes.subarray(11)])).toEqual([[1, '{"text":"한국어"}']]);
  });
});

describe('readLines over the size limit', () => {
  // a single huge line must be measured and skipped, never gathered into one string
  it('reports a line longer than the limit by its size, within one chunk or across several', async () => {
    const out = [];
    for await (const l of readLines([Buffer.from('{"a":1}\n' + 'x'.repeat(30)), Buffer.from('y'.repeat(30) + '\n{"b":2}\n' + 'z'.repeat(50) + '\n')], 40))
      out.push({ line: l.line, text: l.bytes.toString('utf8'), ...(l.tooLarge !== undefined ? { tooLarge: l.tooLarge } : {}) });
    expect(out).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '', tooLarge: 60 },
      { line: 3, text: '{"b":2}' },
      { line: 4, text: '', tooLarge: 50 },
    ]);
  });
});

describe('valueSpan and recordLine', () => {
  it('finds the top-level value, not one nested or inside a string', () => {
    const line = '{"meta":{"text":"nested"},"note":"\\"text\\": no","text":"the one","after":[1,{"text":2}]}';
    const [start, end] = valueSpan(line, 'text')!;
    expect(line.slice(start, end)).toBe('"the one"');
    expect(recordLine(Buffer.from(line), { start, end }, 'cleaned\n')).toBe(line.replace('"the one"', '"cleaned"'));
  });

  it('takes the last of a repeated key, as JSON.parse does', () => {
    const line = '{"text":"first","text":"second"}';
    const r = parseRecord(line, 'text', 1);
    expect(r).toMatchObject({ ok: true, text: 'second' });
    if (r.ok) expect(line.slice(r.start, r.end)).toBe('"second"');
  });

  it('says why a line is not a record', () => {
    expect(parseRecord('[1,2]', 'text', 4)).toMatchObject({ ok: false, code: 'jsonl-malformed', args: { line: 4, reason: 'a JSON array' } });
    expect(parseRecord('{"text":5}', 'text', 2)).toMatchObject({ ok: false, code: 'jsonl-no-text', args: { line: 2, field: 'text' } });
    expect(parseRecord('{"id":"x","text":"t"}', 'text', 1)).toMatchObject({ ok: true, id: 'x' });
  });
});

describe('readRecord', () => {
  // the writer splices bytes: the span must be in bytes, not in UTF-16 units, once the line holds non-ASCII text
  it('gives the byte span of the text value and the record id, for a line with multi-byte characters', () => {
    const line = '{"id":"기사-1","text":"한국어 본문","tag":"é"}';
    const bytes = Buffer.from(line);
    const source: RecordSource = { path: 'a.jsonl:1', relPath: 'a.jsonl', line: 1, file: 'a.jsonl' };
    expect(readRecord(source, bytes, 'text')).toMatchObject({ ok: true, text: '한국어 본문' });
    expect(source.recordId).toBe('기사-1');
    expect(recordLine(bytes, source.textSpan!, '정리됨')).toBe('{"id":"기사-1","text":"정리됨","tag":"é"}');
  });

  it('says why a line is not a record, with its number', () => {
    const source: RecordSource = { path: 'a.jsonl:7', relPath: 'a.jsonl', line: 7, file: 'a.jsonl' };
    expect(readRecord(source, Buffer.from('{"text":'), 'text')).toMatchObject({ ok: false, code: 'jsonl-malformed', args: { line: 7 } });
  });
});

describe('isBlankLine', () => {
  it('treats ASCII and Unicode white space as blank, and anything else as a record', () => {
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true);
    expect(isBlankLine(Buffer.from('\u3000\u00a0 '))).toBe(true);
    expect(isBlankLine(Buffer.from('  {}'))).toBe(false);
    expect(isBlankLine(Buffer.from('\u3000x'))).toBe(false);
  });
});

describe('parsePathList', () => {
  it('splits lines (dropping CR) or NULs, ignoring empty entries', () => {
    expect(parsePathList('a.txt\r\nb c.txt\n\n', false)).toEqual(['a.txt', 'b c.txt']);
    expect(parsePathList('a\nb.txt\0c.txt\0', true)).toEqual(['a\nb.txt', 'c.txt']);
  });
});

describe('readPlace', () => {
  it('reads a line where the reader found it, and refuses a file changed since', () => {
    const file = path.join(tmpDir(), 'a.jsonl');
    fs.writeFileSync(file, '{"text":"one"}\n{"text":"two"}\n');
    const stamp = stampOf(file)!;
    expect(Buffer.from(readPlace(new ChunkReader(), { file, offset: 15, length: 14, stamp })).toString()).toBe('{"text":"two"}');
    // rewritten between the reading thread's pass over it and a worker's read: the line may not be the one split
    fs.writeFileSync(file, '{"text":"uno"}\n{"text":"dos"}\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(() => readPlace(new ChunkReader(), { file, offset: 15, length: 14, stamp })).toThrow('the file changed');
    expect(stampOf(path.dirname(file))).toBeUndefined();
  });
});

describe('jsonlSources when the stream fails', () => {
  async function sourcesOf(fail: Error) {
    const chunks = async function* () {
      yield Buffer.from('{"text":"one"}\n');
      throw fail;
    };
    const got: string[] = [];
    for await (const s of jsonlSources({ display: '<stdin>', rel: '' }, 'text', chunks)) got.push(s.source.path);
    return got;
  }

  it('turns a failed read into a record that fails, so the run goes on', async () => {
    expect(await sourcesOf(new Error('EIO: i/o error, read'))).toEqual(['<stdin>:1', '<stdin>']);
  });

  it('lets standard input that fits neither TMPDIR nor memory end the run', async () => {
    await expect(sourcesOf(new StdinOverflow('/tmp', 'ENOSPC', 100))).rejects.toBeInstanceOf(StdinOverflow);
  });
});
