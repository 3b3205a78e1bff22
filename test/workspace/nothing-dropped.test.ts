import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../../cli/node-host';
import { memoryHost, validate, type WorkspaceHost } from '../../core';
import { parseFile } from '../../core/parse/parse-file';
import { buildModel } from '../../core/model/workspace-model';
import { buildOneOnOneView } from '../../core/render/context';
import { leavesWorkspace } from '../../core/config/workspace-bounds';

const CONFIG = (lines: string) => `kind: Config\nversion: 1\n${lines}`;
const OKRS =
  'kind: Objectives\nversion: 1\ncycle: 2026-H1\nowner: team/frontline\nobjectives:\n  - id: o\n    title: O\n    key_results: [{ id: k, title: K, type: boolean }]\n';

/** Both ways of validating must report the same: the streaming one is what `okra validate` runs. */
async function both(host: WorkspaceHost) {
  const whole = await validate(host, { keepModel: true });
  const streamed = await validate(host);
  assert.deepEqual(
    streamed.diagnostics.map((d) => `${d.rule} ${d.range.start.line}`),
    whole.diagnostics.map((d) => `${d.rule} ${d.range.start.line}`),
  );
  return whole.diagnostics;
}

describe('nothing dropped without a word', () => {
  it('an include pattern that matches no file is a warning on the pattern, naming the folders there are', async () => {
    const host = memoryHost({
      'okra.config.yaml': CONFIG('include:\n  - okra.config.yaml\n  - objectives/*.yaml\n'),
      'okrs/frontline.yaml': OKRS,
    });
    const [d, ...rest] = await both(host);
    assert.equal(rest.length, 0);
    assert.equal(d.rule, 'config/include-matches-nothing');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.range.start, { line: 4, character: 4 });
    assert.equal(
      d.message,
      'include "objectives/*.yaml" matches no file, so nothing is read through it; the folders with YAML files here are: okrs',
    );
  });

  it('the warning can be configured like any rule', async () => {
    const host = memoryHost({
      'okra.config.yaml': CONFIG('include: [okra.config.yaml, objectives/*.yaml]\nrules:\n  config/include-matches-nothing: error\n'),
    });
    const [d] = await both(host);
    assert.equal(d.severity, 'error');
  });

  it('a folder the host cannot read is reported on the config', async () => {
    const inner = memoryHost({ 'okra.config.yaml': CONFIG(''), 'okrs/a.yaml': OKRS });
    const host: WorkspaceHost = {
      readFile: inner.readFile,
      async listFiles(include, exclude, onUnreadable) {
        onUnreadable?.('secret', 'permission denied');
        return inner.listFiles(include, exclude);
      },
    };
    const [d] = await both(host);
    assert.equal(d.rule, 'config/unreadable-folder');
    assert.equal(d.message, 'Folder "secret" could not be read (permission denied); the files in it are not checked');
  });

  it('the file-system host reports a folder it cannot read', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads every folder
    const root = mkdtempSync(join(tmpdir(), 'okra-unreadable-'));
    try {
      mkdirSync(join(root, 'secret'));
      writeFileSync(join(root, 'secret', 'a.yaml'), OKRS);
      chmodSync(join(root, 'secret'), 0o000);
      const seen: string[] = [];
      return nodeHost(root)
        .listFiles(['**/*.yaml'], [], (folder, reason) => seen.push(`${folder}: ${reason}`))
        .then(() => assert.deepEqual(seen, ['secret: permission denied']))
        .finally(() => chmodSync(join(root, 'secret'), 0o755));
    } finally {
      setTimeout(() => rmSync(root, { recursive: true, force: true }), 100);
    }
  });

  it('a missing folder is not "unreadable": it is an include that matches nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'okra-missing-'));
    try {
      const seen: string[] = [];
      await nodeHost(root).listFiles(['objectives/*.yaml'], [], (folder) => seen.push(folder));
      assert.deepEqual(seen, []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the workspace folder is the boundary', () => {
  it('tells paths that leave the workspace from those that stay', () => {
    for (const path of ['../evil/x.mjs', '/etc/*.yaml', 'okrs/../../x.yaml', '{okrs,../x}/*.yaml', 'C:\\x', '~/x'])
      assert.equal(leavesWorkspace(path), true, path);
    for (const path of ['okrs/**/*.yaml', './plugins/x.mjs', 'okrs/../kpis.yaml', 'templates'])
      assert.equal(leavesWorkspace(path), false, path);
  });

  it('refuses plugins, include globs and templates_dir outside the workspace, on the config', async () => {
    const imported: string[] = [];
    const host = memoryHost({
      'okra.config.yaml': CONFIG('include:\n  - "**/*.yaml"\n  - ../other/*.yaml\nplugins:\n  - ../evil/x.mjs\ntemplates_dir: /etc/okra\n'),
    });
    const result = await validate(host, { importPlugin: async (s) => void imported.push(s), trusted: true });
    assert.deepEqual(imported, [], 'the plugin outside was not imported');
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.rule} ${d.range.start.line + 1}:${d.range.start.character + 1}`),
      ['config/outside-workspace 5:5', 'config/outside-workspace 7:5', 'config/outside-workspace 8:16'],
    );
    assert.match(result.diagnostics[1].message, /^Plugin "\.\.\/evil\/x\.mjs" is outside the workspace folder and is not run/);
  });
});

describe('1:1 series and tiers', () => {
  const ORG =
    'kind: Org\nversion: 1\nteams: [{ id: frontline, name: Frontline }]\npeople: [{ id: ana, name: Ana, team: frontline }, { id: bo, name: Bo, team: frontline, manager: ana }]\n';
  const KPIS =
    'kind: KpiTargets\nversion: 1\nkpis:\n  - { id: csat, name: CSAT, unit: percent, direction: higher_is_better, targets: [{ scope: support-desk, period: 2026-H1, target: 90 }], actuals: [{ period: 2026-03, scope: support-desk, value: 88 }] }\n';
  const TIERS = (staffing: string) =>
    `kind: TierStructure\nversion: 1\ntiers:\n  - { id: support-desk, name: Support desk, level: 1${staffing} }\n`;
  const REVIEWS =
    'kind: ReviewCycles\nversion: 1\none_on_ones: [{ manager: ana, reports: [bo], cadence: weekly, weekday: tuesday, time: "10:00", starts: 2026-01-06 }]\n';
  const context = (tiers: string) => {
    const files = { 'org.yaml': ORG, 'kpis.yaml': KPIS, 'tiers.yaml': tiers, 'reviews.yaml': REVIEWS };
    const model = buildModel(Object.entries(files).map(([p, t]) => parseFile(p, t)));
    return buildOneOnOneView(model, 'bo', { date: '2026-04-07' });
  };

  it('staffing.teams links a team to a tier whatever their names', () => {
    const linked = context(TIERS(', staffing: { teams: [frontline] }'));
    assert.deepEqual(
      linked.kpis.map((k) => k.id),
      ['csat'],
    );
    assert.equal(linked.kpisMissing, null);
  });

  it('without a link, the document says why the tier KPIs are missing', () => {
    const unlinked = context(TIERS(''));
    assert.deepEqual(unlinked.kpis, []);
    assert.equal(
      unlinked.kpisMissing,
      "KPIs of Support desk are not listed: team Frontline staffs no tier. List the team in the tier's staffing.teams to show them.",
    );
  });

  it("staffing.teams is the only link when given: a tier named like the team but listing others is not the team's", () => {
    const tiers =
      'kind: TierStructure\nversion: 1\ntiers:\n  - { id: support-desk, name: Frontline, level: 1, staffing: { teams: [night-shift] } }\n';
    assert.deepEqual(context(tiers).kpis, []);
  });
});
