// Runs okra's extension test suite inside a REAL VS Code extension host (code-server), twice:
// `main` in a trusted copy of examples/support-org, then `untrusted` in a copy whose folder
// Workspace Trust does not trust. Prints `extension: N passed, N failed` alone on a line and
// exits with 0 only when both runs passed.
//
//   bash test/extension/setup.sh && node test/extension/run-integration.mjs [--only main|untrusted]
import path from 'node:path';
import { prepareFixture } from './fixture.mjs';
import { build, elapsed, ensureInstalled, runSuite, TMP } from './harness.mjs';

const t0 = Date.now();
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
ensureInstalled();
build();

const runs = [
  { name: 'main', mode: 'main', trusted: true },
  { name: 'untrusted', mode: 'untrusted', trusted: false },
].filter((r) => !only || r.name === only);

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const run of runs) {
  const folder = prepareFixture(path.join(TMP, `ws-${run.name}`));
  const result = await runSuite({ ...run, folder });
  passed += result.passed;
  failed += result.failed;
  if (result.exitCode !== 0) exitCode = 1;
}
console.log(`[integration] total ${elapsed(t0)}`);
console.log(`extension: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
