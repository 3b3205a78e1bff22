import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerSyncCommand } from '../../cli/commands/sync';
import { UsageError } from '../../cli/errors';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import {
  BASE_COUNTS,
  baseData,
  countingFetch,
  databaseTitles,
  duplicates,
  rowsByDatabase,
  sync,
  tempDir,
  writeWorkspace,
  type WorkspaceData,
} from './helpers';

const CALENDAR_ROWS = 18 + 2 + 1;

describe('okra sync against the sandbox', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  let dir: string;
  let data: WorkspaceData;

  beforeEach(async () => {
    t = await startTestSandbox();
    dir = tempDir('sync');
    data = baseData();
    writeWorkspace(dir, t.rootPageId, data);
  });
  afterEach(() => t.close());

  const rewrite = () => writeWorkspace(dir, t.rootPageId, data);
  const rows = () => rowsByDatabase(t.sandbox.state());
  const live = (title: string) => rows()[title].filter((r) => !r.inTrash);

  it('first sync creates the five databases and every row, with relations resolved', async () => {
    const run = await sync(dir, t.sandbox);
    assert.equal(run.exitCode, 0, run.output);
    assert.deepEqual(databaseTitles(t.sandbox.state()), ['Calendar', 'KPIs', 'Key Results', 'Objectives', 'Tiers']);
    for (const [title, count] of Object.entries({ ...BASE_COUNTS, Calendar: CALENDAR_ROWS }))
      assert.equal(live(title).length, count, title);
    const kr = live('Key Results').find((r) => r.okraId === 'ops-cpc')!;
    assert.deepEqual(kr.values.Objective, ['ops-lower-cost']);
    assert.deepEqual(kr.values.KPI, ['cost-per-contact']);
    const ada = t.sandbox.users().find((u) => u.email === 'ada@example.com')!;
    assert.deepEqual(kr.values['Owner user'], [ada.id]);
    const objectives = live('Objectives');
    assert.deepEqual(objectives.find((o) => o.okraId === 'fl-first-touch')!.values['Aligns to'], ['ops-lower-cost']);
    // The objective side is Notion's mirror of the KR → Objective relation.
    assert.deepEqual(objectives.find((o) => o.okraId === 'fl-first-touch')!.values['Key results'], ['fl-aht', 'fl-fcr', 'fl-macros']);
    assert.deepEqual(live('Tiers').find((r) => r.okraId === 'tier-1')!.values['Escalates to'], ['tier-2', 'tier-3']);
    assert.ok(
      Object.values(rows())
        .flat()
        .every((r) => r.okraId !== '' && String(r.values['okra hash']).length === 20),
    );
    assert.match(run.output, /Plan: 36 to create, 0 to update, 0 to archive, 0 unchanged\./);
    const state = JSON.parse(readFileSync(join(dir, '.okra', 'notion-state.json'), 'utf8')) as {
      rows: Record<string, { pageId: string }>;
      databases: Record<string, unknown>;
    };
    assert.equal(Object.keys(state.rows).length, 36);
    assert.equal(Object.keys(state.databases).length, 5);
  });

  it('a re-sync with no change makes no writes and reads each database in one query page', async () => {
    await sync(dir, t.sandbox);
    const writesBefore = t.sandbox.stats().writes;
    const counter = countingFetch();
    const run = await sync(dir, t.sandbox, { fetch: counter.fetch });
    assert.equal(t.sandbox.stats().writes, writesBefore);
    assert.equal(counter.writes(), 0);
    assert.equal(counter.counts.get('POST /v1/data_sources/:id/query'), 5);
    assert.match(run.output, /Plan: 0 to create, 0 to update, 0 to archive, 36 unchanged\./);
  });

  it('a one-field change makes exactly one write', async () => {
    await sync(dir, t.sandbox);
    data.objectives[1].key_results[1].title = 'Top 60 macros rewritten';
    rewrite();
    const counter = countingFetch();
    const writesBefore = t.sandbox.stats().writes;
    const run = await sync(dir, t.sandbox, { fetch: counter.fetch });
    assert.equal(t.sandbox.stats().writes - writesBefore, 1);
    assert.equal(counter.counts.get('PATCH /v1/pages/:id'), 1);
    assert.match(run.output, /~ update key-result fl-macros \(Name\)/);
    assert.equal(live('Key Results').find((r) => r.okraId === 'fl-macros')!.values.Name, 'Top 60 macros rewritten');
  });

  it('archives a removed objective and leaves a page made by hand alone', async () => {
    await sync(dir, t.sandbox);
    const state = JSON.parse(readFileSync(join(dir, '.okra', 'notion-state.json'), 'utf8')) as {
      databases: Record<string, { dataSourceId: string }>;
    };
    const byHand = await t.client.pages.create({
      parent: { type: 'data_source_id', data_source_id: state.databases.objectives.dataSourceId },
      properties: { Name: { title: [{ text: { content: 'Team offsite ideas' } }] } },
    });
    const handEdited = rows().Objectives.find((r) => r.pageId === byHand.id.replace(/-/g, '') || r.pageId === byHand.id)!;
    const before = t.sandbox.state().pages[handEdited.pageId].last_edited_time;
    data.objectives.splice(2, 1);
    rewrite();
    const run = await sync(dir, t.sandbox);
    assert.match(run.output, /- archive objective cx-satisfaction/);
    const all = rows();
    assert.equal(all.Objectives.find((r) => r.okraId === 'cx-satisfaction')!.inTrash, true);
    assert.deepEqual(
      all['Key Results'].filter((r) => r.inTrash).map((r) => r.okraId),
      ['cx-csat', 'cx-survey'],
    );
    const hand = t.sandbox.state().pages[handEdited.pageId];
    assert.equal(hand.in_trash, false);
    assert.equal(hand.last_edited_time, before);
  });

  it('renaming an id archives the old row and creates the new one', async () => {
    await sync(dir, t.sandbox);
    data.objectives[2].id = 'cx-happiness';
    rewrite();
    const run = await sync(dir, t.sandbox);
    assert.match(run.output, /\+ create objective cx-happiness/);
    assert.match(run.output, /- archive objective cx-satisfaction/);
    const objectives = rows().Objectives;
    assert.equal(objectives.find((r) => r.okraId === 'cx-satisfaction')!.inTrash, true);
    assert.equal(objectives.find((r) => r.okraId === 'cx-happiness')!.inTrash, false);
    assert.deepEqual(live('Key Results').find((r) => r.okraId === 'cx-csat')!.values.Objective, ['cx-happiness']);
    assert.deepEqual(duplicates(t.sandbox.state()), []);
  });

  it('rebuilds a lost state file from the okra ids in Notion without duplicates', async () => {
    await sync(dir, t.sandbox);
    const statePath = join(dir, '.okra', 'notion-state.json');
    const original = JSON.parse(readFileSync(statePath, 'utf8')) as { rows: Record<string, { pageId: string }> };
    rmSync(statePath);
    const writesBefore = t.sandbox.stats().writes;
    const run = await sync(dir, t.sandbox);
    assert.equal(t.sandbox.stats().writes, writesBefore, run.output);
    assert.ok(existsSync(statePath));
    const rebuilt = JSON.parse(readFileSync(statePath, 'utf8')) as { rows: Record<string, { pageId: string }> };
    assert.deepEqual(rebuilt.rows, original.rows);
    assert.deepEqual(duplicates(t.sandbox.state()), []);
    assert.equal(databaseTitles(t.sandbox.state()).length, 5);
  });

  it('reports a row edited in Notion and in the YAML as a conflict and keeps the Notion edit', async () => {
    await sync(dir, t.sandbox);
    const page = live('Key Results').find((r) => r.okraId === 'fl-aht')!;
    t.sandbox.simulateUserEdit({ pageId: page.pageId, properties: { Current: { number: 500 } } });
    // A Notion-only edit is not overwritten by a sync with no YAML change.
    const quiet = await sync(dir, t.sandbox);
    assert.equal(quiet.exitCode, 0);
    assert.match(quiet.output, /1 edited in Notion only/);
    data.objectives[1].key_results[2].current = 505;
    rewrite();
    const run = await sync(dir, t.sandbox);
    assert.equal(run.exitCode, 1);
    assert.match(run.output, /! conflict key-result fl-aht: edited in Notion and in the YAML \(.*Current.*\)/);
    assert.equal(live('Key Results').find((r) => r.okraId === 'fl-aht')!.values.Current, 500);
  });

  it('repairs a renamed and a deleted column and rewrites the lost values', async () => {
    await sync(dir, t.sandbox);
    const state = JSON.parse(readFileSync(join(dir, '.okra', 'notion-state.json'), 'utf8')) as {
      databases: Record<string, { dataSourceId: string }>;
    };
    const dsId = state.databases.keyResults.dataSourceId;
    await t.client.dataSources.update({ data_source_id: dsId, properties: { Progress: { name: 'Progress %' }, Unit: null } });
    const run = await sync(dir, t.sandbox);
    assert.match(run.output, /~ repair database Key Results: "Progress %" → "Progress", Unit \(deleted\)/);
    const krs = live('Key Results');
    assert.equal(krs.find((r) => r.okraId === 'ops-cpc')!.values.Unit, 'EUR');
    assert.equal(krs.find((r) => r.okraId === 'ops-cpc')!.values.Progress, 0.5);
    assert.ok(!('Progress %' in krs[0].values));
    const again = await sync(dir, t.sandbox);
    assert.match(again.output, /Plan: 0 to create, 0 to update, 0 to archive, 36 unchanged\./);
  });

  it('syncs a 2,001-character description as two rich text items', async () => {
    data.objectives[0].description = 'x'.repeat(2001);
    rewrite();
    await sync(dir, t.sandbox);
    const state = t.sandbox.state();
    const ds = Object.values(state.data_sources).find(
      (d) => state.databases[d.database_id] && d.properties.some((p) => p.name === 'Aligns to'),
    )!;
    const prop = ds.properties.find((p) => p.name === 'Description')!;
    const page = Object.values(state.pages).find((p) => rows().Objectives.some((r) => r.pageId === p.id && r.okraId === 'ops-lower-cost'))!;
    assert.deepEqual(
      (page.properties[prop.id] as Array<{ plain_text: string }>).map((i) => i.plain_text.length),
      [2000, 1],
    );
    const again = await sync(dir, t.sandbox);
    assert.match(again.output, /0 to update/);
  });

  it('relates 150 key results to one objective, never more than 100 relation items per request', async () => {
    data.objectives[2].key_results = Array.from({ length: 150 }, (_, i) => ({
      id: `cx-kr-${i}`,
      title: `Key result ${i}`,
      type: 'boolean' as const,
      done: i % 2 === 0,
    }));
    rewrite();
    const run = await sync(dir, t.sandbox);
    assert.equal(run.exitCode, 0, run.output);
    const objective = live('Objectives').find((r) => r.okraId === 'cx-satisfaction')!;
    assert.equal((objective.values['Key results'] as string[]).length, 150);
    assert.equal(objective.values.Progress, 0.5);
    const again = await sync(dir, t.sandbox);
    assert.match(again.output, /0 to create, 0 to update, 0 to archive/);
  });

  it('--dry-run prints the plan and writes nothing, in Notion or on disk', async () => {
    await sync(dir, t.sandbox);
    data.objectives[0].title = 'Lower the cost to serve, for real';
    data.objectives.splice(2, 1);
    rewrite();
    const statePath = join(dir, '.okra', 'notion-state.json');
    const stateBefore = readFileSync(statePath, 'utf8');
    const writesBefore = t.sandbox.stats().writes;
    const run = await sync(dir, t.sandbox, { dryRun: true });
    assert.equal(t.sandbox.stats().writes, writesBefore);
    assert.equal(readFileSync(statePath, 'utf8'), stateBefore);
    assert.match(run.output, /~ update objective ops-lower-cost \(Name\)/);
    assert.match(run.output, /- archive objective cx-satisfaction\n- archive key-result cx-csat\n- archive key-result cx-survey/);
    assert.match(run.output, /Plan: 0 to create, 1 to update, 3 to archive, 32 unchanged\.\nDry run: nothing was written/);
  });
});

describe('okra sync command', () => {
  it('refuses to run without NOTION_TOKEN (a usage error: exit code 2)', async () => {
    const t = await startTestSandbox();
    const saved = process.env.NOTION_TOKEN;
    delete process.env.NOTION_TOKEN;
    try {
      const dir = tempDir('no-token');
      writeWorkspace(dir, t.rootPageId, baseData());
      const program = new Command('okra').exitOverride();
      registerSyncCommand(program);
      const error = await program.parseAsync(['sync', '--workspace', dir, '--dry-run'], { from: 'user' }).catch((e: unknown) => e);
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /NOTION_TOKEN is not set/);
      assert.equal(t.sandbox.stats().requests, 0);
    } finally {
      if (saved !== undefined) process.env.NOTION_TOKEN = saved;
      await t.close();
    }
  });
});
