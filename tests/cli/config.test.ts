/**
 * Config files: found from the working folder upward, overridden by flags,
 * and refused with a message naming the file when wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bash, cli, tmpDir } from '../helpers.js';

/** A project with a config at its root and a JSON Lines file two folders down. */
function project(config: { file: string; content: string }): { root: string; deep: string } {
  const root = tmpDir();
  const deep = path.join(root, 'data/raw');
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(root, config.file), config.content);
  fs.writeFileSync(path.join(deep, 'a.jsonl'), '{"id":1,"body":"Hello   there."}\n');
  return { root, deep };
}

describe('config files', () => {
  it('finds .clean-corpusrc.json in a parent folder; paths in it are relative to it', () => {
    const { root, deep } = project({ file: '.clean-corpusrc.json', content: JSON.stringify({ textField: 'body', output: 'cleaned' }) });
    const r = cli(['a.jsonl'], { cwd: deep });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'cleaned/a.jsonl'), 'utf8')).toBe('{"id":1,"body":"Hello there."}\n');
  });

  it('reads the "clean-corpus" key of package.json, and flags win over it', () => {
    const { deep } = project({ file: 'package.json', content: JSON.stringify({ name: 'corpus', 'clean-corpus': { textField: 'nothing-here' } }) });
    const fromConfig = bash(`clean-corpus --jsonl < a.jsonl`, { cwd: deep });
    expect(fromConfig.stderr).toMatch(/no string field "nothing-here"/);
    const fromFlag = bash(`clean-corpus --jsonl --text-field body < a.jsonl`, { cwd: deep });
    expect(fromFlag.stdout).toBe('{"id":1,"body":"Hello there."}\n');
    expect(bash(`clean-corpus --no-config --jsonl < a.jsonl`, { cwd: deep }).stderr).toMatch(/no string field "text"/);
  });

  it('applies thresholds from the file, with --set winning', () => {
    const { deep } = project({ file: '.clean-corpusrc.json', content: JSON.stringify({ thresholds: { 'input.htmlSniffTags': 1 } }) });
    // with one tag enough to sniff HTML, the <b> goes; with the default (3), it stays
    const line = 'The <b>bold</b> word opens a sentence that is long enough, and ends in a full stop, to read as prose.';
    expect(bash(`echo '${line}' | clean-corpus`, { cwd: deep }).stdout).toBe(`${line.replace(/<\/?b>/g, '')}\n`);
    expect(bash(`echo '${line}' | clean-corpus --set input.htmlSniffTags=3`, { cwd: deep }).stdout).toBe(`${line}\n`);
  });

  it.each([
    ['{ "textField": ', /\.clean-corpusrc\.json: not valid JSON/],
    ['{ "textFeild": "body" }', /\.clean-corpusrc\.json: unknown option "textFeild"/],
    ['{ "jsonl": "yes" }', /\.clean-corpusrc\.json: "jsonl" must be true or false/],
    ['{ "format": "pdf" }', /\.clean-corpusrc\.json: "format" must be one of auto, text, html/],
    ['{ "thresholds": { "input.htmlSniffTags": -1 } }', /\.clean-corpusrc\.json: threshold "input.htmlSniffTags" takes a whole number/],
    ['{ "check": true }', /\.clean-corpusrc\.json: unknown option "check"/],
  ])('refuses %s with exit 2, naming the file', (content, message) => {
    const { deep } = project({ file: '.clean-corpusrc.json', content });
    const r = cli(['a.jsonl', '-o', 'out'], { cwd: deep });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(deep, 'out'))).toBe(false);
  });
});
