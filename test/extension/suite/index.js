// The extension-host test runner (the contract of @vscode/test-electron's extensionTestsPath):
// VS Code requires this module inside the extension host and awaits run(). Rejecting means exit
// code 1. Used by .ci/run through code-server (run-integration.mjs) and by .vscode-test.mjs.
//
// Results: the spec reporter through console.log (the harness receives it via codeAutomationLog),
// a JSON file at $OKRA_TEST_RESULTS, and the promise's outcome. Which files run depends on
// $OKRA_TEST_MODE: `main` (default: *.test.js but not the two below), `untrusted`
// (untrusted.test.js, in a window whose folder is not trusted) or `bench` (bench.test.js).
const path = require('path');
const fs = require('fs');
const mochaModule = require('mocha');
// mocha 12 is ESM-only: require() returns its namespace, whose Mocha is the class.
const Mocha = mochaModule.Mocha || mochaModule;

const SPECIAL = { untrusted: 'untrusted.test.js', bench: 'bench.test.js' };

function filesFor(mode) {
  const all = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (SPECIAL[mode]) return [SPECIAL[mode]];
  const special = new Set(Object.values(SPECIAL));
  return all.filter((f) => !special.has(f));
}

async function run() {
  const mode = process.env.OKRA_TEST_MODE || 'main';
  const resultsFile = process.env.OKRA_TEST_RESULTS || path.resolve(__dirname, '../../.tmp/extension/results.json');
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec', grep: process.env.OKRA_TEST_GREP || undefined });
  for (const f of filesFor(mode)) mocha.addFile(path.join(__dirname, f));
  const results = { mode, passed: [], failed: [], pending: [], start: new Date().toISOString() };
  await mocha.loadFilesAsync();
  await new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.end = new Date().toISOString();
      fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
      fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      console.log(`${results.passed.length} passed, ${results.failed.length} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, err) => results.failed.push({ title: t.fullTitle(), error: String((err && err.stack) || err) }));
    runner.on('pending', (t) => results.pending.push(t.fullTitle()));
  });
}

module.exports = { run };
