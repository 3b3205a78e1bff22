/**
 * Property tests of the loader: whatever bytes a file holds, `analyzeFile` and
 * `validate` return diagnostics instead of throwing, and every diagnostic has a rule
 * id, a message and a range inside its file. Inputs are random strings (from all of Unicode
 * and from YAML's punctuation), random bytes, and random edits of the example workspace's
 * files validated together with the rest of that workspace.
 *
 * A failure prints fast-check's seed and counterexample; replay it with
 * `fc.assert(..., { seed, path })` in the failing property.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { memoryHost, ParseCache, validate, type FileCheck } from '../../core';
import { analyzeFile } from '../../core/validate/analyze-file';
import { assertWellFormed } from '../helpers/ranges';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : [],
  );
}

const exampleFiles: Record<string, string> = Object.fromEntries(
  yamlFiles(EXAMPLE).map((path) => [relative(EXAMPLE, path).split('\\').join('/'), readFileSync(path, 'utf8')]),
);
const examplePaths = Object.keys(exampleFiles).sort();

/** Characters that make YAML interesting, and a few that make it hard. */
const YAML_CHARS = [
  ...':-?,[]{}#&*!|>\'"%@`~.',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n',
  '\t',
  '\r',
  '\u0000',
  '\uFEFF',
  '\\',
  'a',
  'k',
  'i',
  'd',
  '1',
  '0',
  'é',
  '🦜',
  'kind: ',
  'version: 1',
  'id: ',
  '- ',
  '---',
  '...',
  '<<',
  'team/',
  'Objectives',
  'Org',
];
const yamlishString = fc.array(fc.constantFrom(...YAML_CHARS), { maxLength: 120 }).map((parts) => parts.join(''));
const anyString = fc.string({ unit: 'binary', maxLength: 200 });
const anyBytes = fc.uint8Array({ maxLength: 300 });

type Mutation =
  | { op: 'delete'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'tab'; line: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...YAML_CHARS),
      anyString.map((s) => s.slice(0, 3)),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('tab' as const), line: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(pick(m.line), 1);
      return lines.join('\n');
    case 'duplicate': {
      const i = pick(m.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap': {
      const [i, j] = [pick(m.line), pick(m.other)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'indent': {
      const i = pick(m.line);
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'tab': {
      const i = pick(m.line);
      lines[i] = lines[i].replace(/^ {1,2}/, '\t');
      return lines.join('\n');
    }
  }
}

const mutatedExampleFile = fc
  .record({ path: fc.constantFrom(...examplePaths), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
  .map(({ path, mutations }) => ({ path, text: mutations.reduce(mutate, exampleFiles[path]), mutations }));

/** analyzeFile must return, with well-formed diagnostics, for any input. */
function checkFile(path: string, input: string | Uint8Array): void {
  const file = analyzeFile(path, input);
  assertWellFormed(file.diagnostics, (p) => (p === path ? file.text : undefined));
}

// The example's unchanged files come from this cache, so each run parses only the edited file.
const cache = new ParseCache<FileCheck>('property');

async function checkWorkspace(path: string, input: string | Uint8Array): Promise<void> {
  const result = await validate(memoryHost({ ...exampleFiles, [path]: input }), { cache, keepModel: true });
  const texts = new Map(result.model.files.map((f) => [f.path, f.text]));
  assertWellFormed(result.diagnostics, (p) => texts.get(p));
  // A rule that throws is caught and reported as okra/rule-error: a bug in the rule, not the input.
  const crashed = result.diagnostics.filter((d) => d.rule === 'okra/rule-error');
  assert.deepEqual(
    crashed.map((d) => d.message),
    [],
    'a workspace rule crashed on this input',
  );
}

describe('loader properties', function () {
  this.timeout(60_000);

  before(async function () {
    // The unchanged example is clean, so any diagnostic below comes from an edit.
    const clean = await validate(memoryHost(exampleFiles), { cache, keepModel: true });
    assert.deepEqual(
      clean.diagnostics.map((d) => `${d.file}:${d.range.start.line + 1} ${d.rule}`),
      [],
    );
  });

  it('analyzeFile never throws on random strings', function () {
    fc.assert(
      fc.property(fc.oneof(anyString, yamlishString), (text) => checkFile('random.yaml', text)),
      { numRuns: 500 },
    );
  });

  it('analyzeFile never throws on random bytes', function () {
    fc.assert(
      fc.property(anyBytes, (bytes) => checkFile('random.yaml', bytes)),
      { numRuns: 300 },
    );
  });

  it('analyzeFile never throws on edited example files', function () {
    fc.assert(
      fc.property(mutatedExampleFile, ({ path, text }) => checkFile(path, text)),
      { numRuns: 200 },
    );
  });

  it('validate never throws when one example file is edited', async function () {
    await fc.assert(
      fc.asyncProperty(mutatedExampleFile, ({ path, text }) => checkWorkspace(path, text)),
      { numRuns: 150 },
    );
  });

  it('validate never throws when one example file is replaced by random content', async function () {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...examplePaths), fc.oneof(anyBytes, yamlishString), (path, content) =>
        checkWorkspace(path, content),
      ),
      { numRuns: 60 },
    );
  });

  it('the edits do change files (the generators are not vacuous)', function () {
    const samples = fc.sample(mutatedExampleFile, { numRuns: 50, seed: 42 });
    const changed = samples.filter(({ path, text }) => text !== exampleFiles[path]);
    assert.ok(changed.length >= 40, `only ${changed.length} of 50 edits changed their file`);
    const withDiagnostics = changed.filter(({ path, text }) => analyzeFile(path, text).diagnostics.length > 0);
    assert.ok(withDiagnostics.length >= 10, `only ${withDiagnostics.length} of ${changed.length} edited files have diagnostics`);
  });
});
