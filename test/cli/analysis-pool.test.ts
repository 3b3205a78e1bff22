/**
 * The CLI's worker threads (AnalysisPool) make a cold run faster, never different: the same
 * diagnostics, positions and fixes as analysing in one thread, plugin kinds checked by the main
 * thread, and a failing worker replaced by in-thread analysis.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyzeFile,
  analyzeFileData,
  builtinPlugin,
  checkFileAlone,
  CONFIG_FILE,
  fileChecking,
  PARALLEL_MIN_FILES,
  type Plugin,
} from '../../core';
import { AnalysisPool } from '../../cli/analysis-pool';
import { ensureCliBuilt, REPO, runCli } from '../helpers/cli';

const WORKER = join(REPO, 'dist', 'analysis-worker.js');
const EXAMPLE = join(REPO, 'examples', 'support-org');

/** An Objectives file; `flaw` breaks it in one of a few ways. */
function objectives(i: number, flaw: number): string {
  const lines = [
    'kind: Objectives',
    'version: 1',
    'cycle: 2026-H1',
    'owner: team/frontline',
    'objectives:',
    `  - id: pool-${i}`,
    `    title: Objective ${i}`,
    '    key_results:',
  ];
  lines.push(`      - { id: pool-${i}-kr, title: KR ${i}, type: boolean, done: false }`);
  if (flaw === 1) lines.push('    oops: [unclosed');
  if (flaw === 2) lines.push('    weigth: 1');
  if (flaw === 3) lines.push(`    aligns_to: no-such-objective-${i}`);
  if (flaw === 4) lines[5] = '  - id: pool-0';
  return lines.join('\n') + '\n';
}

describe('AnalysisPool (parsing in worker threads)', function () {
  this.timeout(120_000);
  let root: string;

  before(function () {
    ensureCliBuilt();
    root = mkdtempSync(join(tmpdir(), 'okra-pool-'));
    cpSync(EXAMPLE, root, { recursive: true });
    for (let i = 0; i < PARALLEL_MIN_FILES + 6; i++) writeFileSync(join(root, 'okrs', `pool-${i}.yaml`), objectives(i, i % 5));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('gives the CLI exactly the diagnostics of a run without workers', async function () {
    const single = await runCli(['validate', root, '--format', 'json'], { cwd: root, env: { OKRA_WORKERS: '0' } });
    const pooled = await runCli(['validate', root, '--format', 'json'], { cwd: root, env: { OKRA_WORKERS: '2' } });
    assert.equal(pooled.code, single.code);
    assert.equal(single.code, 1, single.stderr);
    const rules = new Set((JSON.parse(single.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule));
    for (const rule of ['yaml/syntax', 'schema/additional-property', 'ref/unknown-objective', 'id/duplicate'])
      assert.ok(rules.has(rule), `no ${rule} in ${[...rules].join(', ')}`);
    assert.equal(pooled.stdout, single.stdout);
  });

  it('returns what analyzeFileData returns in this thread, and leaves plugin kinds to the caller', async function () {
    const pool = new AnalysisPool({ size: 2, workerFile: WORKER });
    try {
      const analyze = pool.factory!(['VendorScorecard']);
      const files = [objectives(1, 1), objectives(2, 2), 'kind: VendorScorecard\nversion: 1\n', 'kind: Objectivs\nversion: 1\n'];
      for (const [i, text] of files.entries()) {
        const bytes = new TextEncoder().encode(text);
        assert.deepEqual(await analyze(`f${i}.yaml`, bytes), analyzeFileData(`f${i}.yaml`, bytes, new Set(['VendorScorecard'])));
      }
      assert.equal(pool.started, 2);
      assert.equal((await analyze('p.yaml', new TextEncoder().encode(files[2]))).schemaChecked, false);
    } finally {
      await pool.close();
    }
  });

  it('checks files whole as checkFileAlone does in this thread, with the plugins the config names', async function () {
    const plugin =
      "export default { name: 'okra-plugin-pool', rules: [{ id: 'no-kr', severity: 'warning', scope: 'file', description: 'd', messages: { m: 'no KR' }, " +
      "check({ model, report }) { for (const o of model.objectives.all) if (!o.value.key_results?.length) report({ message: 'm', at: { file: o.file, path: o.path } }); } }] };\n";
    const dir = mkdtempSync(join(tmpdir(), 'okra-pool-check-'));
    try {
      writeFileSync(join(dir, 'plugin.mjs'), plugin);
      const configBytes = new TextEncoder().encode(
        'kind: Config\nversion: 1\ntimezone: Europe/Lisbon\nplugins: [./plugin.mjs]\nrules:\n  okr/weights-sum: info\n',
      );
      const loaded = (await import(join(dir, 'plugin.mjs'))) as { default: Plugin };
      const checking = fileChecking(analyzeFile(CONFIG_FILE, configBytes), [builtinPlugin, loaded.default])!;
      const pool = new AnalysisPool({ size: 2, workerFile: WORKER });
      try {
        const check = pool.checkerFor(dir)!(configBytes, true);
        const texts = [
          objectives(1, 1),
          objectives(2, 2),
          objectives(3, 3),
          readFileSync(join(EXAMPLE, 'okrs', 'frontline-2026-h1.yaml'), 'utf8'),
          'kind: Objectives\nversion: 1\nobjectives:\n  - id: bare\n    title: No KRs\n',
        ];
        for (const [i, text] of texts.entries()) {
          const bytes = new TextEncoder().encode(text);
          assert.deepEqual(await check(`f${i}.yaml`, bytes), checkFileAlone(`f${i}.yaml`, bytes, checking));
        }
        const last = await check('bare.yaml', new TextEncoder().encode(texts[4]));
        assert.deepEqual(
          last.diagnostics.map((d) => d.rule).filter((r) => r === 'pool/no-kr'),
          ['pool/no-kr'],
          "the worker ran the plugin's file rule",
        );
        assert.equal(pool.started, 2);
      } finally {
        await pool.close();
      }
      // Untrusted, the workers leave the plugin unloaded, as the main thread does.
      const untrusted = new AnalysisPool({ size: 1, workerFile: WORKER });
      try {
        const bytes = new TextEncoder().encode('kind: Objectives\nversion: 1\nobjectives:\n  - id: bare\n    title: No KRs\n');
        const result = await untrusted.checkerFor(dir)!(configBytes, false)('bare.yaml', bytes);
        assert.deepEqual(result, checkFileAlone('bare.yaml', bytes, fileChecking(analyzeFile(CONFIG_FILE, configBytes), [builtinPlugin])!));
        assert.ok(!result.diagnostics.some((d) => d.rule === 'pool/no-kr'));
      } finally {
        await untrusted.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces a worker that fails, once per worker, and the files go on being read in workers', async function () {
    // A stand-in worker: it dies on a file named crash.yaml and marks what it answers.
    const fake = join(root, 'fake-worker.cjs');
    writeFileSync(
      fake,
      "const { parentPort, threadId } = require('node:worker_threads');\n" +
        "parentPort.on('message', ({ id, path }) => { if (path === 'crash.yaml') process.exit(3); " +
        "parentPort.postMessage({ id, result: { hash: 'worker-' + threadId, data: null, diagnostics: [], schemaChecked: true } }); });\n",
    );
    const pool = new AnalysisPool({ size: 1, workerFile: fake });
    try {
      const analyze = pool.factory!([]);
      const bytes = new TextEncoder().encode('kind: Objectives\n');
      const first = await analyze('a.yaml', bytes);
      assert.match(first.hash, /^worker-/);
      // The crash leaves its file to this thread (a real hash, not the mark)...
      assert.doesNotMatch((await analyze('crash.yaml', bytes)).hash, /^worker-/);
      // ... and a new worker, another thread, answers the next file.
      const after = await analyze('b.yaml', bytes);
      assert.match(after.hash, /^worker-/);
      assert.notEqual(after.hash, first.hash);
      // Only once per worker: a second crash leaves no worker, and files are read here.
      assert.doesNotMatch((await analyze('crash.yaml', bytes)).hash, /^worker-/);
      assert.doesNotMatch((await analyze('c.yaml', bytes)).hash, /^worker-/);
    } finally {
      await pool.close();
    }
  });

  it('analyses in this thread when a worker cannot run', async function () {
    const pool = new AnalysisPool({ size: 1, workerFile: join(root, 'okrs', 'pool-0.yaml') });
    try {
      const analyze = pool.factory!([]);
      // Several files, some sent after the worker has died: none may wait forever.
      for (let i = 0; i < 5; i++) {
        const bytes = new TextEncoder().encode(objectives(i, i % 5));
        assert.deepEqual(await analyze(`f${i}.yaml`, bytes), analyzeFileData(`f${i}.yaml`, bytes, new Set()));
      }
    } finally {
      await pool.close();
    }
  });
});
