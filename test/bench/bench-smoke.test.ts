import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace, type GeneratedWorkspace } from '../../bench/generate-workspace';
import { memoryHost, validate } from '../../core';
import { readTree } from '../helpers/read-tree';

// Not a timing test: it checks that the benchmark's input is what the benchmark claims, a
// workspace that validates clean, so that the bench times okra on the realistic case.
describe('bench workspace generator', () => {
  let dir: string;
  let ws: GeneratedWorkspace;
  let files: Record<string, string>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'okra-bench-smoke-'));
    ws = generateWorkspace({ files: 20, dir });
    files = readTree(dir);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the number of files asked for, every kind among them', () => {
    assert.equal(Object.keys(files).length, 20);
    assert.equal(ws.files, 20);
    const kinds = new Set(Object.values(files).map((text) => /^kind: (\w+)/.exec(text)?.[1]));
    assert.deepEqual([...kinds].sort(), ['Config', 'KpiTargets', 'Objectives', 'Org', 'ReviewCycles', 'TierStructure']);
    assert.ok(files[ws.sampleObjectivesFile], 'the file the editor bench edits exists');
  });

  it('writes ~40 objectives of 3 key results per Objectives file', () => {
    const text = files[ws.sampleObjectivesFile];
    assert.equal(text.match(/^ {2}- id: /gm)?.length, 40);
    assert.equal(text.match(/^ {6}- id: /gm)?.length, 120);
  });

  it('is deterministic for a seed', () => {
    const again = mkdtempSync(join(tmpdir(), 'okra-bench-smoke-'));
    try {
      generateWorkspace({ files: 20, dir: again });
      assert.deepEqual(readTree(again), files);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('validates with no diagnostics at all', async () => {
    const result = await validate(memoryHost(files));
    assert.equal(result.paths.length, 20);
    const shown = result.diagnostics.slice(0, 5).map((d) => `${d.file}:${d.range.start.line + 1} ${d.rule} ${d.message}`);
    assert.deepEqual(shown, []);
  });
});
