import assert from 'node:assert/strict';
import { join } from 'node:path';
import { WorkspaceSession, type Diagnostic } from '../../core';
import { analyzeFile } from '../../core/validate/analyze-file';
import { readTree } from '../helpers/read-tree';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');

function key(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.character}:${d.rule}:${d.message}`;
}

describe('WorkspaceSession (the editor path)', () => {
  const texts = readTree(EXAMPLE);
  const OKRS = 'okrs/frontline-2026-h1.yaml';

  function session(overrides: Record<string, string> = {}) {
    const files = Object.entries({ ...texts, ...overrides }).map(([path, text]) => analyzeFile(path, text));
    return WorkspaceSession.fromFiles(files);
  }

  it('checks one file exactly as the whole-workspace check does, cross-file references included', () => {
    const broken = texts[OKRS].replace('kpi: first-contact-resolution', 'kpi: first-contact-resolutoin').replace(
      /aligns_to: [a-z0-9-]+/,
      'aligns_to: no-such-objective',
    );
    // And an alignment loop across two files: ops-lower-cost-to-serve ⇄ fl-resolve-first-time.
    const OPS = 'okrs/support-ops-2026-h1.yaml';
    const looped = texts[OPS].replace(
      '  - id: ops-lower-cost-to-serve\n',
      '  - id: ops-lower-cost-to-serve\n    aligns_to: fl-resolve-first-time\n',
    );
    const s = session({ [OKRS]: broken.replace(/aligns_to: no-such-objective/, 'aligns_to: ops-lower-cost-to-serve'), [OPS]: looped });
    const all = s.check();
    assert.equal(all.filter((d) => d.rule === 'okr/alignment-loop').length, 1, 'one loop, reported once');
    for (const path of Object.keys(texts)) {
      const expected = all.filter((d) => d.file === path && d.rule !== 'config/unknown-rule').map(key);
      const actual = s
        .check(path)
        .filter((d) => d.rule !== 'config/unknown-rule')
        .map(key);
      assert.deepEqual(actual, expected, `diagnostics of ${path}`);
    }
    const rules = all.filter((d) => d.file === OKRS).map((d) => d.rule);
    assert.ok(rules.includes('ref/unknown-kpi'));
  });

  it('sees a definition removed from another file after that file is updated', () => {
    const s = session();
    assert.deepEqual(s.check(OKRS), []);
    const kpis = texts['kpis.yaml'].replace(/- id: first-contact-resolution\b/, '- id: fcr-renamed');
    s.update('kpis.yaml', kpis);
    const after = s.check(OKRS).map((d) => d.rule);
    assert.ok(after.includes('ref/unknown-kpi'), `got ${after.join(', ')}`);
  });

  it('a whole-workspace check after an update sees the update (nothing memoised across runs)', () => {
    const s = session();
    assert.equal(s.check().filter((d) => d.rule === 'ref/unknown-kpi').length, 0);
    s.update('kpis.yaml', texts['kpis.yaml'].replace(/- id: first-contact-resolution\b/, '- id: fcr-renamed'));
    assert.ok(s.check().some((d) => d.rule === 'ref/unknown-kpi' && d.file === OKRS));
  });

  it('drops a removed file from the model', () => {
    const s = session();
    s.remove('kpis.yaml');
    assert.equal(s.workspace.kpis.has('first-contact-resolution'), false);
    assert.ok(s.check(OKRS).some((d) => d.rule === 'ref/unknown-kpi'));
  });
});
