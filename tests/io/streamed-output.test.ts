/**
 * Output built up piece by piece: the bytes written are those of the pieces
 * joined, however they fall across the buffer.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StreamedOutput, Utf8Buffer } from '../../src/io/streamed-output.js';

const pieces = ['plain ascii, ', '한국어 본문과 ', '日本語のテキスト', ' emoji 😀 ', 'lone \ud800 surrogate', 'x'.repeat(100), 'é'.repeat(40), ''];

describe('Utf8Buffer', () => {
  it('hands over the UTF-8 of the pieces joined, whatever the capacity', () => {
    for (const capacity of [16, 64, 1000]) {
      const chunks: Buffer[] = [];
      const b = new Utf8Buffer(capacity, (bytes) => chunks.push(Buffer.from(bytes)));
      for (const p of pieces) b.write(p);
      b.flush();
      expect(Buffer.concat(chunks).equals(Buffer.from(pieces.join('')))).toBe(true);
    }
  });
});

describe('StreamedOutput', () => {
  it('writes the pieces, and tells an unchanged file from a changed one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamed-'));
    const target = path.join(dir, 'out.jsonl');
    const write = (texts: string[]) => {
      const out = new StreamedOutput(target, { write: true, compare: true });
      for (const t of texts) out.append(t);
      return out.close().changed;
    };
    expect(write(pieces)).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe(Buffer.from(pieces.join('')).toString('utf8'));
    expect(write(pieces)).toBe(false);
    expect(write([...pieces, 'more'])).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
