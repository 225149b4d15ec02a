/**
 * The hooks in .pre-commit-hooks.yaml, run by the real pre-commit framework
 * (`pre-commit try-repo`) in a temporary git repository, installed the way a
 * user's pre-commit installs them (`language: node`: npm install, which builds
 * through `prepare`, then npm pack and a global install of the tarball).
 *
 * try-repo clones this repository's HEAD; tracked files with uncommitted
 * changes are added to a shadow commit, but untracked files are not: commit
 * new files before relying on this test. try-repo installs the hooks afresh
 * on every call (about 15 s each; npm needs the registry), so there are two.
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

      // both hooks in one run (each try-repo installs afresh): the check fails, then the fix rewrites the file,
      // which pre-commit also counts as a failure, for the user to look at the change
      const dirty = preCommit(['try-repo', ROOT, '--files', 'dirty.txt'], repo, home);
      expect(dirty.output).toMatch(/clean-corpus \(check\)\.+Failed/);
      expect(dirty.output).toMatch(/dirty\.txt: would change: .*HTML to text/);
      expect(dirty.output).toMatch(/clean-corpus \(fix\)\.+Failed/);
      expect(dirty.code).toBe(1);
      expect(fs.readFileSync(path.join(repo, 'dirty.txt')).equals(cleaned)).toBe(true);

      // the fixed file now passes the check (with clean.txt too it would rightly fail as its exact duplicate)
      const clean = preCommit(['try-repo', ROOT, 'clean-corpus', '--files', 'dirty.txt'], repo, home);
      expect(clean.output).toMatch(/clean-corpus \(check\)\.+Passed/);
      expect(clean.code).toBe(0);
    },
    600_000,
  );
});
