/**
 * Reading an input file's bytes, with a size bound. Failures come back as a
 * finding code and arguments, never as an exception.
 */
import fs from 'node:fs/promises';

export type ReadResult =
  | { ok: true; bytes: Uint8Array; /** Text already decoded (a JSON Lines field); `bytes` is then empty. */ text?: string }
  | { ok: false; code: 'read-failed' | 'not-a-file' | 'too-large' | 'jsonl-malformed' | 'jsonl-no-text'; args: Record<string, string | number> };

/** Read failures that skip a document (a warning) rather than fail it. */
export const SKIP_CODES: ReadonlySet<string> = new Set(['too-large', 'jsonl-no-text']);

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
    const stat = await fs.stat(abs);
    if (stat.isDirectory()) return { ok: false, code: 'not-a-file', args: {} };
    if (stat.size > maxBytes) return { ok: false, code: 'too-large', args: { size: stat.size, limit: maxBytes } };
    const bytes = await fs.readFile(abs);
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EISDIR') return { ok: false, code: 'not-a-file', args: {} };
    return { ok: false, code: 'read-failed', args: { reason: REASONS[e.code ?? ''] ?? e.message } };
  }
}
