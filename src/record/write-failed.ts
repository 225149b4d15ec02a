/**
 * A document whose output could not be written fails with one `write-failed` finding. Every writer marks it here
 * (a folder run's outputs, JSON Lines files, `--check`/`--write`'s in-place rewrites), so the report reads the same
 * whichever wrote it.
 */
import type { Doc } from './doc.js';

/** Fail `doc`: its output, shown as `output`, could not be written because of `err`. */
export function markWriteFailed(doc: Doc, output: string, err: unknown): void {
  doc.status = 'error';
  doc.findings.push({ code: 'write-failed', severity: 'error', stage: 'write', args: { output, reason: (err as Error).message } });
}
