/**
 * The loader never crashes on bad input. Every file of test/fixtures/corpus/ is a broken or odd
 * definition file (some are binary); each goes through `analyzeFile` and through
 * `validate` in a workspace of its own, and must come out as positioned diagnostics that
 * match its `<name>.expected.json` golden (`[{ rule, line, column }]`, 1-based, in output order).
 *
 * To rewrite the goldens: `UPDATE_GOLDENS=1 npx mocha test/corpus/bad-input.test.ts`, then read
 * each changed golden against its YAML: the positions must point at the actual problem.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryHost, ParseCache, validate, type FileCheck, type Diagnostic } from '../../core';
import { analyzeFile } from '../../core/validate/analyze-file';
import { MAX_FILE_BYTES } from '../../core/parse/parse-file';
import { expectGolden } from '../helpers/goldens';
import { assertWellFormed, toExpected, type ExpectedDiagnostic } from '../helpers/ranges';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');
const CONFIG = 'kind: Config\nversion: 1\n';

const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** One diagnostic per line, so that a golden reads like a list of findings. */
function formatExpected(expected: readonly ExpectedDiagnostic[]): string {
  if (expected.length === 0) return '[]\n';
  return `[\n${expected.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

const sameSpot = (a: Diagnostic, b: Diagnostic) =>
  a.rule === b.rule && a.file === b.file && JSON.stringify(a.range) === JSON.stringify(b.range) && a.message === b.message;

async function validateAlone(name: string, bytes: Uint8Array, cache?: ParseCache<FileCheck>) {
  return validate(memoryHost({ 'okra.config.yaml': CONFIG, [name]: bytes }), { cache, keepModel: true });
}

/** Checks one bad file as a file and as part of a workspace; returns its workspace diagnostics. */
async function checkBadFile(name: string, bytes: Uint8Array): Promise<Diagnostic[]> {
  const file = analyzeFile(name, bytes);
  assertWellFormed(file.diagnostics, (path) => (path === name ? file.text : undefined));

  const result = await validateAlone(name, bytes);
  const texts = new Map(result.model.files.map((f) => [f.path, f.text]));
  assertWellFormed(result.diagnostics, (path) => texts.get(path));
  // The config is fine: nothing may be reported on it (a crashing rule would be, as okra/rule-error).
  assert.deepEqual(
    result.diagnostics.filter((d) => d.file !== name),
    [],
    'diagnostics outside the bad file',
  );
  const own = result.diagnostics.filter((d) => d.file === name);
  for (const d of file.diagnostics) {
    assert.ok(own.some((o) => sameSpot(o, d)), `the workspace lost the file's own diagnostic ${d.rule} ${JSON.stringify(d.range)}`);
  }
  assert.ok(own.length > 0, 'a bad file must give at least one diagnostic');

  // Through the parse cache as the CLI's --cache keeps it (serialized as JSON), the result is the same.
  const first = new ParseCache<FileCheck>('corpus');
  await validateAlone(name, bytes, first);
  const second = ParseCache.parse<FileCheck>(first.serialize(), 'corpus');
  const cached = await validateAlone(name, bytes, second);
  assert.deepEqual(cached.diagnostics, result.diagnostics, 'a cached run reports differently');
  return own;
}

describe('bad-input corpus', function () {
  it('has at least 40 files, each with a golden', function () {
    assert.ok(files.length >= 40, `only ${files.length} corpus files`);
    for (const name of files) assert.match(name, /^\d{2}-[a-z0-9-]+\.yaml$/, `corpus file name ${name}`);
  });

  for (const name of files) {
    it(name, async function () {
      const bytes = readFileSync(join(CORPUS, name));
      const own = await checkBadFile(name, bytes);
      expectGolden(join(CORPUS, name.replace(/\.yaml$/, '.expected.json')), formatExpected(toExpected(own)), name);
    });
  }

  it('a 6 MB file is refused with one diagnostic, quickly', async function () {
    // Generated here rather than committed: valid YAML, just far too much of it.
    const line = '# padding padding padding padding padding padding padding\n';
    const text = 'kind: Org\nversion: 1\n' + line.repeat(Math.ceil((6 * 1024 * 1024) / line.length));
    const bytes = Buffer.from(text);
    assert.ok(bytes.length > MAX_FILE_BYTES);
    const started = Date.now();
    const own = await checkBadFile('six-megabytes.yaml', bytes);
    assert.deepEqual(toExpected(own), [{ rule: 'yaml/file-too-large', line: 1, column: 1 }]);
    assert.match(own[0].message, /6\.\d MB/);
    assert.ok(Date.now() - started < 5000, 'refusing a large file must not parse it');
  });
});
