/**
 * The layout ../shared/ARCHITECTURE.md asks for, checked: no import cycle in src/ (dpdm), and the engine — src/engine/ —
 * imports nothing from src/formats/ (it reads every document through the reader module it
 * names by URL), so no format's knowledge can leak back into it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const ENGINE = fs.readdirSync(path.join(ROOT, 'src/engine'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `src/engine/${f}`);

describe('structure', () => {
  it('has no import cycle', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/dpdm/lib/bin/dpdm.js'), '--no-warning', '--no-tree', '-T', '--exit-code', 'circular:1', 'src/index.ts', 'src/cli.ts', 'src/engine/workers/worker.ts', 'src/formats/read.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 60_000);

  it('the engine imports nothing from src/formats/', () => {
    for (const file of ENGINE) {
      const imports = [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
      expect(imports.filter((i) => /(^|\/)formats\//.test(i)), file).toEqual([]);
    }
  });
});
