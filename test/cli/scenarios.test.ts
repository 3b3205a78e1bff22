/**
 * CLI scenarios pinned by golden files, like Spectral's test-harness/scenarios. Each folder under
 * `scenarios/` is one run of the built CLI (`node dist/cli.js`, built by `ensureCliBuilt`):
 *
 *   args.json      the argv as a list, or `{ "argv": [...], "workspace": ..., "cwd": ... }` where
 *                  `workspace` is "none" (an empty folder), "example" (a copy of
 *                  examples/support-org) or the name of another scenario whose workspace/ to use
 *                  (default: this scenario's own workspace/), and `cwd` is where to run, relative to
 *                  the workspace (default: the workspace itself)
 *   workspace/     the fixture workspace; it is copied to a temporary folder, never written to
 *   stdout.txt     the expected standard output
 *   stderr.txt     the expected standard error; when absent, standard error must be empty
 *   exit-code.txt  the expected exit code
 *
 * In what is compared, the workspace copy is written `<ROOT>`, the temporary folder around it
 * `<TMP>` and this repository `<REPO>`. Output is taken without a terminal and with NO_COLOR=1.
 *
 * To rewrite the goldens from the current output: `UPDATE_GOLDENS=1 npx mocha test/cli/scenarios.test.ts`,
 * then read the diff: a golden is a claim about what users see.
 */
import assert from 'node:assert/strict';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt } from '../helpers/cli';
import { expectGolden, expectOptionalGolden } from '../helpers/goldens';
import { normalized, runScenario, SCENARIOS, type ScenarioRun } from './scenario-harness';

const names = readdirSync(SCENARIOS)
  .filter((name) => statSync(join(SCENARIOS, name)).isDirectory())
  .sort();

/** Runs `task` over `items`, `limit` at a time (the CLI runs are separate processes). */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('okra CLI scenarios', function () {
  const runs = new Map<string, ScenarioRun>();

  before(async function () {
    this.timeout(300_000);
    ensureCliBuilt();
    // Every scenario is its own process in its own folder: run them side by side, check them below.
    const results = await mapLimit(names, Math.max(2, availableParallelism()), (name) => runScenario(name));
    names.forEach((name, i) => runs.set(name, results[i]));
  });

  after(function () {
    for (const run of runs.values()) rmSync(run.tmp, { recursive: true, force: true });
  });

  it('has the scenarios the CLI contract needs', function () {
    for (const required of [
      'validate-example-clean',
      'validate-errors-text',
      'validate-errors-json',
      'validate-errors-sarif',
      'validate-errors-github',
      'validate-warnings-only',
      'validate-no-config',
      'validate-broken-config',
      'unknown-flag',
      'bad-format',
      'help',
      'init-new-dir',
      'init-refuses-overwrite',
      'validate-workspace-flag',
      'validate-walk-up',
      'validate-max-warnings-0',
    ]) {
      assert.ok(names.includes(required), `missing scenario ${required}`);
    }
  });

  for (const name of names) {
    it(name, function () {
      const run = runs.get(name);
      assert.ok(run, `scenario ${name} did not run`);
      const dir = join(SCENARIOS, name);
      // Whatever the scenario, okra never shows colours or a stack trace without being asked.
      assert.ok(!(run.stdout + run.stderr).includes('\u001b['), 'ANSI escapes in output without a terminal');
      assert.doesNotMatch(run.stderr, /^\s+at .+[:(]/m, 'a stack trace reached the user');
      assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `exit code ${run.code} is not 0, 1 or 2`);
      expectGolden(join(dir, 'exit-code.txt'), `${run.code}\n`, `${name}: exit code`);
      expectGolden(join(dir, 'stdout.txt'), normalized(run, run.stdout), `${name}: stdout`);
      expectOptionalGolden(join(dir, 'stderr.txt'), normalized(run, run.stderr), `${name}: stderr`);
    });
  }
});
