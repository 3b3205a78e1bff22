import assert from 'node:assert/strict';
import { isFullDataSource, isFullDatabase } from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { createKitchenSink, isValidation } from './fixtures';

describe('sandbox: databases and data sources', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('creates a database with an initial data source and exposes the data source id', async () => {
    const db = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: 'KPIs' } }],
      initial_data_source: { properties: { Name: { title: {} }, Target: { number: {} } } },
    });
    assert.ok(isFullDatabase(db));
    assert.equal(db.data_sources.length, 1);
    assert.equal(db.data_sources[0].name, 'KPIs');
    assert.deepEqual(db.parent, { type: 'page_id', page_id: t.rootPageId });
    assert.equal('properties' in db, false, 'databases carry no schema in 2025-09-03');
    const ds = await t.client.dataSources.retrieve({ data_source_id: db.data_sources[0].id });
    assert.ok(isFullDataSource(ds));
    assert.deepEqual(ds.parent, { type: 'database_id', database_id: db.id });
    assert.equal(ds.properties.Name.id, 'title');
    assert.equal(ds.properties.Target.type, 'number');
    assert.deepEqual(Object.keys(ds.properties), ['Name', 'Target']);
    const again = await t.client.databases.retrieve({ database_id: db.id });
    assert.ok(isFullDatabase(again));
    assert.equal(again.data_sources[0].id, ds.id);
  });

  it('lists the new database as a child_database block of its parent page', async () => {
    const children = await t.client.blocks.children.list({ block_id: t.rootPageId });
    const kinds = children.results.map((b) => ('type' in b ? b.type : 'partial'));
    assert.ok(kinds.includes('child_database'));
  });

  it('refuses workspace parents for the internal integration', async () => {
    await assert.rejects(
      t.client.databases.create({
        parent: { type: 'workspace', workspace: true },
        title: [],
        initial_data_source: { properties: { Name: { title: {} } } },
      }),
      isValidation(/workspace-level private pages is not supported/),
    );
  });

  it('requires exactly one title property', async () => {
    await assert.rejects(
      t.client.databases.create({
        parent: { type: 'page_id', page_id: t.rootPageId },
        initial_data_source: { properties: { Notes: { rich_text: {} } } },
      }),
      isValidation(/Title property missing/),
    );
  });

  it("reports a missing parent with Notion's message style", async () => {
    await assert.rejects(
      t.client.request({ path: 'databases', method: 'post', body: { title: [] } }),
      isValidation('body failed validation: body.parent should be defined, instead was `undefined`.'),
    );
  });

  it('builds relations from data_source_id and rejects a bare database_id', async () => {
    const { dataSourceId, targetDataSourceId } = await createKitchenSink(t.client, t.rootPageId);
    const ds = await t.client.dataSources.retrieve({ data_source_id: dataSourceId });
    assert.ok(isFullDataSource(ds));
    const rel = ds.properties.Objective;
    assert.equal(rel.type, 'relation');
    if (rel.type === 'relation') {
      assert.equal(rel.relation.data_source_id, targetDataSourceId);
      assert.match(rel.relation.database_id, /^[0-9a-f-]{36}$/);
    }
    const target = await t.client.dataSources.retrieve({ data_source_id: targetDataSourceId });
    assert.ok(isFullDataSource(target));
    await assert.rejects(
      t.client.dataSources.update({
        data_source_id: dataSourceId,
        properties: { Bad: { relation: { database_id: (target as { parent: { database_id: string } }).parent.database_id } } } as never,
      }),
      isValidation('body failed validation: body.properties.Bad.relation.data_source_id should be defined, instead was `undefined`.'),
    );
  });

  it('creates the reverse property for a dual relation and mirrors values', async () => {
    const a = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: 'Tiers' } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    assert.ok(isFullDatabase(a));
    const b = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: 'Teams' } }],
      initial_data_source: {
        properties: {
          Name: { title: {} },
          Tier: {
            relation: { data_source_id: a.data_sources[0].id, type: 'dual_property', dual_property: { synced_property_name: 'Teams' } },
          },
        },
      },
    });
    assert.ok(isFullDatabase(b));
    const tiers = await t.client.dataSources.retrieve({ data_source_id: a.data_sources[0].id });
    assert.ok(isFullDataSource(tiers));
    assert.equal(tiers.properties.Teams?.type, 'relation');
    const tier = await t.client.pages.create({
      parent: { data_source_id: a.data_sources[0].id },
      properties: { Name: { title: [{ text: { content: 'Tier 1' } }] } },
    });
    await t.client.pages.create({
      parent: { data_source_id: b.data_sources[0].id },
      properties: { Name: { title: [{ text: { content: 'Team A' } }] }, Tier: { relation: [{ id: tier.id }] } },
    });
    const after = await t.client.pages.retrieve({ page_id: tier.id });
    assert.ok('properties' in after);
    const teams = after.properties.Teams;
    assert.equal(teams.type === 'relation' ? teams.relation.length : -1, 1);
  });

  it('adds, renames and deletes schema properties on update', async () => {
    const db = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [],
      initial_data_source: { properties: { Name: { title: {} }, Old: { rich_text: {} } } },
    });
    assert.ok(isFullDatabase(db));
    const dsId = db.data_sources[0].id;
    const before = await t.client.dataSources.retrieve({ data_source_id: dsId });
    assert.ok(isFullDataSource(before));
    const oldId = before.properties.Old.id;
    const updated = await t.client.dataSources.update({
      data_source_id: dsId,
      properties: { [oldId]: { name: 'Renamed' }, Hash: { rich_text: {} }, Name: { name: 'Title' } },
    });
    assert.ok(isFullDataSource(updated));
    assert.deepEqual(Object.keys(updated.properties).sort(), ['Hash', 'Renamed', 'Title']);
    assert.equal(updated.properties.Renamed.id, oldId);
    const deleted = await t.client.dataSources.update({ data_source_id: dsId, properties: { Hash: null } });
    assert.ok(isFullDataSource(deleted));
    assert.equal(deleted.properties.Hash, undefined);
    await assert.rejects(
      t.client.dataSources.update({ data_source_id: dsId, properties: { Title: null } }),
      isValidation('Cannot delete the title property.'),
    );
  });

  it('trashes and restores a database', async () => {
    const db = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    const trashed = await t.client.databases.update({ database_id: db.id, in_trash: true });
    assert.ok(isFullDatabase(trashed));
    assert.equal(trashed.in_trash, true);
    const restored = await t.client.databases.update({ database_id: db.id, in_trash: false });
    assert.ok(isFullDatabase(restored));
    assert.equal(restored.in_trash, false);
  });
});
