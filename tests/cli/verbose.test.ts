/**
 * Ordinary skips (an empty file, a page with no text left) are counted, not
 * listed, unless --verbose: on a crawl they buried the errors on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';

function corpus(): string {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'a.txt'), 'A paragraph of real text that is long enough to be kept by the cleaner as it stands here.\n');
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]));
  return dir;
}

describe('skips on stderr', () => {
  it('counts an empty file in the summary without listing it, and still lists a binary one', () => {
    const dir = corpus();
    const r = cli([dir, '-o', path.join(tmpDir(), 'out')]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('empty.txt');
    expect(r.stderr).toMatch(/logo\.png: skipped: looks like a binary file/);
    expect(r.stderr).toContain('2 skipped (1 with no text: --verbose lists them)');
  });

  it('--verbose lists it too', () => {
    const r = cli([corpus(), '-o', path.join(tmpDir(), 'out'), '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/empty\.txt: skipped: is empty/);
    expect(r.stderr).toMatch(/2 skipped(?! \()/);
  });

  it('in check mode too', () => {
    const dir = corpus();
    expect(cli(['--check', dir]).stderr).not.toContain('empty.txt');
    expect(cli(['--check', dir, '-v']).stderr).toContain('empty.txt: skipped');
  });
});
