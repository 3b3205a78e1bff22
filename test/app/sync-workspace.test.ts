import assert from 'node:assert/strict';
import { AppError, NOTION_STATE_FILE, syncHasWork, syncWorkspace, type SyncEvent } from '../../core/app';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { baseData, rowsByDatabase } from '../sync/helpers';
import { memoryContext, sandboxOptions } from './helpers';

describe('syncWorkspace (core/app) against the sandbox', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(() => t.close());

  /** Titles of the pages under the "Documents" page, read through the Notion SDK. */
  const documentTitles = async (): Promise<string[]> => {
    const found = await t.client.search({ query: 'Documents', filter: { property: 'object', value: 'page' } });
    const root = found.results.find(
      (p) => 'parent' in p && p.parent.type === 'page_id' && p.parent.page_id.replace(/-/g, '') === t.rootPageId.replace(/-/g, ''),
    );
    assert.ok(root, 'a Documents page under the parent page');
    const children = await t.client.blocks.children.list({ block_id: root.id, page_size: 100 });
    return children.results.flatMap((b) => ('type' in b && b.type === 'child_page' ? [b.child_page.title] : [])).sort();
  };

  it('syncs rows and rendered documents with the token from the host, and keeps the state through the host', async () => {
    const { ctx, files } = memoryContext(t.rootPageId, t.sandbox.token);
    const events: SyncEvent['type'][] = [];
    const first = await syncWorkspace(ctx, sandboxOptions(t.sandbox, { onEvent: (e) => events.push(e.type) }));
    assert.equal(first.applied, true);
    assert.deepEqual(first.problems, { failed: 0, conflicts: 0 });
    assert.deepEqual(events, ['plan', 'documents']);
    assert.equal(rowsByDatabase(t.sandbox.state())['Key Results'].filter((r) => !r.inTrash).length, 7);
    // 1:1 agendas of grace and linus and the retrospective; the review stays private by default.
    assert.equal(first.run.documents?.result?.created, 3);
    assert.deepEqual(await documentTitles(), [
      '1:1: Grace Hopper and Ada Lovelace',
      '1:1: Linus Offline and Ada Lovelace',
      'OKR retrospective 2026-H1',
    ]);
    assert.ok(JSON.parse(files[NOTION_STATE_FILE]).documents, 'the state records the document pages');

    // In step: with a confirm step, nothing to ask and nothing applied.
    let asked = false;
    const second = await syncWorkspace(
      ctx,
      sandboxOptions(t.sandbox, {
        confirm: async () => {
          asked = true;
          return true;
        },
      }),
    );
    assert.equal(asked, false);
    assert.equal(second.applied, false);
    assert.equal(syncHasWork(second.run), false);
  });

  it("applies nothing when the adapter's confirm step says no", async () => {
    const { ctx } = memoryContext(t.rootPageId, t.sandbox.token);
    let preview: Parameters<NonNullable<Parameters<typeof syncWorkspace>[1]>['confirm'] & object>[0] | undefined;
    const result = await syncWorkspace(
      ctx,
      sandboxOptions(t.sandbox, {
        confirm: async (p) => {
          preview = p;
          return false;
        },
      }),
    );
    assert.equal(result.applied, false);
    assert.ok(preview && syncHasWork(preview));
    assert.equal(preview.plan.counts.create > 10, true);
    assert.equal(preview.documents?.plan.counts.create, 3);
    assert.equal(t.sandbox.stats().writes, 0);
  });

  it('refuses a workspace with errors before reading Notion', async () => {
    const data = baseData();
    data.objectives[0].key_results[0].kpi = 'no-such-kpi';
    const { ctx } = memoryContext(t.rootPageId, t.sandbox.token, data);
    await assert.rejects(
      syncWorkspace(ctx, sandboxOptions(t.sandbox)),
      (e: unknown) => e instanceof AppError && e.code === 'workspace-errors' && /has 1 error;/.test(e.message),
    );
    assert.equal(t.sandbox.stats().requests, 0);
  });

  it('refuses without a token, and never puts one given in a message', async () => {
    const { ctx } = memoryContext(t.rootPageId, undefined);
    await assert.rejects(syncWorkspace(ctx, sandboxOptions(t.sandbox)), (e: unknown) => e instanceof AppError && e.code === 'no-token');
    const wrong = memoryContext(t.rootPageId, 'secret_wrong_token_123');
    await assert.rejects(syncWorkspace(wrong.ctx, sandboxOptions(t.sandbox)), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.doesNotMatch(e.message, /secret_wrong_token_123/);
      return true;
    });
  });
});
