/**
 * Walking an input folder so that nothing in it silently disappears: every
 * entry is either a regular file to read or a problem with a reason (a
 * dangling or looping symbolic link, a named pipe, a socket, a folder that
 * cannot be opened). Symbolic links are followed, but a folder is walked once
 * however many links lead to it, so a link to a parent folder cannot make the
 * walk go round (fast-glob followed `cycle/up -> ..` forty levels deep).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './inside.js';

/** An entry that is not a regular file, with the finding it becomes. */
export interface WalkProblem {
  abs: string;
  code: 'read-failed' | 'special-file' | 'folder-loop';
  args: Record<string, string>;
}

export interface WalkResult {
  files: string[];
  problems: WalkProblem[];
}

/** Why a path cannot be opened, in words, from its error code. */
export function accessReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'dangling symbolic link (its target does not exist)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return e.message ?? String(err);
  }
}

/** What kind of non-regular file `stat` describes, in words. */
export function specialKind(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isFIFO()) return 'named pipe (FIFO)';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  return 'special file';
}

/**
 * All regular files under `root` (hidden entries skipped, symbolic links
 * followed, folders inside `exclude` not entered), and every other entry as a
 * problem. Order is not defined; the caller sorts.
 */
export async function walkFolder(root: string, exclude: string[] = []): Promise<WalkResult> {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const walked = new Map<string, string>(); // real path of each folder walked → the path it was walked under

  const visitFolder = async (dir: string): Promise<void> => {
    if (exclude.some((e) => isInside(dir, e))) return;
    let real: string;
    let entries: import('node:fs').Dirent[];
    try {
      real = await fs.realpath(dir);
      if (walked.has(real)) {
        problems.push({ abs: dir, code: 'folder-loop', args: { target: walked.get(real)! } });
        return;
      }
      walked.set(real, dir);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ abs: dir, code: 'read-failed', args: { reason: accessReason(err) } });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      let kind: { isFile(): boolean; isDirectory(): boolean } & Parameters<typeof specialKind>[0] = entry;
      if (entry.isSymbolicLink()) {
        try {
          kind = await fs.stat(abs);
        } catch (err) {
          problems.push({ abs, code: 'read-failed', args: { reason: accessReason(err) } });
          continue;
        }
      }
      if (kind.isDirectory()) await visitFolder(abs);
      else if (kind.isFile()) {
        if (!exclude.some((e) => isInside(abs, e))) files.push(abs);
      } else problems.push({ abs, code: 'special-file', args: { kind: specialKind(kind) } });
    }
  };

  await visitFolder(root);
  return { files, problems };
}
