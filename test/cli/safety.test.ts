/**
 * What the CLI must never do on its own: run code from outside the workspace, run the
 * workspace's plugins when asked not to, or overwrite a definition file with a calendar.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../../core/parse/parse-file';
import { ensureCliBuilt, REPO, runCli } from '../helpers/cli';

/** A plugin that leaves a mark when it runs, and exports a valid okra plugin. */
const MARKING_PLUGIN = (mark: string) =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(mark)}, 'ran');\nexport default { name: 'marker', rules: [] };\n`;

describe('okra CLI safety', function () {
  let tmp: string;
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'okra-safety-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function workspace(config: string): string {
    const root = join(tmp, 'ws');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'okra.config.yaml'), `kind: Config\nversion: 1\n${config}`);
    return root;
  }

  it('never runs a plugin from outside the workspace folder, and says so on the config', async () => {
    const mark = join(tmp, 'evil-ran');
    mkdirSync(join(tmp, 'evil'));
    writeFileSync(join(tmp, 'evil', 'x.mjs'), MARKING_PLUGIN(mark));
    const root = workspace('plugins:\n  - ../evil/x.mjs\n');
    const run = await runCli(['validate'], { cwd: root });
    assert.equal(existsSync(mark), false, 'the plugin outside the workspace ran');
    assert.equal(run.code, 2, run.stdout);
    assert.match(
      run.stdout,
      /okra\.config\.yaml:4:5 error config\/outside-workspace Plugin "\.\.\/evil\/x\.mjs" is outside the workspace folder/,
    );
  });

  it('--no-plugins checks without running the workspace plugins; a plain run does run them', async () => {
    const mark = join(tmp, 'plugin-ran');
    const root = workspace('plugins:\n  - ./plugins/p.mjs\n');
    mkdirSync(join(root, 'plugins'));
    writeFileSync(join(root, 'plugins', 'p.mjs'), MARKING_PLUGIN(mark));
    const without = await runCli(['validate', '--no-plugins'], { cwd: root });
    assert.equal(without.code, 0, without.stdout + without.stderr);
    assert.equal(existsSync(mark), false, '--no-plugins ran the plugin');
    const plain = await runCli(['validate'], { cwd: root });
    assert.equal(plain.code, 0, plain.stdout + plain.stderr);
    assert.equal(existsSync(mark), true, 'a plain validate runs the workspace plugins');
  });

  it('schedule --ics refuses to overwrite a file okra did not write, and replaces its own calendar', async () => {
    const root = join(tmp, 'example');
    cpSync(join(REPO, 'examples', 'support-org'), root, { recursive: true });
    const org = readFileSync(join(root, 'org.yaml'), 'utf8');
    const refused = await runCli(['schedule', '--from', '2026-04-01', '--ics', 'org.yaml'], { cwd: root });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /org\.yaml exists and is not a calendar okra wrote/);
    assert.equal(readFileSync(join(root, 'org.yaml'), 'utf8'), org, 'org.yaml was overwritten');

    const first = await runCli(['schedule', '--from', '2026-04-01', '--ics', 'cycles.ics'], { cwd: root });
    assert.equal(first.code, 0, first.stderr);
    const again = await runCli(['schedule', '--from', '2026-04-08', '--ics', 'cycles.ics'], { cwd: root });
    assert.equal(again.code, 0, again.stderr);
    assert.match(readFileSync(join(root, 'cycles.ics'), 'utf8'), /^BEGIN:VCALENDAR/);
  });
});

describe('YAML aliases are capped by what they expand to', () => {
  it('100 aliases of one short scalar are fine', () => {
    const refs = Array.from({ length: 100 }, (_, i) => `  - { id: s${i}, name: *site }`).join('\n');
    const file = parseFile('org.yaml', `kind: Org\nversion: 1\nx: &site Lisbon\nteams:\n${refs}\n`);
    assert.deepEqual(
      file.diagnostics.map((d) => d.rule),
      [],
    );
    assert.equal((file.data as { teams: Array<{ name: string }> }).teams[99].name, 'Lisbon');
  });

  it('a billion laughs is still refused', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const file = parseFile('x.yaml', levels.join('\n') + '\n');
    assert.deepEqual(
      file.diagnostics.map((d) => [d.rule, d.message]),
      [['yaml/alias', 'Aliases in this file expand to too much data (more than 10 MB); write the values out instead']],
    );
  });
});
