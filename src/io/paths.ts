/**
 * Checks on where a run will write, made before anything is read, so a
 * mistyped `-o` or `--report` is a usage error rather than a failure halfway.
 */
import fs from 'node:fs';
import { displayPath } from './inputs.js';
import { accessReason } from './walk.js';

/** A sentence saying why the output folder or report path cannot be used, or undefined. */
export function checkOutputPaths(outDir: string, reportPath: string, cwd: string): string | undefined {
  const stat = (p: string, what: string) => {
    try {
      return fs.statSync(p, { throwIfNoEntry: false });
    } catch (err) {
      // ENOTDIR: a file stands where a folder of the path should be
      throw new Error(`cannot use ${displayPath(p, cwd)} as the ${what}: ${(err as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'part of its path is a file' : accessReason(err)}`);
    }
  };
  try {
    const out = stat(outDir, 'output folder');
    if (out && !out.isDirectory()) return `the output ${displayPath(outDir, cwd)} is a file, not a folder; choose another --output`;
    const report = stat(reportPath, 'report');
    if (report?.isDirectory()) return `the report path ${displayPath(reportPath, cwd)} is a folder; give --report a file name`;
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}
