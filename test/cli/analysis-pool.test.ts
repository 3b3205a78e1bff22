/**
 * The CLI's worker threads (AnalysisPool) make a cold run faster, never different: the same
 * diagnostics, positions and fixes as checking in one thread, and a failing worker's files checked
 * in the main thread.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE, memoryHost, PARALLEL_MIN_FILES, validate, type Plugin } from '../../core';
import { readAndCheckFile } from '../../core/engine/check-file';
import { readSetup } from '../../core/engine/rule-setup';
import { nodeHost } from '../../cli/node-host';
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

  it('checks files as readAndCheckFile does in this thread, with the plugins the config names', async function () {
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
      const setupWith = async (extraPlugins: Plugin[]) =>
        (await readSetup(memoryHost({ [CONFIG_FILE]: configBytes }), { extraPlugins })).setup;
      const trustedSetup = await setupWith([loaded.default]);
      const pool = new AnalysisPool({ size: 2, workerFile: WORKER });
      try {
        assert.equal(
          pool.workersFor(dir)!({ configBytes, trusted: true, keep: 'outline', files: 3 }),
          undefined,
          'too few files for threads',
        );
        const check = pool.workersFor(dir)!({ configBytes, trusted: true, keep: 'outline', files: PARALLEL_MIN_FILES })!;
        const texts = [
          objectives(1, 1),
          objectives(2, 2),
          objectives(3, 3),
          readFileSync(join(EXAMPLE, 'okrs', 'frontline-2026-h1.yaml'), 'utf8'),
          'kind: Objectives\nversion: 1\nobjectives:\n  - id: bare\n    title: No KRs\n',
          'kind: VendorScorecard\nversion: 1\n',
        ];
        for (const [i, text] of texts.entries()) {
          const bytes = new TextEncoder().encode(text);
          assert.deepEqual(await check(`f${i}.yaml`, bytes), readAndCheckFile(`f${i}.yaml`, bytes, trustedSetup, 'outline'));
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
        const check = untrusted.workersFor(dir)!({ configBytes, trusted: false, keep: 'model', files: PARALLEL_MIN_FILES })!;
        const result = await check('bare.yaml', bytes);
        assert.deepEqual(result, readAndCheckFile('bare.yaml', bytes, await setupWith([]), 'model'));
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
        "parentPort.postMessage({ id, result: { hash: 'worker-' + threadId, kind: undefined, diagnostics: [] } }); });\n",
    );
    const pool = new AnalysisPool({ size: 1, workerFile: fake });
    try {
      const check = pool.workersFor(root)!({ configBytes: new Uint8Array(), trusted: true, keep: 'outline', files: PARALLEL_MIN_FILES })!;
      const bytes = new TextEncoder().encode('kind: Objectives\n');
      const first = await check('a.yaml', bytes);
      assert.match(first.hash, /^worker-/);
      // The crash rejects its file, which validate then checks in its own thread...
      await assert.rejects(check('crash.yaml', bytes));
      // ... and a new worker, another thread, answers the next file.
      const after = await check('b.yaml', bytes);
      assert.match(after.hash, /^worker-/);
      assert.notEqual(after.hash, first.hash);
      // Only once per worker: a second crash leaves no worker, and every file is rejected at once.
      await assert.rejects(check('crash.yaml', bytes));
      await assert.rejects(check('c.yaml', bytes));
    } finally {
      await pool.close();
    }
  });

  it("leaves every file to validate's own thread when a worker cannot run, with the same result", async function () {
    const pool = new AnalysisPool({ size: 1, workerFile: join(root, 'okrs', 'pool-0.yaml') });
    try {
      const host = nodeHost(root);
      const alone = await validate(host);
      const pooled = await validate(host, { workers: pool.workersFor(root) });
      assert.ok(alone.diagnostics.length > 0);
      assert.deepEqual(pooled.diagnostics, alone.diagnostics);
    } finally {
      await pool.close();
    }
  });
});
