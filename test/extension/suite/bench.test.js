/* global suite, test, performance */
// A measurement, not a test of speed: keystroke → updated diagnostics in a large generated
// workspace (bench/generate-workspace.ts), in the real extension host. It prints one
// `BENCH {...}` line that run-bench.mjs turns into bench/extension.bench.md; it asserts only that
// diagnostics do update.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const ITERATIONS = Number(process.env.OKRA_BENCH_ITERATIONS || 30);

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    p50: round(h.percentile(sorted, 50)),
    p95: round(h.percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
  };
}

async function setDebounce(ms) {
  const config = vscode.workspace.getConfiguration('okra');
  if (config.get('validation.debounceMs') === ms) return;
  const changed = new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('okra.validation.debounceMs')) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config.update('validation.debounceMs', ms, vscode.ConfigurationTarget.Global);
  await changed;
}

/** Edits one character at the end of the `kpi:` line and waits for the diagnostics to follow. */
async function keystrokes(editor, line, controller) {
  const uri = editor.document.uri;
  const end = () => editor.document.lineAt(line).range.end;
  const latencies = [];
  const processing = [];
  const sub = controller.provider.onDidCheck((e) => {
    if (e.kind === 'file') processing.push(e.ms);
  });
  try {
    for (let i = 0; i < ITERATIONS; i++) {
      const breaking = i % 2 === 0;
      const started = performance.now();
      const waiting = h.waitForDiagnostics(
        uri,
        (ds) => ds.some((d) => h.ruleOf(d) === 'ref/unknown-kpi') === breaking,
        breaking ? 'ref/unknown-kpi' : 'no ref/unknown-kpi',
        60000,
      );
      await editor.edit((b) => (breaking ? b.insert(end(), 'x') : b.delete(new vscode.Range(end().translate(0, -1), end()))));
      await waiting;
      latencies.push(performance.now() - started);
    }
  } finally {
    sub.dispose();
  }
  return { latency: stats(latencies), processing: stats(processing) };
}

suite('benchmark: keystroke to diagnostics in a large workspace', function () {
  this.timeout(30 * 60 * 1000);

  test('measures activation, load, keystroke latency and a full re-check', async () => {
    const api = await h.okra();
    const controller = await api.controller();
    const ws = controller.loaded[0];
    assert.ok(ws, 'the workspace loaded');
    const file = process.env.OKRA_BENCH_FILE;
    assert.ok(file, 'OKRA_BENCH_FILE names the file to edit');
    const editor = await h.openEditor(file);
    const line = h.lineOf(editor.document, /^\s+kpi: \S+$/);

    const results = {
      files: ws.fileCount,
      activateMs: Number(api.activateMs.toFixed(2)),
      loadMs: Math.round(ws.loadMs),
      iterations: ITERATIONS,
    };
    await setDebounce(200);
    results.debounce200 = await keystrokes(editor, line, controller);
    await setDebounce(0);
    results.debounce0 = await keystrokes(editor, line, controller);
    await setDebounce(200);

    // The full re-check after a save (every file, every rule), as the extension runs it.
    const full = new Promise((resolve) => {
      const sub = controller.provider.onDidCheck((e) => {
        if (e.kind === 'all') {
          sub.dispose();
          resolve(e.ms);
        }
      });
    });
    assert.ok(!editor.document.isDirty || (await editor.document.save()), 'saved');
    if (!editor.document.isDirty) await vscode.commands.executeCommand('okra.validateWorkspace');
    results.fullCheckMs = Math.round(await full);
    const rss = process.memoryUsage().rss;
    results.extensionHostRssMB = Math.round(rss / 1024 / 1024);
    console.log(`BENCH ${JSON.stringify(results)}`);
  });
});
