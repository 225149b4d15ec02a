/**
 * Reading an input file's bytes, with a size bound. Failures come back as a
 * finding code and arguments, never as an exception.
 */
import fs from 'node:fs/promises';
import fsSync from 'node:fs';

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; code: 'read-failed' | 'not-a-file' | 'too-large'; args: Record<string, string | number> };

const REASONS: Record<string, string> = {
  ENOENT: 'no such file (it may have been removed, or be a dangling symbolic link)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symbolic link loop',
  EISDIR: 'is a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

export async function readInput(abs: string, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = fsSync.statSync(abs);
    if (stat.isDirectory()) return { ok: false, code: 'not-a-file', args: {} };
    if (stat.size > maxBytes) return { ok: false, code: 'too-large', args: { size: stat.size, limit: maxBytes } };
    // A regular file is read synchronously: for the small files of a scrape each async call is a
    // thread-pool round trip, and profiles showed the main thread idle most of the run waiting for them.
    const bytes = stat.isFile() ? fsSync.readFileSync(abs) : await fs.readFile(abs);
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EISDIR') return { ok: false, code: 'not-a-file', args: {} };
    return { ok: false, code: 'read-failed', args: { reason: REASONS[e.code ?? ''] ?? e.message } };
  }
}
