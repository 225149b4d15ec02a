/**
 * A stage that throws fails only its document, as an internal error naming the stage.
 */
import { describe, expect, it } from 'vitest';
import { stage } from '../src/stage.js';
import { clean } from '../src/pipeline.js';
import { docEntry } from '../src/report/entries.js';
import { run } from './helpers.js';

describe('a stage that throws', () => {
  it('becomes an internal-error finding on that document, with the stage and the reason, and no stack', () => {
    const boom = stage('boom', () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const doc = run([...clean.slice(0, 2), boom, ...clean.slice(2)], 'some text', {}, 'pages/a.txt');
    expect(doc.status).toBe('error');
    const entry = docEntry(doc, null);
    expect(entry).toMatchObject({ input: 'pages/a.txt', status: 'error', message: 'internal error in stage boom: cannot read properties of undefined' });
    expect(JSON.stringify(entry)).not.toMatch(/\n\s+at /);
  });
});
