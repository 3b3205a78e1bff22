/**
 * CLI behaviour that takes more than one run or a property of the output rather than its exact
 * text: --cache, init followed by validate, the JSON output's paths and positions, help for
 * every command. Single runs are pinned in scenarios.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureCliBuilt, REPO, runCli } from '../helpers/cli';
import { normalized, runScenario, SCENARIOS, type ScenarioRun } from './scenario-harness';

interface JsonOutput {
  files: number;
  diagnostics: Array<{
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    rule: string;
    message: string;
  }>;
}

const cleanups: string[] = [];
function track(run: ScenarioRun): ScenarioRun {
  cleanups.push(run.tmp);
  return run;
}

describe('okra CLI behaviour', function () {
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });
  after(function () {
    for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
  });

  it('--version prints the version of package.json', async function () {
    const run = track(await runScenario('version', { workspace: 'none', argv: ['--version'] }));
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('--help works for the program and for every command it lists', async function () {
    const program = track(await runScenario('help', { workspace: 'none', argv: ['--help'] }));
    assert.equal(program.code, 0);
    const commandsSection = program.stdout.split(/^Commands:$/m)[1] ?? '';
    const commands = [...commandsSection.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    assert.ok(commands.includes('validate') && commands.includes('init'), `commands listed: ${commands.join(', ')}`);
    for (const command of commands) {
      const run = track(await runScenario('help', { workspace: 'none', argv: [command, '--help'] }));
      assert.equal(run.code, 0, `okra ${command} --help exits with 0`);
      assert.match(run.stdout, new RegExp(`^Usage: okra ${command}\\b`), `okra ${command} --help shows its usage`);
      assert.equal(run.stderr, '', `okra ${command} --help writes nothing to stderr`);
    }
  });

  it('okra with no command prints the help on stderr and exits with 2', async function () {
    const run = track(await runScenario('no-command', { workspace: 'none', argv: [] }));
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Usage: okra \[options\] \[command\]\n/);
    assert.match(run.stderr, /^ {2}validate \[options\] \[dir\]/m);
  });

  it('okra init writes a workspace that validates clean, then refuses to overwrite it', async function () {
    const init = track(await runScenario('init', { workspace: 'none', argv: ['init', 'new-workspace'] }));
    assert.equal(init.code, 0, init.stderr);
    const target = join(init.root, 'new-workspace');
    assert.ok(existsSync(join(target, 'okra.config.yaml')));

    const validate = await runCli(['validate', '--format', 'json'], { cwd: target });
    assert.equal(validate.code, 0, validate.stdout);
    const output = JSON.parse(validate.stdout) as JsonOutput;
    assert.deepEqual(output.diagnostics, []);
    assert.ok(output.files >= 6, `only ${output.files} files validated`);

    const before = readFileSync(join(target, 'org.yaml'), 'utf8');
    writeFileSync(join(target, 'org.yaml'), before + '# edited by hand\n');
    const again = await runCli(['init', 'new-workspace'], { cwd: init.root });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already has okra\.config\.yaml/);
    assert.doesNotMatch(again.stderr, /^\s+at /m);
    assert.equal(readFileSync(join(target, 'org.yaml'), 'utf8'), before + '# edited by hand\n', 'init left the edited file alone');
  });

  it('--cache: a second run prints the same and the cache file is written', async function () {
    const first = track(await runScenario('validate-errors-text', { workspace: 'validate-errors-text', argv: ['validate', '--cache'] }));
    const cacheFile = join(first.root, '.okra', 'cache', 'validate.json');
    assert.ok(existsSync(cacheFile), 'the first run writes .okra/cache/validate.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; entries: Array<[string, unknown]> };
    // Every file's check but the config's, which is read on every run anyway.
    assert.deepEqual(cache.entries.map(([path]) => path).sort(), ['broken.yaml', 'kpis.yaml', 'okrs/support-2026-h1.yaml', 'org.yaml']);

    const second = await runCli(['validate', '--cache'], { cwd: first.root });
    assert.equal(second.code, first.code);
    assert.equal(second.stdout, first.stdout, 'a cached run prints exactly what an uncached one does');
    assert.equal(second.stderr, first.stderr);
    // ... and what the golden of the same workspace without --cache says.
    assert.equal(normalized(first, first.stdout), readFileSync(join(SCENARIOS, 'validate-errors-text', 'stdout.txt'), 'utf8'));

    // A changed file is read again, not taken from the cache.
    const okrs = join(first.root, 'okrs', 'support-2026-h1.yaml');
    writeFileSync(okrs, readFileSync(okrs, 'utf8').replace('kpi: csat-score', 'kpi: csat'));
    const third = await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    const rules = (JSON.parse(third.stdout) as JsonOutput).diagnostics.map((d) => d.rule);
    assert.ok(!rules.includes('ref/unknown-kpi'), 'the fixed reference is no longer reported');
    assert.ok(rules.includes('yaml/syntax'), 'the unchanged broken file still is');
    const uncached = await runCli(['validate', '--format', 'json'], { cwd: first.root });
    assert.equal(third.stdout, uncached.stdout, 'after a change, --cache prints what a run without it does');

    // An unchanged file's check is taken from the cache: a mark put there is printed.
    const entries = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      key: string;
      entries: Array<[string, { diagnostics: { message: string }[] }]>;
    };
    const broken = entries.entries.find(([path]) => path === 'broken.yaml')![1];
    broken.diagnostics[0].message = 'from the per-file cache';
    writeFileSync(cacheFile, JSON.stringify(entries));
    writeFileSync(okrs, readFileSync(okrs, 'utf8') + '# touched\n');
    const fourth = await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    assert.ok(
      (JSON.parse(fourth.stdout) as JsonOutput).diagnostics.some((d) => d.message === 'from the per-file cache'),
      fourth.stdout,
    );
    // A changed config (rule levels) checks every file again.
    const config = join(first.root, 'okra.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + '\n');
    const fifth = await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    assert.ok(!(JSON.parse(fifth.stdout) as JsonOutput).diagnostics.some((d) => d.message === 'from the per-file cache'));
  });

  it('--cache: an unchanged workspace reuses the whole last result; a changed file or plugin does not', async function () {
    const first = track(
      await runScenario('validate-errors-text', { workspace: 'validate-errors-text', argv: ['validate', '--cache', '--format', 'json'] }),
    );
    const resultFile = join(first.root, '.okra', 'cache', 'validate-result.json');
    const stored = JSON.parse(readFileSync(resultFile, 'utf8')) as {
      fingerprint: string;
      files: number;
      diagnostics: { rule: string; message: string }[];
    };
    assert.equal(stored.files, 5);
    // Mark the stored result: the next run prints the mark only if it takes the result whole.
    stored.diagnostics[0].message = 'from the result cache';
    writeFileSync(resultFile, JSON.stringify(stored));
    const reused = await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    assert.equal((JSON.parse(reused.stdout) as JsonOutput).diagnostics[0].message, 'from the result cache');
    const sarif = await runCli(['validate', '--cache', '--format', 'sarif'], { cwd: first.root });
    assert.ok(
      (JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: unknown[] } } }[] }).runs[0].tool.driver.rules.length >= 16,
      'SARIF lists the rules on a cache hit too',
    );

    // Any changed byte in any file runs the rules again.
    const org = join(first.root, 'org.yaml');
    writeFileSync(org, readFileSync(org, 'utf8') + '\n');
    const rerun = await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    assert.notEqual((JSON.parse(rerun.stdout) as JsonOutput).diagnostics[0].message, 'from the result cache');
    assert.equal(rerun.stdout, first.stdout);

    // So does a change to a local plugin's code.
    writeFileSync(join(first.root, 'plugin.mjs'), "export default { name: 'okra-plugin-local', rules: [] };\n");
    const config = join(first.root, 'okra.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + 'plugins:\n  - ./plugin.mjs\n');
    await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    const before = JSON.parse(readFileSync(resultFile, 'utf8')) as { fingerprint: string };
    writeFileSync(join(first.root, 'plugin.mjs'), "export default { name: 'okra-plugin-local', rules: [] }; // edited\n");
    await runCli(['validate', '--cache', '--format', 'json'], { cwd: first.root });
    assert.notEqual((JSON.parse(readFileSync(resultFile, 'utf8')) as { fingerprint: string }).fingerprint, before.fingerprint);
  });

  it('--format json: paths relative to the workspace, 1-based positions, same from any folder', async function () {
    const fromRoot = track(await runScenario('json', { workspace: 'validate-errors-text', argv: ['validate', '--format', 'json'] }));
    const fromSub = await runCli(['validate', '--format', 'json'], { cwd: join(fromRoot.root, 'okrs') });
    const fromOutside = await runCli(['validate', '--format', 'json', '--workspace', 'workspace'], { cwd: fromRoot.tmp });
    assert.equal(fromSub.stdout, fromRoot.stdout);
    assert.equal(fromOutside.stdout, fromRoot.stdout);

    const output = JSON.parse(fromRoot.stdout) as JsonOutput;
    assert.equal(output.files, 5);
    assert.ok(output.diagnostics.length >= 4);
    const texts = new Map<string, string[]>();
    for (const d of output.diagnostics) {
      assert.doesNotMatch(d.file, /^(\/|\.\.?\/|[A-Za-z]:)|\\/, `${d.file} is a workspace-relative path with /`);
      if (!texts.has(d.file)) texts.set(d.file, readFileSync(join(fromRoot.root, d.file), 'utf8').split('\n'));
      const lines = texts.get(d.file)!;
      for (const [line, column] of [
        [d.line, d.column],
        [d.endLine, d.endColumn],
      ]) {
        assert.ok(Number.isInteger(line) && line >= 1 && line <= lines.length, `${d.file} ${d.rule}: line ${line}`);
        assert.ok(Number.isInteger(column) && column >= 1 && column <= lines[line - 1].length + 1, `${d.file} ${d.rule}: column ${column}`);
      }
    }
    // The unknown KPI reference points at its value: line 13 of the OKR file, after "kpi: ".
    const unknownKpi = output.diagnostics.find((d) => d.rule === 'ref/unknown-kpi');
    assert.ok(unknownKpi, 'ref/unknown-kpi is reported');
    assert.deepEqual([unknownKpi.file, unknownKpi.line, unknownKpi.column], ['okrs/support-2026-h1.yaml', 13, 14]);
  });

  it('--format github: one workflow command per diagnostic, with paths from the current folder', async function () {
    const run = track(
      await runScenario('github', { workspace: 'validate-errors-text', cwd: '..', argv: ['validate', 'workspace', '--format', 'github'] }),
    );
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 4);
    for (const line of lines) {
      assert.match(
        line,
        /^::(error|warning|notice) file=workspace\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=okra [^:]+::\S/,
        line,
      );
    }
  });

  it('the bundle under test is the one in dist/', function () {
    assert.ok(existsSync(CLI));
    assert.match(readFileSync(CLI, 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node/);
  });
});
