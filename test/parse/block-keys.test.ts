/**
 * blockKeyRanges places unknown keys without a YAML parser: whenever it answers, it must answer
 * what the parser's locate answers, and it must decline whatever it cannot read.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { DataPath } from '../../core/diagnostics';
import { blockKeyRanges } from '../../core/parse/block-keys';
import { parseFile } from '../../core/parse/parse-file';

const REPO = join(__dirname, '..', '..');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return entry.endsWith('.yaml') ? [full] : [];
  });
}

/** Every path of `data` that ends in a mapping key. */
function keyPaths(data: unknown, path: Array<string | number> = [], out: DataPath[] = []): DataPath[] {
  if (Array.isArray(data)) data.forEach((item, i) => keyPaths(item, [...path, i], out));
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      out.push([...path, key]);
      keyPaths(value, [...path, key], out);
    }
  }
  return out;
}

/** Compares every key the index knows with the parser's placement; returns how many it knew. */
function expectParserAgrees(text: string, what: string): number {
  const file = parseFile('f.yaml', text);
  if (file.data === undefined || file.diagnostics.some((d) => d.rule.startsWith('yaml/'))) return 0;
  const index = blockKeyRanges(file.text, file.data);
  if (!index) return 0;
  file.document(); // from here on, locate is the parser's
  const paths = keyPaths(file.data);
  assert.equal(index.size, paths.length, `${what}: the index knows every key`);
  for (const path of paths) assert.deepEqual(index.get(JSON.stringify(path)), file.locate(path, 'key'), `${what}: ${JSON.stringify(path)}`);
  return index.size;
}

describe('blockKeyRanges (unknown keys placed without composing a document)', () => {
  it('agrees with the parser on every key of every YAML file of the repository it can read', () => {
    const files = [...yamlFilesUnder(join(REPO, 'examples')), ...yamlFilesUnder(join(REPO, 'test', 'fixtures'))];
    let indexed = 0;
    let keys = 0;
    for (const path of files) {
      const found = expectParserAgrees(readFileSync(path, 'utf8'), path);
      if (found > 0) indexed++;
      keys += found;
    }
    assert.ok(indexed >= 20 && keys > 300, `too few files read: ${indexed} files, ${keys} keys`);
  });

  it('reads a pasted objective of 5,000 unknown keys, and agrees with the parser', () => {
    const text =
      'kind: Objectives\nversion: 1\ncycle: 2026-H1\nowner: team/frontline\nobjectives:\n  - id: pasted\n    title: Pasted\n' +
      '    key_results:\n      - id: kr\n        title: Done\n        type: boolean\n' +
      Array.from({ length: 5000 }, (_, i) => `    k${i}: x\n`).join('');
    assert.equal(expectParserAgrees(text, 'pasted'), 5000 + 11);
  });

  it('agrees with the parser on random block YAML', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/).filter((k) => !['null', 'true', 'false'].includes(k));
    const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.stringMatching(/^[a-z][a-z0-9 ./-]{0,8}[a-z0-9]$/), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
      map: fc.dictionary(key, tie('tree'), { minKeys: 1, maxKeys: 5 }),
      list: fc.array(tie('map'), { minLength: 1, maxLength: 3 }),
    }));
    let read = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), fc.boolean(), (data, compact) => {
        const text = stringify(data, { indentSeq: !compact });
        if (expectParserAgrees(text, text) > 0) read++;
      }),
      { numRuns: 300 },
    );
    assert.ok(read > 150, `only ${read} of 300 random files were read`);
  });

  it('declines what it does not read: flow, quotes, anchors, block and multi-line scalars, repeated keys, other data', () => {
    const declined = [
      'a: { b: 1 }\n',
      'a: [1, 2]\n',
      'a: "x: y"\n',
      "a: 'x'\n",
      'a: &anchor 1\nb: *anchor\n',
      'a: |\n  text\n',
      'a: first line\n  second line\n',
      'a: 1\na: 2\n',
      '- - 1\n',
      'a:\n\t- 1\n',
      'a: 1\r\nb: 2\r\n',
      'true: 1\n',
      '"a": 1\n',
    ];
    for (const text of declined) assert.equal(blockKeyRanges(text, { a: 1 }), undefined, JSON.stringify(text));
    assert.equal(blockKeyRanges('a: 1\nb: 2\n', { a: 1 }), undefined, 'lines that describe other data');
    assert.equal(blockKeyRanges('a: 1\nb: 2\n', { b: 2, a: 1 }), undefined, 'keys in another order');
    assert.ok(blockKeyRanges('a: 1 # a comment\n# another\nb:\n- x\n- y\n', { a: 1, b: ['x', 'y'] }));
  });
});
