import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { codeLenses, offsetAt, okrTree, type OkrNode } from '../../core';
import { exampleSession, FIXTURES, readTree, sessionOf } from './helpers';

const AT = DateTime.fromISO('2026-04-15T12:00', { zone: 'Europe/Lisbon' });

describe('language/okr-tree', () => {
  const { session, texts } = exampleSession();
  const model = session.workspace;

  it('groups cycle → owner → objective → key result', () => {
    const tree = okrTree(model, AT);
    assert.deepEqual(
      tree.map((c) => [c.type, c.label]),
      [['cycle', '2026-H1']],
    );
    const owners = tree[0].children;
    assert.deepEqual(
      owners.map((o) => [o.type, o.label]),
      [
        ['owner', 'Amara Okafor'],
        ['owner', 'Frontline (Tier 1)'],
        ['owner', 'Support Operations'],
      ],
    );
    const frontline = owners[1];
    assert.deepEqual(
      frontline.children.map((o) => [o.type, o.key]),
      [
        ['objective', 'objective:fl-resolve-first-time'],
        ['objective', 'objective:fl-answer-within-20s'],
        ['objective', 'objective:fl-customers-feel-heard'],
      ],
    );
    const objective = frontline.children[0];
    assert.equal(objective.label, 'Resolve more at the first touch');
    assert.deepEqual(
      objective.children.map((k) => [k.type, k.key]),
      [
        ['key_result', 'key_result:fl-fcr'],
        ['key_result', 'key_result:fl-aht'],
        ['key_result', 'key_result:fl-macros-rewritten'],
      ],
    );
    const all = (nodes: OkrNode[]): OkrNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
    const objectives = all(tree).filter((n) => n.type === 'objective');
    assert.equal(objectives.length, model.objectives.all.length);
    for (const node of all(tree).filter((n) => n.type === 'objective' || n.type === 'key_result')) {
      assert.ok(node.status === 'on_track' || node.status === 'at_risk' || node.status === 'off_track', node.key);
      assert.match(node.description, /^\d+% · (on track|at risk|off track) · score \d\.\d$/, node.key);
      const id = node.key.split(':')[1];
      const text = texts[node.location!.file];
      assert.equal(text.slice(offsetAt(text, node.location!.range.start), offsetAt(text, node.location!.range.end)), id);
    }
    assert.match(frontline.description, /^\d+% · 3 objectives/);
  });

  it('gives a key result with known progress its figures', () => {
    // fl-aht: 540 s → 480 s, now 510 s: half way. 58 % of 2026-H1 has passed on 15 April.
    const kr = okrTree(model, AT)[0].children[1].children[0].children[1];
    assert.equal(kr.key, 'key_result:fl-aht');
    assert.equal(kr.progress, 0.5);
    assert.equal(kr.score, 0.5);
    assert.equal(kr.status, 'on_track');
    assert.equal(kr.description, '50% · on track · score 0.5');
  });

  it('puts a CodeLens on every objective and key result of a file', () => {
    const path = 'okrs/frontline-2026-h1.yaml';
    const lenses = codeLenses(model, path, AT);
    const ids = [...texts[path].matchAll(/^\s+- id: (\S+)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      lenses.map((l) => l.id),
      ids,
    );
    const aht = lenses.find((l) => l.id === 'fl-aht')!;
    assert.equal(aht.type, 'key_result');
    assert.equal(aht.title, '50% · on track · score 0.5');
    assert.equal(texts[path].split('\n')[aht.range.start.line].trim(), '- id: fl-aht');
    const fcr = lenses.find((l) => l.id === 'fl-fcr')!;
    assert.equal(fcr.title, '43% · at risk · score 0.4');
    assert.deepEqual(codeLenses(model, 'kpis.yaml', AT), []);
  });

  it('judges status at the moment given: everything is on track before the cycle starts', () => {
    const before = okrTree(model, DateTime.fromISO('2025-12-01', { zone: 'Europe/Lisbon' }));
    const statuses = before[0].children.flatMap((o) => o.children.map((c) => c.status));
    assert.ok(statuses.every((s) => s === 'on_track'));
  });

  it('labels an owner with its name as written, and marks a KR with a pessimistic check-in off track', () => {
    const mini = readTree(join(FIXTURES, 'mini'));
    const tree = okrTree(sessionOf(mini).workspace, AT);
    const owner = tree[0].children[0];
    assert.equal(owner.label, 'Care <Tier 1> *core*', 'labels are plain text: the extension does not render Markdown there');
    const [csatUp, ahtDown] = owner.children[0].children;
    assert.equal(csatUp.description, '60% · on track · score 0.6');
    assert.equal(ahtDown.description, '0% · off track · score 0.0');
    assert.match(owner.description, /1 objective/);
  });
});
