import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { builtinPlugin, builtinRules } from '../../core/builtin/plugin';
import type { Report, Rule } from '../../core/plugins/define-rule';
import { collectRules, runRules, type LoadedRule } from '../../core/validate/run-rules';
import { casesIn, FIXTURES, modelOf } from './fixtures';

const placeholders = (template: string): string[] => [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

/** Every case of every rule folder, plus the clean workspace. */
function allCases() {
  const cases = [{ name: '_clean', source: path.join(FIXTURES, '_clean'), golden: '', folder: true }];
  for (const folder of readdirSync(FIXTURES).filter((f) => !f.startsWith('_') && !f.startsWith('.'))) {
    cases.push(...casesIn(path.join(FIXTURES, folder, 'valid')), ...casesIn(path.join(FIXTURES, folder, 'invalid')));
  }
  return cases;
}

describe('built-in rules: metadata and messages', () => {
  it('registers the sixteen rules of the SPEC, and review/one-on-one-ends, with their documented default severities', () => {
    const severities = Object.fromEntries(collectRules([builtinPlugin]).map((r) => [r.id, r.rule.severity]));
    assert.deepEqual(severities, {
      'id/duplicate': 'error',
      'ref/unknown-person': 'error',
      'ref/unknown-team': 'error',
      'ref/unknown-kpi': 'error',
      'ref/unknown-objective': 'error',
      'ref/unknown-tier': 'error',
      'ref/unknown-vendor': 'error',
      'okr/weights-sum': 'error',
      'okr/target-equals-start': 'warning',
      'okr/date-outside-cycle': 'warning',
      'okr/alignment-loop': 'error',
      'kpi/threshold-side': 'warning',
      'kpi/duplicate-target': 'error',
      'kpi/unit-range': 'warning',
      'tier/escalation-loop': 'error',
      'tier/capacity': 'warning',
      'tier/headcount': 'error',
      'tier/handoff-hours': 'warning',
      'org/manager-loop': 'error',
      'review/stage-order': 'warning',
      'review/one-on-one-ends': 'error',
    });
  });

  for (const rule of builtinRules as ReadonlyArray<Rule<string>>) {
    describe(rule.id, () => {
      it('has an id, a one-sentence description and named messages', () => {
        assert.match(rule.id, /^[a-z]+\/[a-z0-9-]+$/);
        assert.ok(rule.description.trim().length > 20, 'description too short');
        assert.match(rule.description, /\.$/, 'description is a sentence');
        const names = Object.keys(rule.messages);
        assert.ok(names.length > 0);
        for (const name of names) assert.ok((rule.messages as Record<string, string>)[name].length > 0);
      });
    });
  }

  it('documents that tier/capacity applies to queues answered one at a time', () => {
    const capacity = builtinRules.find((r) => r.id === 'tier/capacity');
    assert.match(capacity?.docs ?? '', /one (contact )?at a time/);
    assert.match(capacity?.docs ?? '', /voice/);
  });

  it('fills every placeholder of every message, and every message is used by some fixture', () => {
    const used = new Map<string, Set<string>>();
    const problems: string[] = [];
    // Wraps each rule so the test sees the message name and data it reports, not just the text.
    const recording: LoadedRule[] = collectRules([builtinPlugin]).map((loaded) => ({
      ...loaded,
      rule: {
        ...loaded.rule,
        check(ctx) {
          loaded.rule.check({
            ...ctx,
            report(r: Report<string>) {
              const template = (loaded.rule.messages as Record<string, string>)[r.message];
              if (!used.has(loaded.id)) used.set(loaded.id, new Set());
              used.get(loaded.id)!.add(r.message);
              for (const name of placeholders(template ?? '')) {
                const value = r.data?.[name];
                if (value === undefined) problems.push(`${loaded.id}/${r.message}: {{${name}}} not given`);
                else if (name !== 'hint' && name !== 'problem' && String(value).length === 0)
                  problems.push(`${loaded.id}/${r.message}: {{${name}}} empty`);
              }
              ctx.report(r);
            },
          });
        },
      },
    }));
    for (const c of allCases()) runRules(modelOf(c).model, recording);
    assert.deepEqual(problems, []);
    for (const rule of builtinRules) {
      for (const name of Object.keys(rule.messages)) {
        assert.ok(used.get(rule.id)?.has(name), `no fixture exercises message "${name}" of ${rule.id}`);
      }
    }
  });
});
