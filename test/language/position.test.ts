import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { offsetAt, pathAt, positionAt, rangeAt } from '../../core';
import { parseFile } from '../../core/parse/parse-file';
import { cursor } from './helpers';

/** Every offset of `text` → position → offset gives the offset back (inside a `\r\n`, the line's end). */
function roundTrips(text: string): void {
  for (let offset = 0; offset <= text.length; offset++) {
    const back = offsetAt(text, positionAt(text, offset));
    const insideCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
    assert.equal(back, insideCrlf ? offset - 1 : offset, `offset ${offset} of ${JSON.stringify(text)}`);
  }
}

describe('language/position', () => {
  it('converts offsets to 0-based lines and UTF-16 columns and back', () => {
    const text = 'kind: Org\nteams:\n  - id: care\n';
    assert.deepEqual(positionAt(text, 0), { line: 0, character: 0 });
    assert.deepEqual(positionAt(text, text.indexOf('id:')), { line: 2, character: 4 });
    assert.deepEqual(positionAt(text, text.length), { line: 3, character: 0 });
    roundTrips(text);
  });

  it('counts CRLF as one line break and never places a position between \\r and \\n', () => {
    const text = 'a: 1\r\nbb: 2\r\n\r\nc: 3';
    assert.deepEqual(positionAt(text, text.indexOf('bb')), { line: 1, character: 0 });
    assert.deepEqual(positionAt(text, text.indexOf('c:')), { line: 3, character: 0 });
    assert.deepEqual(positionAt(text, 5), { line: 0, character: 4 }, 'the \\n of a \\r\\n is the end of the line');
    assert.equal(offsetAt(text, { line: 1, character: 99 }), text.indexOf('\r\n\r\n'), 'a column past the end is the end of the line');
    roundTrips(text);
  });

  it('treats a lone \\r as a line break, like LSP', () => {
    const text = 'a\rb\nc';
    assert.deepEqual(positionAt(text, 2), { line: 1, character: 0 });
    assert.deepEqual(positionAt(text, 4), { line: 2, character: 0 });
    roundTrips(text);
  });

  it('counts columns in UTF-16 code units: accents, CJK and astral characters', () => {
    const text = 'name: Zoë Ng 🙂 — 张伟\nrole: x\n';
    const emoji = text.indexOf('🙂');
    assert.deepEqual(positionAt(text, emoji + 2), { line: 0, character: emoji + 2 }, 'an emoji is two code units');
    assert.deepEqual(positionAt(text, text.indexOf('张')), { line: 0, character: text.indexOf('张') });
    assert.deepEqual(positionAt(text, text.indexOf('role')), { line: 1, character: 0 });
    roundTrips(text);
  });

  it('agrees with the LineCounter that places diagnostics', () => {
    const text = 'kind: Org\r\nteams:\r\n  - id: ção\r\n    name: "Zoë"\r\n';
    const counter = new LineCounter();
    parseDocument(text, { lineCounter: counter });
    for (let offset = 0; offset < text.length; offset++) {
      if (text[offset] === '\n') continue;
      const { line, col } = counter.linePos(offset);
      assert.deepEqual(positionAt(text, offset), { line: line - 1, character: col - 1 }, `offset ${offset}`);
    }
  });

  it('clamps positions and offsets outside the text', () => {
    const text = 'a: 1\nb: 2';
    assert.deepEqual(positionAt(text, -5), { line: 0, character: 0 });
    assert.deepEqual(positionAt(text, 99), { line: 1, character: 4 });
    assert.equal(offsetAt(text, { line: 7, character: 0 }), text.length);
    assert.equal(offsetAt(text, { line: -1, character: 3 }), 0);
    assert.deepEqual(rangeAt(text, 5, 9), { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });
});

describe('language/pathAt', () => {
  const at = (marked: string) => {
    const { text, offset } = cursor(marked);
    return pathAt(parseFile('f.yaml', text), offset);
  };
  const KR = 'kind: Objectives\nobjectives:\n  - id: o\n    key_results:\n      - id: k\n';

  it('gives the path of a value and the span of its text', () => {
    const found = at(`${KR}        kpi: first-c|\n        type: metric\n`);
    assert.deepEqual(found?.path, ['objectives', 0, 'key_results', 0, 'kpi']);
    assert.equal(found?.on, 'value');
    assert.equal(found?.text, 'first-c');
  });

  it('gives the path of `kpi: ` with nothing after it, mid-file and at the end', () => {
    for (const tail of ['', '\n', '\n        type: metric\n', '\r\n        owner: x\r\n']) {
      const found = at(`${KR}        kpi: |${tail}`);
      assert.deepEqual(found?.path, ['objectives', 0, 'key_results', 0, 'kpi'], JSON.stringify(tail));
      assert.equal(found?.on, 'value');
      assert.equal(found?.text, '');
      assert.equal(found?.start, found?.end);
    }
    assert.deepEqual(at(`${KR}        kpi:|`)?.path, ['objectives', 0, 'key_results', 0, 'kpi'], 'right after the colon');
  });

  it('tells a key from a value', () => {
    const found = at(`${KR}        kp|i: csat\n`);
    assert.deepEqual(found?.path, ['objectives', 0, 'key_results', 0, 'kpi']);
    assert.equal(found?.on, 'key');
  });

  it('finds list items being typed: a new `- ` and a flow list with a trailing comma', () => {
    const block = at('kind: ReviewCycles\none_on_ones:\n  - manager: a\n    reports:\n      - bo\n      - |\n');
    assert.deepEqual(block?.path, ['one_on_ones', 0, 'reports', 1]);
    assert.equal(block?.text, '');
    const flow = at('kind: ReviewCycles\none_on_ones:\n  - manager: a\n    reports: [bo, |\n');
    assert.deepEqual(flow?.path, ['one_on_ones', 0, 'reports', 1]);
    const partial = at('kind: ReviewCycles\none_on_ones:\n  - manager: a\n    reports: [bo, c|]\n');
    assert.deepEqual(partial?.path, ['one_on_ones', 0, 'reports', 1]);
    assert.equal(partial?.text, 'c');
  });

  it('leaves the quotes out of a quoted value, closed or not', () => {
    const quoted = at('kind: Objectives\nowner: "team/ca|re"\n');
    assert.deepEqual(quoted?.path, ['owner']);
    assert.equal(quoted?.text, 'team/care');
    const open = at('kind: Objectives\nowner: "team/ca|');
    assert.equal(open?.text.startsWith('team/ca'), true);
  });

  it('finds values inside flow mappings', () => {
    const found = at('kind: KpiTargets\nkpis:\n  - id: x\n    targets:\n      - { scope: glo|, period: 2026-H1 }\n');
    assert.deepEqual(found?.path, ['kpis', 0, 'targets', 0, 'scope']);
    assert.equal(found?.text, 'glo');
  });

  it('gives nothing in a comment or blank space', () => {
    assert.equal(at('kind: Org\n# a comm|ent\nteams: []\n'), undefined);
    assert.equal(at('kind: Org\n\n|\nteams: []\n'), undefined);
  });
});
