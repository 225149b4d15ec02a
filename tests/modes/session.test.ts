/**
 * The session every run mode shares: the exit code decided from the totals, problems outside a document counted as
 * errors, and a line on stderr only for a document that failed or was skipped for a reason worth knowing.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/modes/session.js';
import { doc } from '../helpers.js';

/** A session without a report, its stderr kept as text. */
function session(settings: { quiet?: boolean } = {}) {
  let text = '';
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const s = new Session({ mode: 'check', stderr, quiet: settings.quiet ?? false, verbose: false, color: false, header: { tool: {}, options: {} } });
  return { s, stderr: () => text };
}

describe('Session', () => {
  it('exit code: 0 clean, 1 with findings, 2 once anything failed', () => {
    const { s } = session();
    expect(s.end()).toBe(0);
    expect(s.end({ findings: 3 })).toBe(1);
    s.problem('could not write a Parquet output: disk full');
    expect(s.end({ findings: 3 })).toBe(2);
    s.releaseSignals();
  });

  it('with the reader of stdout gone, failures do not change the exit code', () => {
    const { s } = session();
    s.problem('could not write a JSON Lines output: gone');
    expect(s.end({ readerGone: true })).toBe(0);
    expect(s.end({ readerGone: true, findings: 1 })).toBe(1);
    s.releaseSignals();
  });

  it('a problem outside a document is one line on stderr, counted as an error', () => {
    const { s, stderr } = session();
    s.problem('could not write a Parquet output: disk full');
    expect(stderr()).toBe('clean-corpus: could not write a Parquet output: disk full\n');
    expect(s.totals.error).toBe(1);
    s.releaseSignals();
  });

  it('a failed document gets its line, even with --quiet; a kept one does not', () => {
    const { s, stderr } = session({ quiet: true });
    const kept = doc('A sentence that stays.\n', 'kept.txt');
    kept.status = 'kept';
    s.sayProblem(s.add(kept, null));
    expect(stderr()).toBe('');
    const failed = doc('', 'failed.txt');
    failed.status = 'error';
    failed.findings.push({ code: 'write-failed', severity: 'error', stage: 'write', args: { output: 'out/failed.txt', reason: 'disk full' } });
    s.sayProblem(s.add(failed, null));
    expect(stderr()).toBe('failed.txt: error: could not write out/failed.txt: disk full\n');
    expect(s.totals).toMatchObject({ documents: 2, kept: 1, error: 1 });
    s.releaseSignals();
  });
});
