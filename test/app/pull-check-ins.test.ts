import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { AppError, pullCheckIns, syncWorkspace, writePulledCheckIns } from '../../core/app';
import type { PullPlan } from '../../core/sync/notion';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { rowsByDatabase } from '../sync/helpers';
import { OKRS } from '../sync/pull-okrs';
import { memoryContext, sandboxOptions } from './helpers';

describe('pullCheckIns (core/app) against the sandbox', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(() => t.close());

  it("writes Notion's edit into the YAML through the host, comments kept, and pushes what it changes", async () => {
    const { ctx, files } = memoryContext(t.rootPageId, t.sandbox.token, undefined, { 'okrs.yaml': OKRS });
    await syncWorkspace(ctx, sandboxOptions(t.sandbox, { documents: false }));
    const row = rowsByDatabase(t.sandbox.state())['Key Results'].find((r) => r.okraId === 'ops-cpc' && !r.inTrash)!;
    const grace = t.sandbox.users().find((u) => u.email === 'grace@example.com')!;
    const at = new Date(Date.now() + 120_000);
    const day = DateTime.fromJSDate(at).setZone('Europe/Lisbon').toISODate();
    t.sandbox.simulateUserEdit({ pageId: row.pageId, properties: { Current: { number: 4.41 } }, userId: grace.id, at });

    const result = await pullCheckIns(ctx, sandboxOptions(t.sandbox, { documents: false }));
    assert.equal(result.applied, true);
    assert.deepEqual(result.written, ['okrs.yaml']);
    // One scalar changed in place, one flow-style check-in appended: every other byte as it was.
    const expected = OKRS.replace('current: 4.55   # updated weekly', 'current: 4.41   # updated weekly').replace(
      '          - { date: 2026-03-02, value: 4.55, by: ada }\n',
      `          - { date: 2026-03-02, value: 4.55, by: ada }\n          - { date: ${day}, value: 4.41, confidence: 0.7, by: grace, note: from Notion }\n`,
    );
    assert.equal(files['okrs.yaml'], expected);
    assert.equal(result.run.pull?.edits.length, 1);
  });

  it('writes nothing when a file no longer has the key result (changed since Notion was read)', async () => {
    const { ctx, files } = memoryContext('00000000000000000000000000000001', 'unused', undefined, { 'okrs.yaml': OKRS });
    const before = { ...files };
    const pull = {
      edits: [
        { file: 'org.yaml', okraId: 'x', path: ['teams', 0], set: { current: 1 }, checkIn: { date: '2026-03-16', note: 'from Notion' } },
        {
          file: 'okrs.yaml',
          okraId: 'gone',
          path: ['objectives', 5, 'key_results', 0],
          set: { current: 1 },
          checkIn: { date: '2026-03-16' },
        },
      ],
      conflicts: [],
    } as unknown as PullPlan;
    await assert.rejects(writePulledCheckIns(ctx, pull), (e: unknown) => e instanceof AppError && e.code === 'pull-stale');
    assert.deepEqual(files, before, 'not even the file whose edit applied was written');
  });
});
