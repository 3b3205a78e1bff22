import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  definitionOf,
  findReferences,
  forEachReference,
  offsetAt,
  prepareRename,
  referenceFieldAt,
  referencesAt,
  renameEdits,
  symbolAt,
  type TextEdit,
  type TextLocation,
} from '../../core';
import { after, exampleSession, FIXTURES, readTree, sessionOf } from './helpers';

const FRONTLINE = 'okrs/frontline-2026-h1.yaml';

/** The text a range covers. */
function textAt(texts: Record<string, string>, location: TextLocation): string {
  const text = texts[location.file];
  return text.slice(offsetAt(text, location.range.start), offsetAt(text, location.range.end));
}

/** Applies edits to the texts (edits of one file applied from last to first). */
function applyEdits(texts: Record<string, string>, edits: TextEdit[]): Record<string, string> {
  const out = { ...texts };
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    let text = out[file];
    const sorted = list
      .map((e) => ({ e, start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end) }))
      .sort((a, b) => b.start - a.start);
    for (const { e, start, end } of sorted) text = text.slice(0, start) + e.newText + text.slice(end);
    out[file] = text;
  }
  return out;
}

describe('language/references', () => {
  const { session, texts } = exampleSession();
  const model = session.workspace;

  describe('the one table of reference fields', () => {
    it('recognises the path of every reference the rules walk', () => {
      let count = 0;
      forEachReference(model, (ref) => {
        count++;
        assert.equal(referenceFieldAt(model.byPath.get(ref.file)!.kind, ref.path), ref.field, ref.path.join('/'));
      });
      assert.ok(count > 150, `only ${count} references`);
    });

    it('scans only the items it is given, as a rule checking one file does', async () => {
      const { scanReferences } = await import('../../core/model/reference-fields');
      const files = new Set<string>();
      scanReferences(
        model,
        (cursor) => files.add(cursor.toReference().file),
        (list) => ('all' in list ? list.all : list).filter((item) => item.file === 'reviews.yaml'),
      );
      assert.deepEqual([...files], ['reviews.yaml']);
    });
  });

  describe('symbolAt', () => {
    it('finds a reference and covers only the id part of a prefixed one', () => {
      const text = texts[FRONTLINE];
      const symbol = symbolAt(model, FRONTLINE, after(text, 'owner: team/fro'));
      assert.equal(symbol?.type, 'reference');
      assert.equal(symbol?.kind, 'team');
      assert.equal(symbol?.id, 'frontline');
      assert.equal(textAt(texts, { file: FRONTLINE, range: symbol!.range }), 'frontline');
    });

    it('finds a definition on the value of `id:`', () => {
      const symbol = symbolAt(model, 'kpis.yaml', after(texts['kpis.yaml'], 'id: cs'));
      assert.deepEqual([symbol?.type, symbol?.kind, symbol?.id], ['definition', 'kpi', 'csat']);
    });

    it('resolves a bare scope to the kind that defines it', () => {
      const text = texts['kpis.yaml'];
      const tier = symbolAt(model, 'kpis.yaml', after(text, '{ scope: tier-1-fr'));
      assert.deepEqual([tier?.kind, tier?.id], ['tier', 'tier-1-frontline']);
      const vendor = symbolAt(model, 'kpis.yaml', after(text, '{ scope: atlantico'));
      assert.deepEqual([vendor?.kind, vendor?.id], ['vendor', 'atlantico-cx']);
      assert.equal(symbolAt(model, 'kpis.yaml', after(text, '{ scope: glo')), undefined, '`global` names no item');
    });

    it('finds nothing on keys, titles and comments', () => {
      const text = texts[FRONTLINE];
      assert.equal(symbolAt(model, FRONTLINE, after(text, 'kp')), undefined);
      assert.equal(symbolAt(model, FRONTLINE, after(text, 'title: Resolve')), undefined);
      assert.equal(symbolAt(model, FRONTLINE, after(text, '# Frontline')), undefined);
    });
  });

  describe('definitionOf', () => {
    it('goes from a KPI reference to the KPI’s `id:` in kpis.yaml', () => {
      const [location, ...rest] = definitionOf(model, FRONTLINE, after(texts[FRONTLINE], 'kpi: first-con'));
      assert.equal(rest.length, 0);
      assert.equal(location.file, 'kpis.yaml');
      assert.equal(textAt(texts, location), 'first-contact-resolution');
      const line = texts['kpis.yaml'].split('\n')[location.range.start.line];
      assert.match(line, /^\s+- id: first-contact-resolution$/);
    });

    it('goes from an owner, a 1:1 report, a scope and an escalation to what they name', () => {
      const cases: Array<[string, string, string, string]> = [
        [FRONTLINE, 'owner: team/front', 'org.yaml', 'frontline'],
        ['reviews.yaml', 'reports: [team/spec', 'org.yaml', 'specialists'],
        ['kpis.yaml', '{ scope: vip-l', 'tiers.yaml', 'vip-line'],
        ['tiers.yaml', '- tier: tier-2', 'tiers.yaml', 'tier-2-specialists'],
        ['okrs/amara-okafor-2026-h1.yaml', 'aligns_to: ops-fast', 'okrs/support-ops-2026-h1.yaml', 'ops-fast-right-answers'],
      ];
      for (const [file, needle, target, id] of cases) {
        const [location] = definitionOf(model, file, after(texts[file], needle));
        assert.equal(location?.file, target, needle);
        assert.equal(textAt(texts, location), id, needle);
      }
    });

    it('lists every definition of a duplicated id', () => {
      const dup = texts['org.yaml'].replace('- id: beatriz-lopes', '- id: rui-costa');
      const s = sessionOf({ ...texts, 'org.yaml': dup });
      assert.equal(definitionOf(s.workspace, FRONTLINE, after(texts[FRONTLINE], 'by: rui-co')).length, 2);
    });
  });

  describe('findReferences', () => {
    it('finds every reference to a person across files, as many as a search of the texts', () => {
      for (const person of ['rui-costa', 'tomas-novak', 'amara-okafor']) {
        // Independently: every value that is the id, bare or `person/`, minus its own `id:`.
        const pattern = new RegExp(`(?:: |- |\\[|, )(?:person/)?${person}(?=\\s*(?:$|[,\\]#]))`, 'gm');
        let expected = 0;
        for (const text of Object.values(texts)) expected += (text.match(pattern) ?? []).length;
        expected -= 1;
        const found = findReferences(model, 'person', person);
        assert.equal(found.length, expected, person);
        for (const location of found) assert.equal(textAt(texts, location), person);
        assert.ok(new Set(found.map((l) => l.file)).size >= 2, `${person} is referenced from several files`);
        const withDeclaration = findReferences(model, 'person', person, { includeDeclaration: true });
        assert.equal(withDeclaration.length, expected + 1);
      }
    });

    it('counts `team/<id>` members and bare team scopes as references to the team', () => {
      const found = findReferences(model, 'team', 'specialists');
      const lines = found.map((l) => texts[l.file].split('\n')[l.range.start.line].trim());
      assert.ok(lines.some((l) => l.startsWith('reports: [team/specialists]')));
      assert.ok(lines.some((l) => l.includes('scope: specialists')));
      assert.ok(lines.some((l) => l === 'team: specialists'));
      for (const location of found) assert.equal(textAt(texts, location), 'specialists');
    });

    it('answers from a definition as from a reference', () => {
      const fromDefinition = referencesAt(model, 'org.yaml', after(texts['org.yaml'], '- id: rui-c'), { includeDeclaration: true });
      const fromReference = referencesAt(model, FRONTLINE, after(texts[FRONTLINE], 'by: rui-c'), { includeDeclaration: true });
      assert.deepEqual(fromDefinition, fromReference);
    });
  });

  describe('rename', () => {
    const KPIS = 'kpis.yaml';
    const kpiAt = after(texts[KPIS], '- id: first-contact');

    it('renames a KPI in kpis.yaml and every key result that uses it, and validates clean', () => {
      const result = renameEdits(model, KPIS, kpiAt, 'fcr');
      assert.ok('edits' in result, 'error' in result ? result.error : '');
      const files = new Set(result.edits.map((e) => e.file));
      assert.ok(files.has(KPIS) && files.has(FRONTLINE));
      const renamed = applyEdits(texts, result.edits);
      const after_ = sessionOf(renamed);
      const refs = after_.check().filter((d) => d.rule.startsWith('ref/'));
      assert.deepEqual(refs, []);
      assert.equal(findReferences(after_.workspace, 'kpi', 'first-contact-resolution').length, 0);
      assert.equal(findReferences(after_.workspace, 'kpi', 'fcr').length, findReferences(model, 'kpi', 'first-contact-resolution').length);
      assert.doesNotMatch(renamed[FRONTLINE], /kpi: first-contact-resolution/);
      assert.match(renamed[KPIS], /- id: fcr\n/);
    });

    it('renames a team from a reference, keeping `team/` prefixes, and validates clean', () => {
      const result = renameEdits(model, 'reviews.yaml', after(texts['reviews.yaml'], 'team/spec'), 'tier-2-team');
      assert.ok('edits' in result);
      const renamed = applyEdits(texts, result.edits);
      assert.match(renamed['reviews.yaml'], /reports: \[team\/tier-2-team\]/);
      assert.match(renamed['org.yaml'], /- id: tier-2-team\n/);
      assert.match(renamed['org.yaml'], /team: tier-2-team\n/);
      assert.deepEqual(
        sessionOf(renamed)
          .check()
          .filter((d) => d.rule.startsWith('ref/')),
        [],
      );
    });

    it('renames across files saved with CRLF line ends and non-ASCII text', () => {
      const crlf = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path, text.replace(/\r?\n/g, '\r\n')]));
      const m = sessionOf(crlf).workspace;
      const result = renameEdits(m, 'org.yaml', after(crlf['org.yaml'], '- id: tomas-n'), 'tomas-novak-2');
      assert.ok('edits' in result);
      for (const edit of result.edits) assert.equal(textAt(crlf, edit), 'tomas-novak', `${edit.file}:${edit.range.start.line}`);
      const renamed = applyEdits(crlf, result.edits);
      assert.doesNotMatch(Object.values(renamed).join(''), /(?<![\w-])tomas-novak(?![\w-])/);
      assert.deepEqual(
        sessionOf(renamed)
          .check()
          .filter((d) => d.rule.startsWith('ref/')),
        [],
      );
    });

    it('refuses an id another item of the same kind has, and an invalid id', () => {
      const taken = renameEdits(model, KPIS, kpiAt, 'csat');
      assert.ok('error' in taken);
      assert.match(taken.error, /KPI .*"csat" already exists \(kpis\.yaml, line \d+\)/);
      for (const bad of ['FCR', 'first contact', '-fcr', 'team/fcr', '']) {
        const invalid = renameEdits(model, KPIS, kpiAt, bad);
        assert.ok('error' in invalid, bad);
        assert.match(invalid.error, /not a valid id/);
      }
    });

    it('prepares a rename on an id and refuses elsewhere', () => {
      const ok = prepareRename(model, FRONTLINE, after(texts[FRONTLINE], 'owner: team/fr'));
      assert.ok('range' in ok);
      assert.equal(ok.placeholder, 'frontline');
      assert.equal(textAt(texts, { file: FRONTLINE, range: ok.range }), 'frontline');
      const off = prepareRename(model, FRONTLINE, after(texts[FRONTLINE], 'title: Res'));
      assert.ok('error' in off);
      assert.match(off.error, /cursor on an id/);
      const broken = texts[FRONTLINE].replace('kpi: csat', 'kpi: no-such-kpi');
      const s = sessionOf({ ...texts, [FRONTLINE]: broken });
      const undefinedTarget = prepareRename(s.workspace, FRONTLINE, after(broken, 'kpi: no-such'));
      assert.ok('error' in undefinedTarget);
      assert.match(undefinedTarget.error, /not defined/);
    });

    it('keeps the meaning of bare owners and scopes when the new id is another kind’s', () => {
      const mini = readTree(join(FIXTURES, 'mini'));
      const m = sessionOf(mini).workspace;
      // A bare `care` scope names the team; renaming tier-one to `care` must not capture it,
      // and the renamed tier's own bare scope must say `tier/` to stay a tier.
      const result = renameEdits(m, 'tiers.yaml', after(mini['tiers.yaml'], '- id: tier-o'), 'care');
      assert.ok('edits' in result);
      const renamed = applyEdits(mini, result.edits);
      assert.match(renamed['kpis.yaml'], /scope: tier\/care,/);
      assert.match(renamed['kpis.yaml'], /scope: care,/);
      assert.deepEqual(
        sessionOf(renamed)
          .check()
          .filter((d) => d.rule.startsWith('ref/')),
        [],
      );
      // Renaming the person bo-li to `payments` (a team): the bare KR owner `bo-li` would then
      // still name the person, because a bare owner is a person first.
      const person = renameEdits(m, 'org.yaml', after(mini['org.yaml'], '- id: bo-'), 'payments');
      assert.ok('edits' in person);
      const renamedPerson = applyEdits(mini, person.edits);
      assert.match(renamedPerson['okrs.yaml'], /owner: payments\n/);
      assert.match(renamedPerson['okrs.yaml'], /owner: team\/payments\n/);
    });
  });
});
