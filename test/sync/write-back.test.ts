import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { writePullEdits, type PullEdit } from '../../core/sync/notion';

const edit = (path: Array<string | number>, set: PullEdit['set'], checkIn: Partial<PullEdit['checkIn']>): PullEdit => ({
  kind: 'keyResults',
  okraId: String(path[path.length - 1]),
  key: '',
  pageId: '',
  file: 'okrs.yaml',
  path,
  set,
  checkIn: { date: '2026-03-16', note: 'from Notion', ...checkIn },
  pulled: {},
  remoteHash: '',
  baseline: {},
});

describe('writePullEdits', () => {
  const cases: Array<{ name: string; text: string; edits: PullEdit[]; expected: string }> = [
    {
      name: 'a block list keeps its layout; a quoted scalar is replaced in place',
      text: 'krs:\n  - id: a # keep\n    current: 1 # weekly\n    check_ins:\n    - date: 2026-01-01\n      value: 0.5\n',
      edits: [edit(['krs', 0], { current: 2 }, { value: 2 })],
      expected:
        'krs:\n  - id: a # keep\n    current: 2 # weekly\n    check_ins:\n    - date: 2026-01-01\n      value: 0.5\n    - date: 2026-03-16\n      value: 2\n      note: from Notion\n',
    },
    {
      name: 'a flow list gets a flow item, spaced like its neighbours',
      text: 'krs:\n  - id: a\n    check_ins: [ { date: 2026-01-01, done: false } ]\n',
      edits: [edit(['krs', 0], { done: true }, { done: true })],
      expected:
        'krs:\n  - id: a\n    check_ins: [ { date: 2026-01-01, done: false }, { date: 2026-03-16, done: true, note: from Notion } ]\n    done: true\n',
    },
    {
      name: 'a missing check_ins key is created under the key result; a file without a final newline gets one',
      text: 'krs:\n  - id: a\n    confidence: 0.5',
      edits: [edit(['krs', 0], { confidence: 0.25 }, { confidence: 0.25, by: 'ada' })],
      expected:
        'krs:\n  - id: a\n    confidence: 0.25\n    check_ins:\n      - date: 2026-03-16\n        confidence: 0.25\n        by: ada\n        note: from Notion\n',
    },
    {
      name: 'two key results of one file, edited from the end backwards',
      text: 'krs:\n  - {id: a, current: 1}\n  - {id: b, current: 5}\n',
      edits: [edit(['krs', 0], { current: 2 }, { value: 2 }), edit(['krs', 1], { current: 6 }, { value: 6 })],
      expected:
        'krs:\n  - {id: a, current: 2, check_ins: [{date: 2026-03-16, value: 2, note: from Notion}]}\n  - {id: b, current: 6, check_ins: [{date: 2026-03-16, value: 6, note: from Notion}]}\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = writePullEdits(c.text, c.edits);
      assert.equal(out.method, 'splice');
      assert.equal(out.text, c.expected);
    });
  }

  it('quotes strings that would not read back as themselves', () => {
    const out = writePullEdits('krs:\n  - id: a\n', [edit(['krs', 0], {}, { note: 'yes: really, #1' })]);
    assert.equal((parse(out.text) as { krs: Array<{ check_ins: Array<{ note: string }> }> }).krs[0].check_ins[0].note, 'yes: really, #1');
  });

  it('reports a key result that is no longer at its path and changes nothing', () => {
    const out = writePullEdits('krs: []\n', [edit(['krs', 0], { current: 1 }, {})]);
    assert.deepEqual(out, { text: 'krs: []\n', changed: false, method: 'none', missing: ['0'] });
  });

  it('falls back to the Document API for layouts it cannot splice, keeping comments', () => {
    // A list item whose content starts on the line after its dash.
    const text = 'krs:\n- id: a # keep\n  check_ins:\n  -\n    date: 2026-01-01\n';
    const out = writePullEdits(text, [edit(['krs', 0], { current: 3 }, { value: 3 })]);
    assert.equal(out.method, 'document');
    assert.ok(out.changed);
    assert.match(out.text, /# keep/);
    assert.deepEqual((parse(out.text) as { krs: Array<Record<string, unknown>> }).krs[0], {
      id: 'a',
      check_ins: [{ date: '2026-01-01' }, { date: '2026-03-16', value: 3, note: 'from Notion' }],
      current: 3,
    });
  });
});
