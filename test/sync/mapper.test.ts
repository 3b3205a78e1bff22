import assert from 'node:assert/strict';
import {
  fromPage,
  mapWorkspace,
  rowHash,
  splitText,
  toProperties,
  toRichText,
  fromRichText,
  fitText,
  MAX_RICH_TEXT_CHARS,
  type LocalRow,
  type SyncKind,
} from '../../core/sync/notion';
import { fakePage } from './fake-page';
import { baseData, modelOf, NOW, WINDOW, type WorkspaceData } from './helpers';

const USERS = new Map([
  ['ada@example.com', 'user-ada'],
  ['grace@example.com', 'user-grace'],
]);

function rowsOf(data: WorkspaceData = baseData()): LocalRow[] {
  const model = modelOf(data);
  return mapWorkspace(model, { model, now: NOW, userIdByEmail: USERS }, WINDOW);
}

function find(rows: LocalRow[], kind: SyncKind, id: string): LocalRow {
  const row = rows.find((r) => r.kind === kind && r.okraId === id);
  assert.ok(row, `no ${kind} row ${id}`);
  return row;
}

describe('sync mapper: rich text', () => {
  it('keeps text up to 2,000 characters in one item and splits 2,001 into two', () => {
    assert.deepEqual(
      splitText('a'.repeat(2000)).map((p) => p.length),
      [2000],
    );
    assert.deepEqual(
      splitText('a'.repeat(2001)).map((p) => p.length),
      [2000, 1],
    );
    assert.deepEqual(splitText(''), []);
    assert.equal(fromRichText(toRichText('x'.repeat(4500)).map((t) => ({ plain_text: t.text.content }))), 'x'.repeat(4500));
  });

  it('never splits a surrogate pair and caps a value at 100 items', () => {
    const text = 'a'.repeat(1999) + '😀' + 'b';
    const pieces = splitText(text);
    assert.deepEqual(
      pieces.map((p) => p.length),
      [1999, 3],
    );
    assert.equal(pieces.join(''), text);
    const huge = splitText('z'.repeat(MAX_RICH_TEXT_CHARS + 10));
    assert.equal(huge.length, 100);
    assert.ok(huge.every((p) => p.length <= 2000));
    assert.ok(fitText('z'.repeat(MAX_RICH_TEXT_CHARS + 10)).endsWith('…'));
  });
});

describe('sync mapper: rows', () => {
  it('maps every kind, with relations as okra ids and people by email', () => {
    const rows = rowsOf();
    const count = (kind: SyncKind) => rows.filter((r) => r.kind === kind).length;
    assert.deepEqual([count('objectives'), count('keyResults'), count('kpis'), count('tiers')], [3, 7, 2, 3]);
    // Weekly 1:1s with two reports in March–April, two review stages, one retrospective.
    assert.equal(count('calendar'), 18 + 2 + 1);
    const kr = find(rows, 'keyResults', 'ops-cpc');
    assert.deepEqual(kr.relations, { Objective: ['ops-lower-cost'], KPI: ['cost-per-contact'] });
    assert.deepEqual(kr.values['Owner user'], ['user-ada']);
    assert.equal(kr.values.Progress, 0.5);
    assert.equal(kr.values.Type, 'Metric');
    assert.equal(find(rows, 'objectives', 'fl-first-touch').relations['Aligns to'][0], 'ops-lower-cost');
    assert.deepEqual(find(rows, 'tiers', 'tier-1').relations['Escalates to'], ['tier-2', 'tier-3']);
    // Grace's Org email is upper case; Linus has no Notion account.
    const oneOnOne = find(rows, 'calendar', 'okra-1on1-ada-grace-20260303@okra');
    assert.deepEqual(oneOnOne.values.Attendees, ['user-ada', 'user-grace']);
    assert.equal((find(rows, 'calendar', 'okra-1on1-ada-linus-20260303@okra').values.Attendees as string[]).length, 1);
    assert.deepEqual(find(rows, 'calendar', 'okra-review-growwise-h1-self@okra').values.Date, { start: '2026-06-05', end: null });
  });

  it('round-trips every row through toProperties and fromPage', () => {
    for (const row of rowsOf()) {
      const pageIds: Record<string, string[]> = {};
      for (const [name, ids] of Object.entries(row.relations)) pageIds[name] = ids.map((id) => `page-${id}`);
      const page = fakePage(row.kind, `page-${row.okraId}`, toProperties(row, { hash: row.hash, relationPageIds: pageIds }));
      const back = fromPage(page, row.kind);
      assert.ok(back);
      assert.equal(back.okraId, row.okraId);
      assert.equal(back.storedHash, row.hash);
      assert.deepEqual(back.values, row.values, `${row.key} values`);
      assert.deepEqual(back.relations, pageIds, `${row.key} relations`);
      assert.deepEqual(back.missing, []);
      const relations: Record<string, string[]> = {};
      for (const [name, ids] of Object.entries(back.relations)) relations[name] = ids.map((id) => id.replace('page-', ''));
      assert.equal(rowHash(row.kind, back.values, relations), row.hash, `${row.key} hash`);
    }
  });

  it('finds a renamed column by its id and lists deleted ones as missing', () => {
    const row = find(rowsOf(), 'keyResults', 'fl-fcr');
    const page = fakePage('keyResults', 'p1', toProperties(row, { hash: row.hash })) as { properties: Record<string, unknown> };
    page.properties['Progress %'] = page.properties.Progress;
    delete page.properties.Progress;
    delete page.properties.Unit;
    const back = fromPage(page, 'keyResults', { Progress: 'id-Progress' });
    assert.equal(back?.values.Progress, row.values.Progress);
    assert.deepEqual(back?.missing, ['Unit']);
  });

  it('ignores partial page objects', () => {
    assert.equal(fromPage({ object: 'page', id: 'x' }, 'objectives'), undefined);
  });

  it('writes a 2,001-character description as two rich text items', () => {
    const data = baseData();
    data.objectives[0].description = 'd'.repeat(2001);
    const row = find(rowsOf(data), 'objectives', 'ops-lower-cost');
    const props = toProperties(row, { hash: row.hash });
    const items = props.Description.rich_text as Array<{ text: { content: string } }>;
    assert.deepEqual(
      items.map((i) => i.text.content.length),
      [2000, 1],
    );
  });
});

describe('sync mapper: hash', () => {
  it('is stable across runs and key order, and changes with any value or relation', () => {
    const a = rowsOf();
    const b = rowsOf();
    assert.deepEqual(
      a.map((r) => r.hash),
      b.map((r) => r.hash),
    );
    const row = find(a, 'keyResults', 'fl-fcr');
    const reversed = Object.fromEntries(Object.entries(row.values).reverse());
    assert.equal(rowHash(row.kind, reversed, row.relations), row.hash);
    assert.notEqual(rowHash(row.kind, { ...row.values, Current: 72 }, row.relations), row.hash);
    assert.notEqual(rowHash(row.kind, row.values, { ...row.relations, KPI: [] }), row.hash);
    assert.equal(rowHash(row.kind, row.values, { KPI: row.relations.KPI, Objective: row.relations.Objective }), row.hash);
  });

  it('changes only the rows whose content changed', () => {
    const data = baseData();
    data.objectives[1].key_results[0].current = 72;
    const before = new Map(rowsOf().map((r) => [r.key, r.hash]));
    const changed = rowsOf(data)
      .filter((r) => before.get(r.key) !== r.hash)
      .map((r) => r.key);
    // The KR itself and its objective (whose progress moves); nothing else.
    assert.deepEqual(changed.sort(), ['keyResults/fl-fcr', 'objectives/fl-first-touch']);
  });
});
