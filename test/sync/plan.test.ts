import assert from 'node:assert/strict';
import {
  checkSchema,
  emptyState,
  formatPlan,
  fromPage,
  mapWorkspace,
  planSync,
  toProperties,
  type LocalRow,
  type RemoteRow,
  type RemoteSnapshot,
  type SchemaProperty,
  type SyncKind,
} from '../../core/sync/notion';
import { baseData, modelOf, NOW, WINDOW, type WorkspaceData } from './helpers';
import { fakePage } from './fake-page';

function localRows(data: WorkspaceData = baseData()): LocalRow[] {
  const model = modelOf(data);
  return mapWorkspace(model, { model, now: NOW, userIdByEmail: new Map() }, WINDOW);
}

const KINDS: SyncKind[] = ['objectives', 'keyResults', 'kpis', 'tiers', 'calendar'];

/** Notion as it would be after pushing `rows`: one page per row, created by the bot. */
function remoteOf(rows: LocalRow[], edit?: (row: LocalRow, props: Record<string, Record<string, unknown>>) => void): RemoteSnapshot {
  const remote: RemoteRow[] = [];
  for (const row of rows) {
    const pageIds: Record<string, string[]> = {};
    for (const [name, ids] of Object.entries(row.relations)) pageIds[name] = ids.map((id) => `page-${id}`);
    const props = toProperties(row, { hash: row.hash, relationPageIds: pageIds });
    edit?.(row, props);
    remote.push(fromPage(fakePage(row.kind, `page-${row.okraId}`, props), row.kind)!);
  }
  const databases: RemoteSnapshot['databases'] = {};
  for (const kind of KINDS) databases[kind] = { kind, databaseId: `db-${kind}`, dataSourceId: `ds-${kind}`, propertyIds: {}, drift: [] };
  return { botId: 'bot', databases, rows: remote };
}

const ops = (plan: ReturnType<typeof planSync>, op: string) =>
  plan.rows
    .filter((r) => r.op === op)
    .map((r) => r.key)
    .sort();

describe('sync plan', () => {
  it('creates databases and every row when Notion is empty, relation targets first', () => {
    const plan = planSync(localRows(), { botId: 'bot', databases: {}, rows: [] }, emptyState('p'));
    assert.deepEqual(
      plan.databases.map((d) => d.op),
      ['create', 'create', 'create', 'create', 'create'],
    );
    const order = plan.rows.map((r) => r.key);
    assert.ok(order.indexOf('objectives/ops-lower-cost') < order.indexOf('objectives/fl-first-touch'), 'aligned-to objective first');
    assert.ok(order.indexOf('kpis/fcr') < order.indexOf('keyResults/fl-fcr'));
    assert.ok(
      order.indexOf('tiers/tier-3') < order.indexOf('tiers/tier-2') && order.indexOf('tiers/tier-2') < order.indexOf('tiers/tier-1'),
    );
    assert.equal(plan.counts.create, plan.rows.length);
  });

  it('leaves rows whose stored hash matches alone', () => {
    const rows = localRows();
    const plan = planSync(rows, remoteOf(rows), emptyState('p'));
    assert.equal(plan.counts.unchanged, rows.length);
    assert.deepEqual([plan.counts.create, plan.counts.update, plan.counts.archive, plan.counts.conflicts], [0, 0, 0, 0]);
    assert.match(formatPlan(plan), /^Plan: 0 to create, 0 to update, 0 to archive, 36 unchanged\.\n$/);
  });

  it('updates a changed row with just the properties that changed', () => {
    const before = localRows();
    const data = baseData();
    data.objectives[2].key_results[0].title = 'CSAT from 4.2 to 4.6';
    const plan = planSync(localRows(data), remoteOf(before), emptyState('p'));
    assert.deepEqual(ops(plan, 'update'), ['keyResults/cx-csat']);
    const update = plan.rows.find((r) => r.op === 'update');
    assert.ok(update?.op === 'update');
    assert.deepEqual(update.changed, ['Name']);
    assert.match(formatPlan(plan), /~ update key-result cx-csat \(Name\)\n\nPlan: 0 to create, 1 to update, 0 to archive, 35 unchanged\./);
  });

  it('archives rows okra created that left the YAML, never pages people made', () => {
    const rows = localRows();
    const remote = remoteOf(rows);
    const byHand = fromPage(
      fakePage('objectives', 'page-hand', toProperties(rows[4], { hash: '' }), { createdBy: 'someone' }),
      'objectives',
    )!;
    byHand.okraId = 'made-by-hand';
    byHand.key = 'objectives/made-by-hand';
    remote.rows.push(byHand);
    const data = baseData();
    data.objectives.splice(2, 1);
    const plan = planSync(localRows(data), remote, emptyState('p'));
    assert.deepEqual(ops(plan, 'archive'), ['keyResults/cx-csat', 'keyResults/cx-survey', 'objectives/cx-satisfaction']);
    assert.ok(!plan.rows.some((r) => r.key === 'objectives/made-by-hand'));
    assert.match(formatPlan(plan), /- archive objective cx-satisfaction/);
  });

  it('keeps retained rows and archives a duplicate okra created', () => {
    const rows = localRows();
    const remote = remoteOf(rows);
    const dup = { ...remote.rows[0], pageId: 'page-dup', createdTime: '2026-03-02T00:00:00.000Z' };
    remote.rows.push(dup);
    const old = {
      ...remote.rows.find((r) => r.kind === 'calendar')!,
      okraId: 'okra-1on1-ada-grace-20260101@okra',
      key: 'calendar/okra-1on1-ada-grace-20260101@okra',
      pageId: 'page-old',
    };
    remote.rows.push(old);
    const plan = planSync(rows, remote, emptyState('p'), { retain: (r) => r.pageId === 'page-old' });
    assert.deepEqual(
      plan.rows.filter((r) => r.op === 'archive').map((r) => (r.op === 'archive' ? [r.pageId, r.reason] : [])),
      [['page-dup', 'duplicate']],
    );
    assert.ok(plan.rows.some((r) => r.op === 'unchanged' && r.pageId === 'page-old' && r.retained));
  });

  it('reports a row edited in Notion and in the YAML as a conflict and does not write it', () => {
    const rows = localRows();
    const remote = remoteOf(rows, (row, props) => {
      if (row.okraId === 'fl-aht') props.Current = { number: 500 };
    });
    const data = baseData();
    data.objectives[1].key_results[2].current = 505;
    const plan = planSync(localRows(data), remote, emptyState('p'));
    assert.deepEqual(
      plan.conflicts.map((c) => c.key),
      ['keyResults/fl-aht'],
    );
    assert.ok(plan.conflicts[0].properties.includes('Current'));
    assert.ok(!plan.rows.some((r) => r.key === 'keyResults/fl-aht'));
    assert.match(formatPlan(plan), /! conflict key-result fl-aht/);
    // The same Notion edit with no YAML change is not overwritten either; it counts as a remote edit.
    const quiet = planSync(rows, remote, emptyState('p'));
    assert.equal(quiet.counts.remoteEdits, 1);
    assert.equal(quiet.counts.update, 0);
    // Forced, the YAML wins.
    const forced = ops(planSync(localRows(data), remote, emptyState('p'), { overwriteConflicts: true }), 'update');
    assert.ok(forced.includes('keyResults/fl-aht'));
  });

  it('does not call an edit that matches the YAML a conflict: it only writes the hash', () => {
    const data = baseData();
    data.objectives[1].key_results[2].current = 505;
    const after = localRows(data).find((r) => r.key === 'keyResults/fl-aht')!;
    // Someone typed the new value (and Notion shows the same progress) before the YAML caught up.
    const remote = remoteOf(localRows(), (row, props) => {
      if (row.okraId === 'fl-aht') {
        props.Current = { number: 505 };
        props.Progress = { number: after.values.Progress };
      }
    });
    const plan = planSync(localRows(data), remote, emptyState('p'));
    assert.equal(plan.conflicts.length, 0);
    const update = plan.rows.find((r) => r.key === 'keyResults/fl-aht');
    assert.ok(update?.op === 'update');
    assert.deepEqual(update.changed, []);
  });
});

describe('sync plan: schema drift', () => {
  const schema = (names: Record<string, string> = {}): SchemaProperty[] => [
    { id: 'title', name: names.title ?? 'Name', type: 'title' },
    { id: 'a', name: 'okra id', type: 'rich_text' },
    { id: 'b', name: 'okra hash', type: 'rich_text' },
    { id: 'c', name: names.c ?? 'Definition', type: 'rich_text' },
    { id: 'd', name: 'Unit', type: names.dType ?? 'select' },
  ];

  it('recognises a renamed column by id, a deleted one, and a changed type', () => {
    const check = checkSchema('kpis', schema({ c: 'What it means', dType: 'rich_text' }), { Definition: 'c', Unit: 'd' }, {});
    assert.equal(check.propertyIds.Definition, 'c');
    const drift = Object.fromEntries(check.drift.map((d) => [d.property, d.problem]));
    assert.equal(drift.Definition, 'renamed');
    assert.equal(drift.Unit, 'retyped');
    assert.equal(drift.Direction, 'deleted');
    assert.equal(drift.Name, undefined);
  });

  it('plans a repair, and rewrites the values of deleted columns', () => {
    const rows = localRows();
    const remote = remoteOf(rows);
    remote.databases.kpis!.drift = [{ property: 'Definition', problem: 'deleted' }];
    for (const r of remote.rows) if (r.kind === 'kpis') delete r.values.Definition;
    const plan = planSync(rows, remote, emptyState('p'));
    assert.deepEqual(plan.databases, [{ op: 'repair', kind: 'kpis', drift: [{ property: 'Definition', problem: 'deleted' }] }]);
    assert.deepEqual(ops(plan, 'update'), ['kpis/cost-per-contact', 'kpis/fcr']);
    assert.equal(plan.conflicts.length, 0);
  });
});
