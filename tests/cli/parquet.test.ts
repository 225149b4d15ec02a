/**
 * Parquet through the real binary: rows are documents (their `text` column, or `--text-field`), the output keeps
 * the input's schema and every other column of the kept rows; a file without the column is a finding and the run
 * goes on; a column that cannot be written again stops the run before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { cli, EAGER_WORKER_FLAGS, EAGER_WORKERS, readReport, ROOT, tmpDir } from '../helpers.js';

const FORMATS = path.join(ROOT, 'tests', 'fixtures', 'formats');
const PAGES = path.join(FORMATS, 'parquet', 'pages.parquet');
const env = { ...process.env, NO_COLOR: '1', ...EAGER_WORKERS };

async function read(file: string) {
  const buffer = await asyncBufferFromFile(file);
  const meta = await parquetMetadataAsync(buffer);
  return { schema: meta.schema.map((s) => ({ ...s, field_id: undefined })), rows: await parquetReadObjects({ file: buffer }) };
}

describe('Parquet', () => {
  it('keeps the schema and every other column of the kept rows; a row without text and a duplicate are left out', async () => {
    for (const jobs of [1, 2]) {
      const out = tmpDir();
      const r = cli([PAGES, '-o', out, '-q', '--jobs', String(jobs), ...EAGER_WORKER_FLAGS], { env });
      expect(r.code, r.stderr).toBe(0);
      const input = await read(PAGES);
      const output = await read(path.join(out, 'pages.parquet'));
      expect(output.schema).toEqual(input.schema);
      expect(output.rows.map((row) => row.id)).toEqual(input.rows.map((row) => row.id).filter((id) => id !== 'no-text' && id !== 'copy'));
      for (const row of output.rows) {
        const before = input.rows.find((x) => x.id === row.id)!;
        expect({ ...row, text: undefined }).toEqual({ ...before, text: undefined });
        expect(typeof row.text).toBe('string');
      }
      expect(output.rows[0].text).toContain('Harbour town votes to restore its old ferry line');
      expect(output.rows[0].text).not.toContain('<');
      const report = readReport(path.join(out, 'report.json'));
      expect(report.totals).toMatchObject({ documents: 9, kept: 7, duplicate: 1, skipped: 1 });
      expect(report.documents.find((d: { input: string }) => d.input.endsWith('pages.parquet:8')).findings[0]).toMatchObject({ code: 'parquet-no-text' });
    }
  });

  it('a file without the text column: a finding naming the column, the run goes on, exit 2', () => {
    const out = tmpDir();
    const r = cli([PAGES, path.join(FORMATS, 'jsonl', 'pages.jsonl.gz'), '-o', out, '--text-field', 'body'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no text column "body" (its columns: id, rank, score, checked, tags, fetched, text)');
  });

  it('a column whose type cannot be written again stops the run before anything is written, naming it', () => {
    const out = path.join(tmpDir(), 'out');
    const r = cli([path.join(FORMATS, 'parquet-unwritable'), path.join(FORMATS, 'jsonl'), '-o', out], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write column "legacy" of');
    expect(fs.existsSync(out)).toBe(false);
  });
});
