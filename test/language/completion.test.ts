import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { completionsAt, offsetAt, type CompletionItem } from '../../core';
import { after, cursor, exampleSession, FIXTURES, readTree, sessionOf } from './helpers';

const AT = DateTime.fromISO('2026-04-15T12:00', { zone: 'Europe/Lisbon' });
const FRONTLINE = 'okrs/frontline-2026-h1.yaml';

describe('language/completion', () => {
  const { texts } = exampleSession();

  /** Completions at the `|` of `marked`, which replaces the file at `path` in the example. */
  function complete(path: string, marked: string, base = texts): { items: CompletionItem[]; text: string; offset: number } {
    const { text, offset } = cursor(marked);
    const session = sessionOf({ ...base, [path]: text });
    return { items: completionsAt(session.workspace, path, offset, { at: AT }), text, offset };
  }

  const replaced = (text: string, item: CompletionItem) => text.slice(offsetAt(text, item.range.start), offsetAt(text, item.range.end));

  it('offers every KPI id at `kpi: ` with nothing typed yet', () => {
    const marked = texts[FRONTLINE].replace('kpi: average-handle-time', 'kpi: |');
    const { items, offset } = complete(FRONTLINE, marked);
    const labels = items.map((i) => i.label).sort();
    const kpiIds = [...texts['kpis.yaml'].matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]).sort();
    assert.deepEqual(labels, kpiIds);
    for (const item of items) {
      assert.equal(item.kind, 'kpi');
      assert.equal(item.insertText, item.label);
      assert.deepEqual(item.range.start, item.range.end, 'an empty value is inserted at the cursor');
    }
    assert.equal(offsetAt(marked.replace('|', ''), items[0].range.start), offset);
    const fcr = items.find((i) => i.label === 'first-contact-resolution')!;
    assert.match(fcr.detail, /First-contact resolution \(FCR\)/);
    assert.match(fcr.documentation ?? '', /Current targets/);
  });

  it('replaces the partly typed word at `kpi: first-c`', () => {
    const marked = texts[FRONTLINE].replace('kpi: average-handle-time', 'kpi: first-c|');
    const { items, text } = complete(FRONTLINE, marked);
    assert.ok(items.some((i) => i.label === 'first-contact-resolution'));
    for (const item of items) assert.equal(replaced(text, item), 'first-c');
  });

  it('replaces the whole value when the cursor is in the middle of it', () => {
    const marked = texts[FRONTLINE].replace('kpi: average-handle-time', 'kpi: avera|ge-handle-time');
    const { items, text } = complete(FRONTLINE, marked);
    assert.equal(replaced(text, items[0]), 'average-handle-time');
  });

  it('offers `team/` and `person/` ids at an Objectives file’s owner, the file’s team first', () => {
    const marked = texts[FRONTLINE].replace('owner: team/frontline', 'owner: team/|');
    const { items, text } = complete(FRONTLINE, marked);
    const teamIds = [...texts['org.yaml'].matchAll(/^ {2}- id: (\S+)\n {4}name: .*\n {4}lead:/gm)].map((m) => `team/${m[1]}`).sort();
    assert.deepEqual(items.map((i) => i.label).sort(), teamIds);
    for (const item of items) {
      assert.equal(item.kind, 'team');
      assert.equal(replaced(text, item), 'team/');
    }
    const untyped = complete(FRONTLINE, texts[FRONTLINE].replace('owner: team/frontline', 'owner: |')).items;
    assert.ok(untyped.some((i) => i.label === 'team/frontline'));
    assert.ok(
      untyped.some((i) => i.label === 'person/tomas-novak'),
      'an Objectives owner needs its prefix',
    );
    assert.ok(!untyped.some((i) => i.label === 'tomas-novak'));
  });

  it('offers people and `team/` ids at a key result’s owner, people of the owning team first', () => {
    const marked = texts[FRONTLINE].replace('owner: rui-costa', 'owner: |');
    const { items } = complete(FRONTLINE, marked);
    assert.ok(items.some((i) => i.label === 'tomas-novak' && i.kind === 'person'));
    assert.ok(items.some((i) => i.label === 'team/frontline' && i.kind === 'team'));
    const firstOther = items.findIndex(
      (i) => i.kind === 'person' && !['tomas-novak', 'rui-costa', 'ana-ferreira', 'bogdan-popescu', 'ioana-marin'].includes(i.label),
    );
    const lastFrontline = Math.max(
      ...['tomas-novak', 'rui-costa', 'ana-ferreira', 'bogdan-popescu', 'ioana-marin'].map((id) => items.findIndex((i) => i.label === id)),
    );
    assert.ok(lastFrontline < firstOther, 'Frontline people come before the others');
  });

  it('offers people in a 1:1’s reports list: direct reports first, without the manager or those listed', () => {
    const marked = texts['reviews.yaml'].replace('reports: [rui-costa, bogdan-popescu]', 'reports: [rui-costa, |]');
    const { items } = complete('reviews.yaml', marked);
    const labels = items.map((i) => i.label);
    assert.equal(labels[0], 'bogdan-popescu', 'the manager’s other direct report comes first');
    assert.ok(!labels.includes('rui-costa'), 'already listed');
    assert.ok(!labels.includes('tomas-novak'), 'the manager');
    assert.ok(labels.includes('team/frontline'));
    assert.ok(labels.includes('hanna-kowalska'));
    const block = texts['reviews.yaml'].replace('reports: [hanna-kowalska, elif-demir]', 'reports:\n      - hanna-kowalska\n      - |');
    const blockItems = complete('reviews.yaml', block).items;
    assert.equal(blockItems[0].label, 'elif-demir');
  });

  it('offers `global`, teams, tiers and vendors at a KPI scope, with prefixes where ids clash', () => {
    const mini = readTree(join(FIXTURES, 'mini'));
    const marked = mini['kpis.yaml'].replace('{ scope: care, period', '{ scope: |, period');
    const { items } = complete('kpis.yaml', marked, mini);
    const labels = items.map((i) => i.label);
    assert.equal(labels[0], 'global');
    for (const expected of ['team/care', 'vendor/care', 'payments', 'tier-one', 'tier-two', 'acme-bpo'])
      assert.ok(labels.includes(expected), expected);
    assert.ok(!labels.includes('care'), 'an id a team and a vendor share needs its prefix');
    assert.equal(items.find((i) => i.label === 'tier-one')?.kind, 'tier');
    assert.equal(items.find((i) => i.label === 'acme-bpo')?.kind, 'vendor');
  });

  it('does not offer an item as its own parent, manager or escalation', () => {
    const org = texts['org.yaml'].replace('    lead: amara-okafor\n    parent: support-ops', '    lead: amara-okafor\n    parent: |');
    const teams = complete('org.yaml', org).items.map((i) => i.label);
    assert.ok(teams.includes('support-ops'));
    assert.ok(!teams.includes('specialists'));
    const tiers = complete('tiers.yaml', texts['tiers.yaml'].replace('- tier: tier-2-specialists', '- tier: |')).items.map((i) => i.label);
    assert.ok(!tiers.includes('tier-1-frontline'));
    assert.ok(tiers.includes('vip-line'));
  });

  it('offers nothing on keys, free text and fields that are not references', () => {
    assert.deepEqual(complete(FRONTLINE, texts[FRONTLINE].replace('title: Resolve more', 'title: Resolve |more')).items, []);
    assert.deepEqual(complete(FRONTLINE, texts[FRONTLINE].replace('type: milestone', 'type: |')).items, []);
    assert.deepEqual(complete(FRONTLINE, texts[FRONTLINE].replace('kpi: csat', 'kp|i: csat')).items, []);
  });

  it('works in a quoted value and in a file that does not parse cleanly', () => {
    const quoted = complete(FRONTLINE, texts[FRONTLINE].replace('kpi: csat', 'kpi: "cs|"'));
    assert.equal(replaced(quoted.text, quoted.items[0]), 'cs');
    const broken = texts[FRONTLINE].replace('kpi: csat', 'kpi: |\n        bad: [unclosed');
    assert.ok(complete(FRONTLINE, broken).items.some((i) => i.label === 'csat'));
  });

  it('fills `check_ins[].by` with people after `by: `', () => {
    const marked = after(texts[FRONTLINE], 'by: ');
    const text = texts[FRONTLINE].slice(0, marked) + '|' + texts[FRONTLINE].slice(marked + 'rui-costa'.length);
    const { items } = complete(FRONTLINE, text);
    assert.ok(items.length > 10 && items.every((i) => i.kind === 'person'));
  });
});
