/**
 * The editor's one-scalar fast path (WorkspaceSession.update → applyScalarEdit) must give what
 * reading the file whole gives: the same data, the same diagnostics at the same places, the same
 * findings of the rules. Every plain `key: value` line of real files gets values of every sort.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from '../../bench/generate-workspace';
import { WorkspaceSession, type Diagnostic, type ParsedFile } from '../../core';
import { analyzeFile } from '../../core/validate/analyze-file';
import { readTree } from '../helpers/read-tree';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');
/** Values of every sort a plain scalar can read as in the core schema, and some the schema rejects. */
const VALUES = [
  '0',
  '72.5',
  '-3',
  '1e3',
  '.5',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.nan',
  'true',
  'False',
  'null',
  '~',
  'on_track',
  'a b',
  '2026-01-05',
  '12:30',
  'person/ana',
  'x',
];

function sessionOf(texts: Record<string, string>): WorkspaceSession {
  return WorkspaceSession.fromFiles(Object.entries(texts).map(([p, t]) => analyzeFile(p, t)));
}

const plain = (d: Diagnostic) => JSON.stringify(d);

function compare(session: WorkspaceSession, texts: Record<string, string>, path: string, text: string, what: string): ParsedFile {
  const file = session.update(path, text);
  const whole = analyzeFile(path, text);
  assert.deepEqual(file.data, whole.data, what);
  assert.deepEqual(file.diagnostics.map(plain), whole.diagnostics.map(plain), what);
  const fresh = sessionOf({ ...texts, [path]: text });
  assert.deepEqual(session.check(path).map(plain), fresh.check(path).map(plain), what);
  return file;
}

describe('WorkspaceSession: an edit of one scalar is applied without reading the file again', () => {
  it('gives the data, diagnostics and findings of a whole read, for every plain value line and every sort of value', () => {
    const texts = readTree(EXAMPLE);
    const path = 'okrs/frontline-2026-h1.yaml';
    const session = sessionOf(texts);
    const lines = texts[path].split('\n');
    const candidates = lines.flatMap((line, i) => (/^ *[a-z_]+: [^'"{[#&*!|>]+$/.test(line) && !/^kind:/.test(line) ? [i] : []));
    assert.ok(candidates.length > 40, `${candidates.length} lines`);
    let patched = 0;
    let edits = 0;
    for (const [n, i] of candidates.entries()) {
      const value = VALUES[n % VALUES.length];
      const edited = [...lines];
      edited[i] = lines[i].replace(/: .*$/, `: ${value}`);
      const before = session.file(path)!.data as Record<string, unknown>;
      const file = compare(session, texts, path, edited.join('\n'), `line ${i + 1} → ${value}`);
      edits++;
      // Patched data shares what the edit did not touch; data read whole shares nothing.
      const after = file.data as Record<string, unknown>;
      if (
        after !== before &&
        after.objectives !== undefined &&
        (after.objectives as unknown[]).some((o, k) => o === (before.objectives as unknown[])[k])
      )
        patched++;
      // Back to the original text, through the same path.
      compare(session, texts, path, texts[path], `line ${i + 1} restored`);
    }
    assert.ok(patched > candidates.length * 0.8, `${patched} of ${edits} edits were patched`);
  });

  it('reads the file whole for any other edit: quotes, comments, new lines, keys, kind, flow, dashes', () => {
    const texts = readTree(EXAMPLE);
    const path = 'okrs/frontline-2026-h1.yaml';
    const session = sessionOf(texts);
    const text = texts[path];
    const line = text.split('\n').find((l) => /^ +current: \d/.test(l))!;
    const variants = [
      text.replace(line, line.replace(/current: .*/, "current: '12'")),
      text.replace(line, line.replace(/current: .*/, 'current: 12 # note')),
      text.replace(line, line.replace(/current: .*/, 'current: 12\n        confidence: 0.2')),
      text.replace(line, line.replace(/current:/, 'curent:')),
      text.replace(line, line.replace(/current: .*/, 'current: [1, 2]')),
      text.replace(line, line.replace(/current: .*/, 'current: - 1')),
      text.replace(line, line.replace(/current: .*/, 'current: &a 1')),
      text.replace(line, line.replace(/current: .*/, 'current: a: b')),
      text.replace(/^kind: Objectives$/m, 'kind: KpiTargets'),
      text.replace(line, `  ${line}`),
    ];
    for (const [i, variant] of variants.entries()) {
      const before = session.file(path)!.data as { objectives: unknown[] };
      const file = compare(session, texts, path, variant, `variant ${i}`);
      const after = file.data as { objectives?: unknown[] } | undefined;
      assert.ok(!after?.objectives?.some((o, k) => o === before.objectives[k]), `variant ${i} was read whole`);
      compare(session, texts, path, text, `variant ${i} restored`);
    }
  });

  it('keeps patching a large file edit after edit, as the benchmark types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okra-scalar-'));
    try {
      const ws = generateWorkspace({ files: 12, dir });
      const texts = readTree(dir);
      const session = sessionOf(texts);
      const lines = texts[ws.sampleObjectivesFile].split('\n');
      const metric = lines.flatMap((l, i) => (/^ +current: \S+$/.test(l) ? [i] : []));
      for (let k = 0; k < 30; k++) {
        const i = metric[(k * 7) % metric.length];
        lines[i] = lines[i].replace(/current: .*/, `current: ${(k * 1.25).toFixed(3)}`);
        const before = session.file(ws.sampleObjectivesFile)!.data as { objectives: unknown[] };
        const after = compare(session, texts, ws.sampleObjectivesFile, lines.join('\n'), `edit ${k}`).data as { objectives: unknown[] };
        assert.ok(
          after.objectives.filter((o, n) => o === before.objectives[n]).length >= after.objectives.length - 1,
          `edit ${k} was patched`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
