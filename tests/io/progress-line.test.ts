/**
 * The progress line: silent off a terminal; on one, nothing for a quick run,
 * then at most a few redraws a second, saying the pass, documents and bytes
 * done of the total, the rate and the time left.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../../src/io/progress-line.js';
import type { Source } from '../../src/engine/source.js';

const record = (n: number): Source => ({ source: { path: `r${n}`, relPath: '' }, locator: { format: 'jsonl', field: 'text', bytes: new Uint8Array(1024 * 1024), size: 1024 * 1024 } });
async function* tenRecords() {
  for (let i = 0; i < 10; i++) yield record(i);
}

describe('ProgressLine', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('writes nothing off a terminal', async () => {
    const writes: string[] = [];
    const line = new ProgressLine({ write: (t: string) => writes.push(t), isTTY: false }, { docs: 10, bytes: 10 << 20 });
    for await (const _ of line.counting(tenRecords)()) {
      vi.advanceTimersByTime(1000);
      line.update(1, 1);
    }
    line.clear();
    expect(writes).toEqual([]);
  });

  it('on a terminal: nothing in the first half second, then at most four redraws a second, with rate and time left', async () => {
    const writes: string[] = [];
    const line = new ProgressLine({ write: (t: string) => writes.push(t), isTTY: true }, { docs: 10, bytes: 10 << 20 });
    let done = 0;
    for await (const _ of line.counting(tenRecords)()) {
      // a document every 100 ms, and progress after each
      vi.advanceTimersByTime(100);
      line.update(2, ++done);
    }
    // 1 s of run: drawn at 0.5 s and 0.8 s (not 0.6 and 0.7: too soon after)
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(writes.at(-1)).toBe('\r\x1b[2Kpass 2/2 · 8/10 documents · 8.0/10 MB · 10.0 MB/s · 1 s left');
    line.clear();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });
});
