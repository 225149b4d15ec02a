/**
 * Turning the paths, folders and globs a user names into a stable, sorted list
 * of input files, each with the path its output takes under the output folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { accessReason, specialKind, walkFolder, type WalkProblem, type WalkResult } from './walk.js';
import { isInside } from './inside.js';

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** Path shown to the user: relative to the working folder when inside it. */
  display: string;
  /** Path relative to the input root it was found under; decides where the output goes. */
  rel: string;
}

/** An argument or folder entry that names nothing readable; it becomes an entry in the report. */
export interface MissingInput {
  display: string;
  reason: string;
  /** Finding it becomes: `read-failed` (an error) unless said otherwise. */
  code?: WalkProblem['code'];
  args?: Record<string, string>;
}

export interface ExpandResult {
  files: InputFile[];
  missing: MissingInput[];
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

export { isInside };

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Expand arguments into files. Folders are walked recursively (hidden files
 * and folders skipped, symbolic links followed); globs are matched with
 * fast-glob. `exclude` folders (the output folder) are never read, so a run
 * never reads back its own output. Each argument's files are sorted by path;
 * arguments keep the order given; a file named twice is read once.
 */
export async function expandInputs(args: string[], exclude: string[], cwd = process.cwd()): Promise<ExpandResult> {
  const files: InputFile[] = [];
  const missing: MissingInput[] = [];
  const seen = new Set<string>();
  const roots: { files: { abs: string; relToRoot: string }[]; root: string }[] = [];

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (fg.isDynamicPattern(toPosix(arg))) {
        const base = toPosix(path.resolve(cwd, fg.generateTasks([toPosix(arg)])[0]?.base ?? '.'));
        const globbed = await globFiles(toPosix(arg), cwd, exclude);
        for (const p of globbed.problems) missing.push({ display: displayPath(p.abs, cwd), reason: p.args.reason ?? '', code: p.code, args: p.args });
        if (globbed.files.length === 0 && globbed.problems.length === 0) missing.push({ display: arg, reason: 'no file matches this pattern' });
        roots.push({ root: base, files: globbed.files.map((m) => ({ abs: m, relToRoot: path.relative(base, m) })) });
        continue;
      }
      const dangling = code === 'ENOENT' && fs.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink();
      missing.push({ display: arg, reason: code === 'ENOENT' && !dangling ? 'no such file or folder' : accessReason(err) });
      continue;
    }
    if (stat.isDirectory()) {
      // walked by hand, not with fast-glob: it drops dangling links and pipes without a word and loops on links to parents
      const walked = await walkFolder(abs, exclude);
      roots.push({ root: abs, files: walked.files.map((m) => ({ abs: m, relToRoot: path.relative(abs, m) })) });
      for (const p of walked.problems.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0)))
        missing.push({ display: displayPath(p.abs, cwd), reason: p.args.reason ?? '', code: p.code, args: p.args.target ? { target: displayPath(p.args.target, cwd) } : p.args });
    } else {
      roots.push({ root: path.dirname(abs), files: [{ abs, relToRoot: path.basename(abs) }] });
    }
  }

  // With several roots, outputs are placed relative to their common folder so that they cannot collide.
  const common = roots.length > 1 ? commonFolder(roots.map((r) => r.root)) : undefined;
  for (const r of roots) {
    r.files.sort((a, b) => (a.relToRoot < b.relToRoot ? -1 : a.relToRoot > b.relToRoot ? 1 : 0));
    for (const f of r.files) {
      if (seen.has(f.abs) || exclude.some((e) => isInside(f.abs, e))) continue;
      seen.add(f.abs);
      const rel = common !== undefined ? path.relative(common, f.abs) : f.relToRoot;
      files.push({ abs: f.abs, display: displayPath(f.abs, cwd), rel: toPosix(rel) });
    }
  }
  return { files, missing };
}

/**
 * Files matching a glob, and the matches that are not files (dangling or
 * looping links, pipes) as problems; folders matched are left out. fast-glob
 * follows links to parent folders round and round until the path is too
 * long, so a file reached twice (same real path) is kept once.
 */
async function globFiles(pattern: string, cwd: string, exclude: string[]): Promise<WalkResult> {
  const entries = await fg(pattern, { cwd, absolute: true, onlyFiles: false, stats: true, dot: false, followSymbolicLinks: true, suppressErrors: true });
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const real = new Set<string>();
  for (const e of entries) {
    const abs = path.resolve(e.path);
    if (exclude.some((x) => isInside(abs, x))) continue;
    const stats = e.stats!;
    if (stats.isDirectory()) continue;
    // the same link or pipe reached round a loop is reported once
    const where = () => {
      try {
        return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
      } catch {
        return abs;
      }
    };
    if (!stats.isFile()) {
      const key = where();
      if (real.has(key)) continue;
      real.add(key);
    }
    if (stats.isFile()) {
      const r = fs.realpathSync(abs);
      if (!real.has(r)) files.push(abs);
      real.add(r);
    } else if (stats.isSymbolicLink()) {
      // fast-glob hands back the link itself when its target cannot be reached
      let reason = 'symbolic link to nothing readable';
      try {
        fs.statSync(abs);
      } catch (err) {
        reason = accessReason(err);
      }
      problems.push({ abs, code: 'read-failed', args: { reason } });
    } else problems.push({ abs, code: 'special-file', args: { kind: specialKind(stats) } });
  }
  return { files, problems };
}

function commonFolder(paths: string[]): string {
  let common = paths[0];
  for (const p of paths.slice(1)) while (!isInside(p, common)) common = path.dirname(common);
  return common;
}

/**
 * Output path (relative to the output folder) for each input: its relative
 * path with the extension replaced by `.txt`; where two inputs would land on
 * one name, or on the name of a folder of inputs (`x.html` beside `x.txt/`),
 * each keeps its full name (`a.html.txt`).
 */
export function outputNames(rels: string[], ext = '.txt'): string[] {
  const swap = (rel: string) => {
    const e = path.posix.extname(rel);
    return (e ? rel.slice(0, -e.length) : rel) + ext;
  };
  const counts = new Map<string, number>();
  for (const rel of rels) counts.set(swap(rel), (counts.get(swap(rel)) ?? 0) + 1);
  // a folder of inputs named like an output file (`x.txt/`) takes that name too
  const folders = new Set<string>();
  for (const rel of rels) for (let d = path.posix.dirname(rel); d !== '.' && d !== '/'; d = path.posix.dirname(d)) folders.add(d);
  const used = new Set<string>();
  return rels.map((rel) => {
    let name = (counts.get(swap(rel))! > 1 || folders.has(swap(rel))) && path.posix.extname(rel) !== ext ? rel + ext : swap(rel);
    for (let n = 2; used.has(name) || folders.has(name); n++) name = swap(rel).slice(0, -ext.length) + `.${n}` + ext;
    used.add(name);
    return name;
  });
}

/**
 * The bytes of the regular files among `files`, summed only until they pass `limit` (a large tree is not stat'ed
 * whole just to learn that it is large). Files that cannot be stat'ed, and pipes, count 0.
 */
export function inputBytesUpTo(files: InputFile[], limit: number): number {
  let sum = 0;
  for (let i = 0; i < files.length && sum <= limit; i++) {
    try {
      const st = fs.statSync(files[i].abs);
      if (st.isFile()) sum += st.size;
    } catch {
      // reported when the file is read
    }
  }
  return sum;
}
