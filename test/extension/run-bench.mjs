// The extension benchmark: keystroke → updated diagnostics (p50/p95) in a generated workspace
// of 2,000 files, measured inside the real extension host (code-server), plus activation time,
// workspace load, a full re-check and the bundle sizes. Writes bench/extension.bench.md.
//
//   bash test/extension/setup.sh && node test/extension/run-bench.mjs [files=2000]   # ~2-4 min
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, elapsed, ensureInstalled, REPO, runSuite, TMP } from './harness.mjs';

const t0 = Date.now();
const files = Number(process.argv[2] || 2000);
ensureInstalled();
build();
const dir = path.join(TMP, `bench-ws-${files}`);
const gen = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench/generate-workspace.ts'), String(files), '--out', dir], {
  cwd: REPO,
  encoding: 'utf8',
});
if (gen.status !== 0) throw new Error(`bench/generate-workspace.ts failed:\n${gen.stderr}`);
const generated = JSON.parse(gen.stdout);
console.log(
  `[bench] workspace: ${generated.files} files, ${(generated.bytes / 1024 / 1024).toFixed(1)} MB, edited file ${generated.sampleObjectivesFile} (${elapsed(t0)})`,
);

let bench;
const result = await runSuite({
  name: 'bench',
  folder: dir,
  mode: 'bench',
  env: { OKRA_BENCH_FILE: generated.sampleObjectivesFile },
  timeoutMs: 30 * 60 * 1000,
  onLine: (line) => {
    const m = /^BENCH (\{.*\})$/.exec(line.trim());
    if (m) bench = JSON.parse(m[1]);
  },
});
if (result.exitCode !== 0 || !bench) {
  console.log('extension bench: 0 passed, 1 failed');
  process.exit(1);
}
const kb = (p) => Math.round(fs.statSync(path.join(REPO, p)).size / 1024);
const row = (name, s) => `| ${name} | ${s.p50} ms | ${s.p95} ms | ${s.max} ms | ${s.n} |`;
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load average ${os.loadavg()[0].toFixed(1)} at the end, node ${process.version}`;
const md = `<!-- Written by test/extension/run-bench.mjs; re-run it to update. -->
# VS Code extension benchmark

Measured inside a real VS Code extension host (code-server 4.100.3 = VS Code 1.100.3, Node
extension host) on a generated workspace of **${bench.files} files** (${(generated.bytes / 1024 / 1024).toFixed(1)} MB,
\`bench/generate-workspace.ts\`). A "keystroke" is a one-character edit at the end of a
\`kpi:\` reference in \`${generated.sampleObjectivesFile}\`, alternately breaking and repairing it;
the time runs from the edit to the \`languages.onDidChangeDiagnostics\` event that shows the
new state. Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}.

| keystroke → diagnostics | p50 | p95 | max | n |
| --- | --- | --- | --- | --- |
${row('debounce 200 ms (default)', bench.debounce200.latency)}
${row('debounce 0 ms', bench.debounce0.latency)}
${row("okra's own work per keystroke (update + checkFile)", bench.debounce0.processing)}

| other | figure |
| --- | --- |
| activate() | ${bench.activateMs} ms |
| first load of the workspace (after activation, in the background) | ${bench.loadMs} ms |
| full re-check after save (every file, every rule) | ${bench.fullCheckMs} ms |
| extension host RSS after the run | ${bench.extensionHostRssMB} MB |
| dist/extension.js (parsed at activation) | ${kb('dist/extension.js')} KB |
| dist/core.js (loaded after activation) | ${kb('dist/core.js')} KB |
`;
fs.writeFileSync(path.join(REPO, 'bench/extension.bench.md'), md);
console.log(md);
console.log(`[bench] total ${elapsed(t0)}`);
console.log('extension bench: 1 passed, 0 failed');
