import assert from 'node:assert/strict';
import { HashTable } from '../../core/validate/outline/hash-table';
import { idHash } from '../../core/validate/outline/id-hash';
import type { FileOutline } from '../../core/validate/outline/file-outline';
import { WorkspaceOutline } from '../../core/validate/outline/workspace-outline';

const objective = (id: string) => idHash('objective', id);

/** An outline of objectives `[id, aligns_to]`, with optional references (each a list of ids it may name). */
function outline(objectives: Array<[string, string?]>, references: string[][] = []): FileOutline {
  return {
    defs: objectives.map(([id]) => objective(id)),
    aligns: objectives.flatMap(([id, to]) => [objective(id), to ? objective(to) : 0]),
    objectiveIds: objectives.map(([id]) => id),
    references: references.map((ids) => ids.map(objective)),
  };
}

describe('HashTable', () => {
  it('keeps every key through growth, also keys that share their low 32 bits', () => {
    const table = new HashTable();
    const keys: number[] = [];
    // Same low bits, so every one probes past the others.
    for (let i = 1; i <= 300; i++) keys.push(i * 4294967296 + 12345);
    for (let i = 0; i < 5000; i++) keys.push(idHash('kind', `id-${i}`));
    keys.forEach((key, i) => table.set(key, i));
    assert.equal(table.size, keys.length);
    keys.forEach((key, i) => assert.equal(table.get(key), i));
    assert.equal(table.has(7 * 4294967296 + 54321), false);
    table.set(keys[3], 99);
    assert.equal(table.get(keys[3]), 99);
    assert.equal(table.size, keys.length);
    let seen = 0;
    table.forEach(() => seen++);
    assert.equal(seen, keys.length);
  });

  it('keeps 53-bit values in a wide table', () => {
    const table = new HashTable(true);
    const value = idHash('objective', 'x');
    table.set(5, value);
    assert.equal(table.get(5), value);
  });
});

describe('WorkspaceOutline', () => {
  it('involves the files of repeated ids, of references naming nothing, and of alignment loops only', () => {
    const ws = new WorkspaceOutline();
    // Files come in any order, as workers finish them.
    ws.add(4, outline([['e', 'top']], [['nothing-here'], ['top', 'a']]));
    ws.add(0, outline([['top'], ['a', 'b']]));
    ws.add(1, outline([['b', 'a']]));
    ws.add(2, outline([['c', 'a']]));
    ws.add(3, outline([['d', 'd']]));
    ws.add(
      5,
      outline([
        ['f', 'top'],
        ['g', 'top'],
      ]),
    );
    ws.add(6, outline([['g', 'g']]));
    // 0 and 1 (a ⇄ b), 3 (d → d), 4 (a reference to nothing), 5 and 6 (g twice). Not 6's self-loop
    // on its own: the first definition of g is in 5 and aligns to top.
    assert.deepEqual([...ws.involvedFiles()].sort(), [0, 1, 3, 4, 5, 6]);
    assert.equal(ws.hasObjective('c'), true);
    assert.equal(ws.hasObjective('nothing-here'), false);
    assert.deepEqual([...ws.objectiveIds()], ['top', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'g']);
  });

  it("takes the alignment of an id's first definition, whichever file arrives first", () => {
    // x → z → y → x, where y is defined again in file 2 without `aligns_to`: the loop holds,
    // and z's file (3) is involved through it alone.
    const files: Array<[number, FileOutline]> = [
      [0, outline([['x', 'z']])],
      [1, outline([['y', 'x']])],
      [2, outline([['y']])],
      [3, outline([['z', 'y']])],
    ];
    for (const order of [files, [...files].reverse()]) {
      const ws = new WorkspaceOutline();
      for (const [index, o] of order) ws.add(index, o);
      assert.deepEqual([...ws.involvedFiles()].sort(), [0, 1, 2, 3]);
    }
  });
});
