/**
 * Reading an input file's bytes, with a size bound. Failures come back as a
 * finding code and arguments, never as an exception.
 */
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { specialKind } from './walk.js';
import fsSync from 'node:fs';

export type ReadResult =
  | { ok: true; bytes: Uint8Array; /** Text already decoded (a JSON Lines field); `bytes` is then empty. */ text?: string; /** The charset the transport declares (an HTTP header in a WARC record). */ charset?: string }
  | {
      ok: false;
      code: 'read-failed' | 'not-a-file' | 'too-large' | 'special-file' | 'folder-loop' | 'jsonl-malformed' | 'jsonl-no-text' | 'input-corrupt' | 'warc-record-skipped' | 'warc-corrupt' | 'parquet-no-column' | 'parquet-no-text' | 'parquet-corrupt';
      args: Record<string, string | number>;
    };

/** Read failures that skip a document (a warning) rather than fail it: too large, a pipe or a link loop, a record without text. */
export const SKIP_CODES: ReadonlySet<string> = new Set(['too-large', 'special-file', 'folder-loop', 'jsonl-no-text', 'warc-record-skipped', 'parquet-no-text']);

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
    // a named pipe the user names (`<(zcat pages.gz)`) is read to its end, within the limit; sockets and devices never
    if (stat.isFIFO()) return await readPipe(abs, maxBytes);
    if (!stat.isFile()) return { ok: false, code: 'special-file', args: { kind: specialKind(stat) } };
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

/** Read a pipe to its end, giving up (and saying so) once it passes `maxBytes`. */
async function readPipe(abs: string, maxBytes: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(abs) as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) return { ok: false, code: 'too-large', args: { size: `more than ${maxBytes}`, limit: maxBytes } };
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
