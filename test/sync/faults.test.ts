import assert from 'node:assert/strict';
import { FAULT_KINDS, type FaultKind } from '../../sandbox';
import { startTestSandbox } from '../helpers/sandbox';
import { baseData, contentSnapshot, duplicates, sync, tempDir, writeWorkspace, type WorkspaceData } from './helpers';

/** A first sync, then a change (one KR edited, one objective removed, one added), as a team would. */
async function scenario(
  faults: FaultKind | null,
): Promise<{ snapshot: ReturnType<typeof contentSnapshot>; duplicates: string[]; retries: number; injected: number }> {
  const t = await startTestSandbox({
    seed: 7,
    ...(faults ? { faults: { rates: { [faults]: 0.3 }, afterWrite: 0.5, retryAfterSeconds: 0, seed: 7 } } : {}),
  });
  try {
    const dir = tempDir(`faults-${faults ?? 'none'}`);
    const data: WorkspaceData = baseData();
    writeWorkspace(dir, t.rootPageId, data);
    const first = await sync(dir, t.sandbox);
    assert.equal(first.exitCode, 0, first.output);
    const afterFirst = duplicates(t.sandbox.state());
    data.objectives[1].key_results[0].current = 73;
    data.objectives.splice(2, 1);
    data.objectives.push({
      id: 'new-objective',
      title: 'Launch in-app help',
      aligns_to: 'ops-lower-cost',
      key_results: [{ id: 'new-kr', title: 'Help centre live', type: 'boolean' }],
    });
    writeWorkspace(dir, t.rootPageId, data);
    const second = await sync(dir, t.sandbox);
    assert.equal(second.exitCode, 0, second.output);
    const stats = t.sandbox.stats();
    return {
      snapshot: contentSnapshot(t.sandbox.state()),
      // Checked after each run: the second run would archive a duplicate the first one made.
      duplicates: [
        ...afterFirst,
        ...duplicates(t.sandbox.state()),
        ...(/\(duplicate\)/.test(second.output) ? ['archived a duplicate'] : []),
      ],
      retries: first.run.counters.retries + second.run.counters.retries,
      injected: Object.values(stats.faults).reduce((a, b) => a + (b ?? 0), 0),
    };
  } finally {
    await t.close();
  }
}

describe('okra sync under injected faults', function () {
  this.timeout(120_000);
  let reference: Awaited<ReturnType<typeof scenario>>;
  before(async () => {
    reference = await scenario(null);
    assert.equal(reference.injected, 0);
  });

  for (const kind of FAULT_KINDS) {
    it(`ends in the fault-free state with 30 % ${kind === 'drop' ? 'dropped connections' : kind} (half of the write faults after the write landed)`, async () => {
      const run = await scenario(kind);
      assert.ok(run.injected > 10, `only ${run.injected} faults injected`);
      assert.ok(run.retries >= run.injected, `${run.retries} retries for ${run.injected} faults`);
      assert.deepEqual(run.duplicates, []);
      assert.deepEqual(run.snapshot, reference.snapshot);
    });
  }
});
