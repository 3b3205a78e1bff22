// @vscode/test-cli configuration: runs okra's extension suite in a downloaded desktop VS Code
// (@vscode/test-electron), for users' CI with network access:
//
//   npm run build && npx vscode-test            # xvfb-run -a npx vscode-test on a Linux CI runner
//
// Offline (and in .ci/run) the same suite runs in code-server instead: npm run test:extension
// (test/extension/run-integration.mjs). Both open a fresh copy of examples/support-org with a
// fixture plugin, made here before VS Code starts. The untrusted-workspace suite needs Workspace
// Trust on and the folder untrusted, which the code-server harness arranges; it is not run here.
import { defineConfig } from '@vscode/test-cli';
import { join } from 'node:path';
import { prepareFixture, REPO } from './test/extension/fixture.mjs';

const workspaceFolder = prepareFixture(join(REPO, 'test/.tmp/extension/ws-vscode-test'));

export default defineConfig({
  label: 'okra extension',
  files: 'test/extension/suite/extension.test.js',
  version: '1.100.3',
  workspaceFolder,
  // Only okra (no other installed extension) and a trusted folder, as in the code-server run.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  env: { OKRA_TEST_RESULTS: join(REPO, 'test/.tmp/extension/vscode-test-results.json') },
  mocha: {
    ui: 'tdd',
    timeout: 60000,
    // Ends with the plain "tests: N passed, N failed" line, as `npm test` does.
    reporter: join(REPO, 'test/support/reporter.cjs'),
  },
});
