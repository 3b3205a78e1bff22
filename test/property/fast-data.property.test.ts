/**
 * The fast reader (js-yaml) and yaml must agree: whenever `fastData` returns data, yaml reads
 * the same text without an error or warning and to the same data. Otherwise a file could skip
 * a diagnostic yaml would give, or carry different values. Inputs: every example, fixture and
 * corpus file, and random edits and random YAML-ish strings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { fastData } from '../../core/parse/fast-data';
import { parseFile } from '../../core/parse/parse-file';

const ROOT = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const texts = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')].flatMap(yamlFiles).map((path) => readFileSync(path, 'utf8'));

/** What yaml makes of `text`: data when the document is clean, `undefined` when yaml reports anything. */
function yamlData(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return doc.toJS({ maxAliasCount: 100 });
}

function agrees(text: string): boolean {
  const fast = fastData(text);
  if (fast === undefined) return true;
  const full = yamlData(text);
  assert.notEqual(full, undefined, `the fast reader accepted text that yaml reports:\n${text}`);
  assert.deepEqual(fast, full, `the fast reader and yaml read different data from:\n${text}`);
  return true;
}

/** Characters and fragments that make YAML interesting. */
const PIECES = [
  ...':-?,[]{}#&*!|>\'"%@`~.+eE_xo',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n',
  '\r\n',
  '\\',
  'a',
  'k',
  '0',
  '1',
  '9',
  'é',
  '🦜',
  'null',
  'true',
  'False',
  'NULL',
  'yes',
  'on',
  '~',
  '.inf',
  '-.Inf',
  '.NaN',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '+12',
  '.5',
  '012',
  '2026-01-31',
  '12:30',
  '1:20',
  "'it''s'",
  '"\\u00e9"',
  '|-\n  ',
  '>\n  ',
  'kind: ',
  'title: ',
  '- ',
  '---\n',
  '...\n',
  '<<: ',
  '? ',
  '# c\n',
  'key: value\n',
  '  nested: 1\n',
  '{a: 1, b: [x, y]}',
  '[a,\n b]',
  '\n    ',
  '\n  - ',
  '"x" y',
  '@x',
  '`x',
  'x #y',
  'a:b',
  'k:\n- v',
  '\t',
  ' & ',
  'a * b',
  '&',
];
const yamlish = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

const edits = fc
  .record({
    text: fc.constantFrom(...texts),
    at: fc.nat(),
    cut: fc.nat({ max: 8 }),
    insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }),
  })
  .map(({ text, at, cut, insert }) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert.join('') + text.slice(i + cut);
  });

describe('fast reader agrees with yaml', function () {
  this.timeout(120_000);

  it(`on every example and fixture file (${texts.length})`, function () {
    assert.ok(texts.length >= 60, `only ${texts.length} files found`);
    let fast = 0;
    for (const text of texts) {
      agrees(text);
      if (fastData(text) !== undefined) fast++;
    }
    // Most of those files are plain: the fast path is the one taken.
    assert.ok(fast >= texts.length / 2, `the fast reader took only ${fast} of ${texts.length} files`);
  });

  it('reads the example workspace, "&" in running text included, without falling back to yaml', function () {
    const dir = join(ROOT, 'examples', 'support-org');
    const slow = yamlFiles(dir).filter((path) => fastData(readFileSync(path, 'utf8')) === undefined);
    assert.deepEqual(slow, []);
    assert.deepEqual(fastData('name: Workforce & Reporting\nnote: 2 * 3\n'), { name: 'Workforce & Reporting', note: '2 * 3' });
  });

  it('on random edits of those files', function () {
    fc.assert(fc.property(edits, agrees), { numRuns: Number(process.env.FAST_RUNS ?? 2000) });
  });

  it('on random YAML-ish text', function () {
    fc.assert(fc.property(yamlish, agrees), { numRuns: Number(process.env.FAST_RUNS ?? 3000) });
  });

  it('parseFile places diagnostics in a fast-read file (the Document is parsed on demand)', function () {
    const file = parseFile('o.yaml', 'kind: Objectives\nversion: 1\nobjectives:\n  - id: a\n    title: A\n');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.locate(['objectives', 0, 'title']), { start: { line: 4, character: 11 }, end: { line: 4, character: 12 } });
    assert.ok(file.document(), 'the Document is built when asked for');
  });
});
