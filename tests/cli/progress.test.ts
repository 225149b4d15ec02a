/**
 * The progress line through a real pseudo-terminal (util-linux `script`):
 * drawn on a terminal, cleared before the summary; never off one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS script of the benchmark
import { generate } from '../../scripts/bench/generate.js';
import { BIN, cli, tmpDir } from '../helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('the progress line', () => {
  // ~1,000 pages: a few seconds in one thread, long enough for the line to be drawn
  const dir = tmpDir();
  (generate as (dir: string, mb: number, seed: number) => unknown)(dir, 4, 1);
  const input = path.join(dir, 'jsonl');

  it('is drawn on a terminal, with the pass, the bytes done of the total, the rate and the time left, and cleared before the summary', () => {
    const out = path.join(tmpDir(), 'out');
    const command = [process.execPath, BIN, input, '-o', out, '--jobs', '1'].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    expect(r.status).toBe(0);
    const lines = [...r.stdout.matchAll(/\r\x1b\[2K(pass [^\r\n]*)/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^pass [12]\/2 · [\d,]+ documents · [\d.]+\/[\d.]+ MB( · [\d.]+ MB\/s · .+ left)?$/);
    // the summary starts on a clean line
    expect(r.stdout).toMatch(/\r\x1b\[2Kclean-corpus: [\d,]+ documents/);
  }, 120_000);

  it('stays silent off a terminal', () => {
    const r = cli([input, '-o', path.join(tmpDir(), 'out'), '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\r|\x1b|pass \d\/2/);
  }, 120_000);
});
