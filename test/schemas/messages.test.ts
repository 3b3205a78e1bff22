import assert from 'node:assert/strict';
import type { Diagnostic } from '../../core/diagnostics';
import { parseFile } from '../../core/parse/parse-file';
import { compileSchema, validateSchema, type ExtraValidators } from '../../core/validate/schema';
import { pointerToPath } from '../../core/validate/schema-path';

function check(text: string, extra?: ExtraValidators): Diagnostic[] {
  return validateSchema(parseFile('file.yaml', text), extra);
}

function only(text: string, extra?: ExtraValidators): Diagnostic {
  const diagnostics = check(text, extra);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
  return diagnostics[0];
}

const OKR_HEAD = 'kind: Objectives\nversion: 1\ncycle: 2026-H1\nowner: team/support\nobjectives:\n';

describe('schema diagnostics: messages', () => {
  it('an unknown key says "did you mean" and offers to rename the key', () => {
    const diagnostics = check(`${OKR_HEAD}  - id: a\n    titel: A\n    key_results: [{ id: b, title: B, type: boolean }]\n`);
    const unknown = diagnostics.find((d) => d.rule === 'schema/additional-property');
    assert.equal(unknown?.message, 'Unknown key "titel" in this objective; did you mean "title"?');
    assert.deepEqual(unknown?.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 9 } });
    assert.deepEqual(unknown?.fix, { title: 'Change to "title"', edits: [{ file: 'file.yaml', range: unknown.range, newText: 'title' }] });
    // The key is misspelt rather than missing: one diagnostic, not a second "missing title".
    assert.equal(
      diagnostics.some((d) => d.rule === 'schema/required'),
      false,
      JSON.stringify(diagnostics.map((d) => d.message)),
    );
  });

  it('a misspelt enum value lists the values and offers the closest', () => {
    const d = only(
      'kind: ReviewCycles\nversion: 1\none_on_ones:\n  - manager: anna\n    reports: [bela]\n    cadence: weekly-ish\n    starts: 2026-01-05\n',
    );
    assert.equal(d.message, '"weekly-ish" is not one of: weekly, biweekly, monthly; did you mean "weekly"?');
    assert.equal(d.fix?.edits[0].newText, 'weekly');
    assert.deepEqual(d.range.start, { line: 5, character: 13 });
  });

  it('a metric key result without a target names what a metric needs, on the mapping', () => {
    const d = only(
      `${OKR_HEAD}  - id: a\n    title: A\n    key_results:\n      - id: b\n        title: B\n        type: metric\n        start: 1\n`,
    );
    assert.equal(d.rule, 'schema/required');
    assert.equal(d.message, 'Missing required key "target" (a metric key result needs start and target)');
    assert.equal(d.range.start.line, 8, 'the first key line of the key result');
  });

  it('wrong types say what was expected and what was found', () => {
    const start = only(`${OKR_HEAD}  - id: a\n    title: A\n    key_results: [{ id: b, title: B, type: metric, start: abc, target: 2 }]\n`);
    assert.equal(start.message, 'Expected a number for "start", got text "abc"');
    const cycle = only('kind: Objectives\nversion: 1\ncycle: 2026\nowner: team/support\n');
    assert.equal(cycle.message, 'Expected text for "cycle", got the number 2026; put it in quotes: "2026"');
    assert.equal(cycle.fix?.edits[0].newText, '"2026"');
  });

  it('a share written as a percentage (weight: 60%) is offered as 0.6, not 60', () => {
    const d = only(`${OKR_HEAD}  - id: a\n    title: A\n    key_results: [{ id: b, title: B, type: boolean, weight: 60% }]\n`);
    assert.equal(d.message, 'Expected a number for "weight", got text "60%"; "weight" is a share between 0 and 1, so 60% is 0.6');
    assert.equal(d.fix?.edits[0].newText, '0.6');
    const cost = only(
      `${OKR_HEAD}  - id: a\n    title: A\n    key_results: [{ id: b, title: B, type: metric, start: 5 EUR, target: 4 }]\n`,
    );
    assert.match(cost.message, /write the number only: 5 \(the unit goes in "unit"\)$/);
  });

  it('dates, durations and time zones explain the expected form', () => {
    const date = only('kind: ReviewCycles\nversion: 1\nretrospectives: [{ id: r, cycle: 2026-H1, date: 2026-13-01 }]\n');
    assert.equal(date.rule, 'schema/format');
    assert.equal(date.message, '"2026-13-01" is not a date in the calendar: there is no month 13; months run from 01 to 12');
    const november = only('kind: ReviewCycles\nversion: 1\nretrospectives: [{ id: r, cycle: 2026-H1, date: 2026-11-31 }]\n');
    assert.equal(november.message, '"2026-11-31" is not a date in the calendar: November 2026 has 30 days');
    const leap = only('kind: ReviewCycles\nversion: 1\nretrospectives: [{ id: r, cycle: 2026-H1, date: 2027-02-29 }]\n');
    assert.equal(leap.message, '"2027-02-29" is not a date in the calendar: February 2027 has 28 days');
    const duration = only('kind: TierStructure\nversion: 1\ntiers: [{ id: t, name: T, level: 1, sla: { first_response: 2h } }]\n');
    assert.equal(duration.message, '"2h" is not an ISO 8601 duration; write it as PT2H');
    assert.equal(duration.fix?.edits[0].newText, 'PT2H');
    const zone = only('kind: Config\nversion: 1\ntimezone: Europe/Budpest\n');
    assert.match(zone.message, /is not an IANA time zone/);
    assert.equal(zone.fix?.edits[0].newText, 'Europe/Budapest');
  });

  it('an unknown kind lists the kinds and suggests the closest', () => {
    const d = only('kind: TierStructur\nversion: 1\n');
    assert.equal(d.rule, 'schema/enum');
    assert.match(
      d.message,
      /^"TierStructur" is not a kind okra knows; the kinds are: Config, Org, Objectives, KpiTargets, TierStructure, ReviewCycles; did you mean "TierStructure"\?$/,
    );
    assert.equal(d.fix?.edits[0].newText, 'TierStructure');
  });

  it('reads JSON pointers with escapes and keeps numeric mapping keys as text', () => {
    const data = { rules: { 'okr/weights-sum': 'x' }, list: [{ '2026': 1 }] };
    assert.deepEqual(pointerToPath('/rules/okr~1weights-sum', data), ['rules', 'okr/weights-sum']);
    assert.deepEqual(pointerToPath('/list/0/2026', data), ['list', 0, '2026']);
    assert.deepEqual(pointerToPath('/a~0b', {}), ['a~b']);
  });

  describe('plugin kinds', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'version', 'queues'],
      properties: {
        kind: { const: 'Queues' },
        version: { const: 1 },
        queues: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id'],
            properties: {
              id: { type: 'string' },
              priority: { anyOf: [{ type: 'integer', minimum: 1 }, { enum: ['low', 'high'] }] },
              opens: { type: 'string', format: 'timezone' },
            },
          },
        },
      },
    };
    const extra: ExtraValidators = new Map([['Queues', compileSchema(schema)]]);

    it('validates with a runtime-compiled schema, with "did you mean" from the schema', () => {
      const d = only('kind: Queues\nversion: 1\nqueues:\n  - id: vip\n    priorty: 1\n', extra);
      assert.equal(d.message, 'Unknown key "priorty" in this item; did you mean "priority"?');
    });

    it('keeps the most specific branch of an anyOf', () => {
      const d = only('kind: Queues\nversion: 1\nqueues:\n  - id: vip\n    priority: 0\n', extra);
      assert.equal(d.rule, 'schema/minimum');
      const types = only('kind: Queues\nversion: 1\nqueues:\n  - id: vip\n    priority: [1]\n', extra);
      assert.equal(types.rule, 'schema/type');
    });

    it('knows the plugin kind in "did you mean" for kinds', () => {
      const d = only('kind: Queue\nversion: 1\n', extra);
      assert.match(d.message, /did you mean "Queues"\?$/);
    });

    it('checks the timezone format at run time too', () => {
      assert.equal(only('kind: Queues\nversion: 1\nqueues: [{ id: a, opens: Mars/Base }]\n', extra).rule, 'schema/format');
    });
  });
});
