/**
 * `validate --cache` fingerprints the workspace (reading every file) and, on a miss, validates:
 * the wrapper makes that one read of each file, not two.
 */
import assert from 'node:assert/strict';
import { fingerprintWorkspace, memoryHost, readConfig, validateWorkspace, type WorkspaceHost } from '../../core';
import { readTwiceOnce } from '../../cli/node-host';

function counting(files: Record<string, string>): { host: WorkspaceHost; reads: Map<string, number> } {
  const inner = memoryHost(files);
  const reads = new Map<string, number>();
  return {
    reads,
    host: {
      listFiles: (include, exclude) => inner.listFiles(include, exclude),
      readFile: (path) => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return inner.readFile(path);
      },
    },
  };
}

describe('readTwiceOnce (the host behind validate --cache)', function () {
  it('serves the second read of a file from the first, then reads afresh', async function () {
    const { host, reads } = counting({ 'a.yaml': 'x: 1\n' });
    const wrapped = readTwiceOnce(host);
    const first = await wrapped.readFile('a.yaml');
    assert.equal(await wrapped.readFile('a.yaml'), first);
    assert.equal(reads.get('a.yaml'), 1);
    await wrapped.readFile('a.yaml');
    assert.equal(reads.get('a.yaml'), 2, 'a third read goes to the disk: nothing is kept for ever');
  });

  it('fingerprinting and then validating reads each file once', async function () {
    const files = {
      'okra.config.yaml': 'kind: Config\nversion: 1\n',
      'org.yaml': 'kind: Org\nversion: 1\nteams:\n  - { id: t, name: T }\n',
    };
    const { host, reads } = counting(files);
    const wrapped = readTwiceOnce(host);
    assert.ok(await fingerprintWorkspace(wrapped, await readConfig(wrapped), 'salt'));
    const result = await validateWorkspace(wrapped);
    assert.equal(result.files.length, 2);
    assert.deepEqual(Object.fromEntries(reads), { 'okra.config.yaml': 1, 'org.yaml': 1 });
  });
});
