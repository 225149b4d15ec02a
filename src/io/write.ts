/**
 * Atomic file writes: the content goes to a temporary file beside the target,
 * then is renamed over it, so a reader (or an interrupted run) never sees a
 * half-written file. Temporary files still open are tracked so an interrupt
 * handler can remove them.
 */
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';

const pending = new Set<string>();
/** Folders already created in this run (a folder removed meanwhile makes the write fail, and is reported). */
const made = new Set<string>();
let counter = 0;

/** Write `content` to `target` atomically, creating folders as needed; `mode` sets the file's permissions. */
export async function writeAtomic(target: string, content: string | Uint8Array, mode?: number): Promise<void> {
  const dir = path.dirname(target);
  if (!made.has(dir)) {
    fsSync.mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const tmp = `${target}.tmp-${process.pid}-${++counter}`;
  pending.add(tmp);
  // Synchronous on purpose: for the many small files of a corpus, each async call is a thread-pool
  // round trip, and profiles showed the main thread idle most of the run waiting for them.
  try {
    fsSync.writeFileSync(tmp, content);
    if (mode !== undefined) fsSync.chmodSync(tmp, mode);
    fsSync.renameSync(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  } finally {
    pending.delete(tmp);
  }
}

/** Remove temporary files (and folders, e.g. the spill) of work still under way (for signal handlers; synchronous on purpose). */
export function removePendingTemps(): number {
  let n = 0;
  for (const tmp of pending) {
    try {
      fsSync.rmSync(tmp, { force: true, recursive: true });
      n++;
    } catch {
      // nothing more we can do while exiting
    }
  }
  pending.clear();
  return n;
}

/** Track a temporary file or folder made elsewhere (streamed outputs, the spill), so an interrupt removes it too. */
export function trackTemp(tmp: string): void {
  pending.add(tmp);
}

/** Stop tracking a temporary file once it is renamed into place or removed. */
export function untrackTemp(tmp: string): void {
  pending.delete(tmp);
}
