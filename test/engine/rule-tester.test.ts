import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRule, RuleTester, type InvalidRuleTestCase, type Plugin, type Rule, type RuleTestCase } from '../../core';

const ROOT = join(__dirname, '..', '..');

const KPIS = `kind: KpiTargets
version: 1
kpis:
  - id: csat
    name: Customer satisfaction
    unit: score
    direction: higher_is_better
`;

/** An Objectives file whose one key result tracks `kpi`; the `kpi:` value is on line 11, column 14. */
function objectives(kpi: string, krId = 'kr-csat', objectiveId = 'o-happier'): string {
  return `kind: Objectives
version: 1
cycle: 2026-H1
owner: team/frontline
objectives:
  - id: ${objectiveId}
    title: Happier customers
    key_results:
      - id: ${krId}
        title: CSAT up
        kpi: ${kpi}
`;
}

const MESSAGE = 'Key result "{{kr}}" points at KPI "{{kpi}}", which is not defined';

/** Reports a key result whose `kpi` names no KPI in the workspace. */
function unknownKpi(scope: 'file' | 'workspace'): Rule<'unknown'> {
  return defineRule({
    id: 'unknown-kpi',
    severity: 'error',
    description: 'A key result tracks a KPI that is defined.',
    scope,
    messages: { unknown: MESSAGE },
    check(ctx) {
      for (const kr of ctx.itemsToCheck(ctx.model.keyResults)) {
        const kpi = kr.value.kpi;
        if (typeof kpi === 'string' && !ctx.model.kpis.has(kpi)) {
          ctx.report({ message: 'unknown', data: { kr: kr.id, kpi }, at: { file: kr.file, path: [...kr.path, 'kpi'] } });
        }
      }
    },
  });
}

const VALID: RuleTestCase = { name: 'a defined KPI', files: { 'kpis.yaml': KPIS, 'okrs/a.yaml': objectives('csat') } };
const INVALID: InvalidRuleTestCase = {
  name: 'an undefined KPI',
  files: { 'kpis.yaml': KPIS, 'okrs/a.yaml': objectives('nps') },
  errors: [
    {
      file: 'okrs/a.yaml',
      line: 11,
      column: 14,
      severity: 'error',
      messageId: 'unknown',
      message: 'Key result "kr-csat" points at KPI "nps", which is not defined',
    },
  ],
};

interface Outcome {
  title: string;
  error?: Error;
}

/**
 * Runs a RuleTester table with `describe`/`it` pointed at a local collector, awaits every
 * generated case and says how each ended. The runner's own statics are restored afterwards.
 */
async function outcomes(rule: Rule<string>, tests: { valid: RuleTestCase[]; invalid: InvalidRuleTestCase[] }): Promise<Outcome[]> {
  const saved = { describe: RuleTester.describe, it: RuleTester.it };
  const cases: Array<[string, () => Promise<void>]> = [];
  const suites: string[] = [];
  RuleTester.describe = (name, body) => {
    suites.push(name);
    body();
  };
  RuleTester.it = (title, body) => cases.push([title, body]);
  try {
    await new RuleTester().run('table', rule, tests);
  } finally {
    RuleTester.describe = saved.describe;
    RuleTester.it = saved.it;
  }
  assert.deepEqual(suites, ['table'], 'one describe per run');
  const results: Outcome[] = [];
  for (const [title, body] of cases) {
    try {
      await body();
      results.push({ title });
    } catch (error) {
      results.push({ title, error: error as Error });
    }
  }
  return results;
}

/** The one case of a one-case table must fail; its error message. */
async function failureOf(rule: Rule<string>, test: RuleTestCase | InvalidRuleTestCase): Promise<string> {
  const tests = 'errors' in test ? { valid: [], invalid: [test] } : { valid: [test], invalid: [] };
  const [outcome] = await outcomes(rule, tests);
  assert.ok(outcome.error, `${outcome.title} was expected to fail`);
  return outcome.error.message;
}

describe('RuleTester', () => {
  it('runs a correct workspace rule: one case per table row, all passing', async () => {
    const results = await outcomes(unknownKpi('workspace'), { valid: [VALID], invalid: [INVALID] });
    assert.deepEqual(
      results.map((r) => [r.title, r.error?.message]),
      [
        ['valid a defined KPI', undefined],
        ['invalid an undefined KPI', undefined],
      ],
    );
  });

  it('restores describe and it after a run with overrides', async () => {
    const before = { describe: RuleTester.describe, it: RuleTester.it };
    await outcomes(unknownKpi('workspace'), { valid: [VALID], invalid: [] });
    assert.equal(RuleTester.describe, before.describe);
    assert.equal(RuleTester.it, before.it);
  });

  it('without describe and it, run returns a promise that rejects with the first failure', async () => {
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    RuleTester.describe = undefined;
    RuleTester.it = undefined;
    try {
      await new RuleTester().run('promise', unknownKpi('workspace'), { valid: [VALID], invalid: [INVALID] });
      await assert.rejects(
        new RuleTester().run('promise', unknownKpi('workspace'), { valid: [], invalid: [{ ...INVALID, errors: 2 }] }),
        /expected 2 diagnostic\(s\), got 1/,
      );
    } finally {
      RuleTester.describe = saved.describe;
      RuleTester.it = saved.it;
    }
  });

  describe('fails a case whose expectation is wrong, saying what differs', () => {
    const rule = unknownKpi('workspace');
    const expecting = (want: InvalidRuleTestCase['errors']): InvalidRuleTestCase => ({ ...INVALID, errors: want });

    it('line', async () => {
      const message = await failureOf(rule, expecting([{ line: 10 }]));
      assert.match(message, /expected line 10, got 11/);
      assert.match(message, /okrs\/a\.yaml:11:14 Key result "kr-csat"/, 'names the diagnostic it compared');
    });

    it('column', async () => {
      assert.match(await failureOf(rule, expecting([{ column: 1 }])), /expected column 1, got 14/);
    });

    it('message, as text and as a pattern', async () => {
      assert.match(
        await failureOf(rule, expecting([{ message: 'Key result "kr-csat" points at KPI "csat", which is not defined' }])),
        /expected message Key result "kr-csat" points at KPI "csat".*got Key result "kr-csat" points at KPI "nps"/,
      );
      assert.match(await failureOf(rule, expecting([{ message: /no such KPI/ }])), /expected message matching \/no such KPI\/, got/);
    });

    it('messageId: one the rule does not declare, and one whose template does not fit', async () => {
      assert.match(await failureOf(rule, expecting([{ messageId: 'missing' }])), /the rule declares no message "missing"/);
      const twoMessages: Rule<string> = { ...unknownKpi('workspace'), messages: { unknown: MESSAGE, other: 'KPI "{{kpi}}" is retired' } };
      assert.match(
        await failureOf(twoMessages, expecting([{ messageId: 'other' }])),
        /expected a message made from "other", like KPI "\{\{kpi\}\}" is retired, got Key result "kr-csat"/,
      );
    });

    it('count: more or fewer diagnostics than expected, listing the ones found', async () => {
      const message = await failureOf(rule, expecting(2));
      assert.match(message, /expected 2 diagnostic\(s\), got 1:\nokrs\/a\.yaml:11:14 Key result "kr-csat" points at KPI "nps"/);
      assert.match(await failureOf(rule, expecting([])), /expected 0 diagnostic\(s\), got 1/);
    });

    it('a valid case the rule reports on', async () => {
      assert.match(await failureOf(rule, { files: INVALID.files }), /expected 0 diagnostic\(s\), got 1/);
    });
  });

  describe('catches a rule that reads more than it declares', () => {
    it('a workspace rule that walks itemsToCheck where it needs every file: the strategies disagree, and the error names one', async () => {
      // Ids must be unique across the workspace, but this rule only looks among the items it is
      // to report on: right when validate checks every file, blind when the editor checks one.
      const duplicateKr = defineRule({
        id: 'duplicate-kr',
        severity: 'error',
        description: 'Key result ids are unique across the workspace.',
        messages: { duplicate: 'Key result "{{kr}}" is defined twice' },
        check(ctx) {
          const seen = new Set<string>();
          for (const kr of ctx.itemsToCheck(ctx.model.keyResults)) {
            if (seen.has(kr.id)) ctx.report({ message: 'duplicate', data: { kr: kr.id }, at: { file: kr.file, path: kr.path } });
            seen.add(kr.id);
          }
        },
      });
      const message = await failureOf(duplicateKr, {
        files: { 'kpis.yaml': KPIS, 'okrs/a.yaml': objectives('csat'), 'okrs/b.yaml': objectives('csat', 'kr-csat', 'o-other') },
        errors: 1,
      });
      assert.match(
        message,
        /rule-tester\/duplicate-kr reports differently through an editor session, one file at a time than through validate/,
      );
      assert.match(message, /does the rule read more than its scope and kinds say\?/);
    });

    it("a rule with scope: 'file' that reads another file's KPIs: given its file alone everywhere, it reports a defined KPI", async () => {
      // Every strategy gives a file rule the same view (its file and the config), so they agree;
      // the rule is caught by its valid case instead, which names the false report.
      const message = await failureOf(unknownKpi('file'), VALID);
      assert.match(
        message,
        /expected 0 diagnostic\(s\), got 1:\nokrs\/a\.yaml:11:14 Key result "kr-csat" points at KPI "csat", which is not defined/,
      );
    });
  });

  it('fails a case when the rule throws, with the thrown message', async () => {
    const throwing = defineRule({
      id: 'throws',
      severity: 'warning',
      description: 'Reads a field of something that is not there.',
      messages: { never: 'never reported' },
      check(ctx) {
        for (const kr of ctx.model.keyResults.all) {
          if (kr.value.kpi === 'nps') throw new TypeError('no targets for nps');
        }
      },
    });
    const [valid, invalid] = await outcomes(throwing, { valid: [VALID], invalid: [{ ...INVALID, errors: 0 }] });
    assert.equal(valid.error, undefined, 'passes where it does not throw');
    assert.match(invalid.error?.message ?? '', /Rule rule-tester\/throws failed: no targets for nps\. This is a bug in the rule/);
  });
});

// The real use: a plugin author's test of a rule, run by mocha as any other test. The example
// plugin imports `okra`, so it is installed as npm would: beside a link to okra in node_modules.
describe('RuleTester on the example plugin (okra-plugin-vendor-quality)', () => {
  const installed = mkdtempSync(join(tmpdir(), 'okra-rule-tester-'));
  after(() => rmSync(installed, { recursive: true, force: true }));
  mkdirSync(join(installed, 'node_modules'));
  cpSync(join(ROOT, 'examples', 'plugins', 'okra-plugin-vendor-quality'), join(installed, 'node_modules', 'plugin'), { recursive: true });
  symlinkSync(ROOT, join(installed, 'node_modules', 'okra'), 'dir');
  // Synchronous, so the cases are known when mocha collects them (Node loads ES modules with require since 20.19).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = (require(join(installed, 'node_modules', 'plugin', 'index.mjs')) as { default: Plugin }).default;
  const [rule] = plugin.rules ?? [];

  const example = join(ROOT, 'examples', 'support-org');
  const tiers = readFileSync(join(example, 'tiers.yaml'), 'utf8');
  const kpis = readFileSync(join(example, 'kpis.yaml'), 'utf8');
  const vendorLine = tiers.split('\n').findIndex((l) => l.includes('vendor: atlantico-cx')) + 1;

  new RuleTester().run('vendor-has-quality-target', rule, {
    valid: [{ name: 'every tier 1 vendor has a quality target', files: { 'tiers.yaml': tiers, 'kpis.yaml': kpis } }],
    invalid: [
      {
        name: 'the vendor targets removed',
        files: { 'tiers.yaml': tiers, 'kpis.yaml': kpis.replace(/scope: (atlantico-cx|kestrel-voice)/g, 'scope: global') },
        errors: [{ messageId: 'missing', file: 'tiers.yaml', line: vendorLine, severity: 'warning', message: /"atlantico-cx"/ }],
      },
    ],
  });
});
