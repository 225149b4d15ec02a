/**
 * The hooks in .pre-commit-hooks.yaml, run by the real pre-commit framework
 * (`pre-commit try-repo`) in a temporary git repository, installed the way a
 * user's pre-commit installs them (`language: node`: npm install, which builds
 * through `prepare`, then npm pack and a global install of the tarball).
 *
 * try-repo clones this repository's HEAD; tracked files with uncommitted
 * changes are added to a shadow commit, but untracked files are not: commit
 * new files before relying on this test. Each run installs into a fresh
 * PRE_COMMIT_HOME (about 15 s per install; npm needs the registry).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT, tmpDir } from '../helpers.js';

const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const SKIPPED = ' (SKIPPED: the pre-commit command is not installed; `apt-get install pre-commit`, as .ci/run does)';

function preCommit(args: string[], cwd: string, home: string) {
  const r = spawnSync('pre-commit', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      PRE_COMMIT_HOME: home,
      PRE_COMMIT_COLOR: 'never',
      // try-repo commits uncommitted changes to a shadow clone; give git an identity it keeps
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'user.name',
      GIT_CONFIG_VALUE_0: 'clean-corpus test',
      GIT_CONFIG_KEY_1: 'user.email',
      GIT_CONFIG_VALUE_1: 'test@example.invalid',
    },
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('pre-commit hooks', () => {
  it.skipIf(!available)(
    `clean-corpus fails on a dirty file and passes on a clean one; clean-corpus-fix cleans it${available ? '' : SKIPPED}`,
    () => {
      const repo = tmpDir();
      const home = tmpDir('clean-corpus-pre-commit-home-');
      const seed = path.join(FIXTURES, 'seeds/002_5233119f56ed92b3.txt');
      const out = tmpDir();
      expect(cli([seed, '-o', out]).code).toBe(0);
      const cleaned = fs.readFileSync(path.join(out, '002_5233119f56ed92b3.txt'));
      fs.copyFileSync(seed, path.join(repo, 'dirty.txt'));
      fs.writeFileSync(path.join(repo, 'clean.txt'), cleaned);
      expect(spawnSync('git', ['init', '-q', '.'], { cwd: repo }).status).toBe(0);
      expect(spawnSync('git', ['add', '.'], { cwd: repo }).status).toBe(0);

      const dirty = preCommit(['try-repo', ROOT, 'clean-corpus', '--files', 'dirty.txt'], repo, home);
      expect(dirty.output).toMatch(/clean-corpus \(check\)\.+Failed/);
      expect(dirty.output).toMatch(/dirty\.txt: would change: .*HTML to text/);
      expect(dirty.code).toBe(1);

      const clean = preCommit(['try-repo', ROOT, 'clean-corpus', '--files', 'clean.txt'], repo, home);
      expect(clean.output).toMatch(/clean-corpus \(check\)\.+Passed/);
      expect(clean.code).toBe(0);

      // the fixing hook rewrites the file, which pre-commit counts as a failure to look at
      const fix = preCommit(['try-repo', ROOT, 'clean-corpus-fix', '--files', 'dirty.txt'], repo, home);
      expect(fix.output).toMatch(/clean-corpus \(fix\)\.+Failed/);
      expect(fs.readFileSync(path.join(repo, 'dirty.txt')).equals(cleaned)).toBe(true);
    },
    600_000,
  );
});
