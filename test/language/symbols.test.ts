import assert from 'node:assert/strict';
import { documentSymbols, offsetAt, type DocumentSymbol, type Range } from '../../core';
import { parseFile } from '../../core/parse/parse-file';
import { exampleSession } from './helpers';

const inside = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

/** Every selection range lies inside its symbol's range, and children inside their parent (editors require it). */
function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection outside range`);
    if (parent) assert.ok(inside(s.range, parent.range), `${s.name} outside ${parent.name}`);
    assertNested(s.children, s);
  }
}

describe('language/symbols', () => {
  const { session, texts } = exampleSession();
  const file = (path: string) => session.file(path)!;
  const selected = (path: string, s: DocumentSymbol) =>
    texts[path].slice(offsetAt(texts[path], s.selectionRange.start), offsetAt(texts[path], s.selectionRange.end));

  it('outlines an Objectives file: objectives → key results', () => {
    const path = 'okrs/frontline-2026-h1.yaml';
    const symbols = documentSymbolsOf(path);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['fl-resolve-first-time', 'fl-answer-within-20s', 'fl-customers-feel-heard'],
    );
    assert.equal(symbols[0].kind, 'objective');
    assert.equal(symbols[0].detail, 'Resolve more at the first touch');
    assert.deepEqual(
      symbols[0].children.map((c) => [c.name, c.kind]),
      [
        ['fl-fcr', 'key_result'],
        ['fl-aht', 'key_result'],
        ['fl-macros-rewritten', 'key_result'],
      ],
    );
    assert.equal(selected(path, symbols[0].children[1]), 'fl-aht');
    assertNested(symbols);
  });

  it('outlines an Org file: teams, people and vendors', () => {
    const symbols = documentSymbolsOf('org.yaml');
    const people = (texts['org.yaml'].match(/^ {2}- id: .*\n {4}name: .*\n {4}email:/gm) ?? []).length;
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail]),
      [
        ['teams', 'section', '5 teams'],
        ['people', 'section', `${people} people`],
        ['vendors', 'section', '2 vendors'],
      ],
    );
    assert.equal(symbols[1].children.length, people);
    const tomas = symbols[1].children.find((c) => c.name === 'tomas-novak')!;
    assert.equal(tomas.kind, 'person');
    assert.equal(tomas.detail, 'Tomáš Novák · Frontline Lead & Vendor Manager');
    assert.equal(selected('org.yaml', tomas), 'tomas-novak');
    assert.equal(symbols[2].children[0].kind, 'vendor');
    assertNested(symbols);
  });

  it('outlines a KpiTargets file: KPIs → targets', () => {
    const symbols = documentSymbolsOf('kpis.yaml');
    const cpc = symbols[0];
    assert.deepEqual([cpc.name, cpc.kind, cpc.detail], ['cost-per-contact', 'kpi', 'Cost per contact']);
    assert.deepEqual(
      cpc.children.map((c) => [c.name, c.kind, c.detail]),
      [
        ['global 2026-Q1', 'target', 'target 4.6, amber at 4.9'],
        ['global 2026-H1', 'target', 'target 4.2, amber at 4.6'],
        ['tier-1-frontline 2026-H1', 'target', 'target 3.1, amber at 3.4'],
        ['atlantico-cx 2026-H1', 'target', 'target 2.95, amber at 3.2'],
      ],
    );
    assertNested(symbols);
  });

  it('outlines a TierStructure file: tiers', () => {
    const symbols = documentSymbolsOf('tiers.yaml');
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['tier-1-frontline', 'tier-2-specialists', 'vip-line', 'tier-3-compliance'],
    );
    assert.equal(symbols[0].detail, 'Frontline (Tier 1) · level 1');
    assert.equal(symbols[0].kind, 'tier');
    assertNested(symbols);
  });

  it('outlines a ReviewCycles file: 1:1s, reviews → stages, retrospectives', () => {
    const symbols = documentSymbolsOf('reviews.yaml');
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['one_on_ones', 'reviews', 'retrospectives'],
    );
    const [oneOnOnes, reviews, retros] = symbols;
    assert.equal(oneOnOnes.children.length, 5);
    assert.equal(oneOnOnes.children[1].name, '1:1 amara-okafor');
    assert.equal(oneOnOnes.children[1].kind, 'one_on_one');
    assert.equal(oneOnOnes.children[1].detail, 'team/specialists · biweekly');
    assert.deepEqual(
      reviews.children.map((r) => r.name),
      ['growwise-2026-h1', 'probation-chiara-rossi'],
    );
    assert.deepEqual(
      reviews.children[0].children.map((s) => [s.name, s.kind, s.detail]),
      [
        ['self-review', 'stage', 'Self review · due 2026-06-05'],
        ['manager-review', 'stage', 'Manager review · due 2026-06-16'],
        ['calibration', 'stage', 'Calibration · due 2026-06-24'],
      ],
    );
    assert.deepEqual(
      retros.children.map((r) => [r.name, r.kind]),
      [['okr-retro-2026-h1', 'retrospective']],
    );
    assertNested(symbols);
  });

  it('outlines what it can of a file being edited, and nothing of a config', () => {
    const half = parseFile(
      'okrs/x.yaml',
      'kind: Objectives\nversion: 1\nobjectives:\n  - id: a\n    title: A\n    key_results:\n      - id: k\n        title: [unclosed\n  - id: b\n',
    );
    const symbols = documentSymbols(half);
    assert.ok(symbols.some((s) => s.name === 'a'));
    assert.deepEqual(documentSymbolsOf('okra.config.yaml'), []);
  });

  function documentSymbolsOf(path: string): DocumentSymbol[] {
    return documentSymbols(file(path));
  }
});
