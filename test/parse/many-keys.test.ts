import assert from 'node:assert/strict';
import { Composer, Parser } from 'yaml';
import { parseFile } from '../../core/parse/parse-file';
import { validateSchema } from '../../core/validate/schema';

const OKR_HEAD = 'kind: Objectives\nversion: 1\ncycle: 2026-H1\nowner: team/support\nobjectives:\n';
const OBJECTIVE = '  - id: a\n    title: A\n    key_results: [{ id: b, title: B, type: boolean }]\n';

/** yaml's own errors (its quadratic `uniqueKeys` check included), as code and offsets. */
function yamlErrors(text: string): string[] {
  const [doc] = new Composer({ prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' }).compose(new Parser().parse(text));
  return doc.errors.map((e) => `${e.code}@${e.pos.join('-')}`);
}

function okraErrors(text: string): string[] {
  // A tab sends the file past the fast reader, so that the Document is built right away.
  const doc = parseFile('file.yaml', text).document();
  return (doc?.errors ?? []).map((e) => `${e.code}@${e.pos.join('-')}`);
}

describe('parse: mappings with many keys', () => {
  it('reports every unknown key of a 120-key objective, on its own key, as it reports one alone', () => {
    const alone = (key: string) => validateSchema(parseFile('file.yaml', `${OKR_HEAD}${OBJECTIVE}    ${key}: x\n`));
    const keys = [...Array.from({ length: 120 }, (_, i) => `note_${i}`), 'titel'];
    const text = `${OKR_HEAD}${OBJECTIVE}${keys.map((k) => `    ${k}: x\n`).join('')}`;
    const diagnostics = validateSchema(parseFile('file.yaml', text));
    const firstKeyLine = 8;
    assert.deepEqual(
      diagnostics.map((d) => ({ rule: d.rule, message: d.message, range: d.range })),
      keys.map((key, i) => {
        const [one] = alone(key);
        return {
          rule: 'schema/additional-property',
          message: one.message,
          range: { start: { line: firstKeyLine + i, character: 4 }, end: { line: firstKeyLine + i, character: 4 + key.length } },
        };
      }),
    );
    assert.match(diagnostics[0].message, /^Unknown key "note_0" in this objective; the keys allowed here are: /);
  });

  it('still suggests a key that is missing from a mapping with hundreds of unknown ones', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `extra_${i}: x`);
    const text = `${OKR_HEAD}  - id: a\n    titel: A\n    key_results: [{ id: b, title: B, type: boolean }]\n${keys.map((k) => `    ${k}\n`).join('')}`;
    const diagnostics = validateSchema(parseFile('file.yaml', text));
    assert.equal(diagnostics.length, 201);
    assert.equal(diagnostics[0].message, 'Unknown key "titel" in this objective; did you mean "title"?');
    assert.deepEqual(diagnostics[0].range, { start: { line: 6, character: 4 }, end: { line: 6, character: 9 } });
    assert.equal(diagnostics.at(-1)?.range.start.line, 7 + 200);
  });

  it('places unknown top-level keys of a long file on their keys', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `stray_${i}`);
    const text = `${OKR_HEAD}${OBJECTIVE}${keys.map((k) => `${k}: 1\n`).join('')}`;
    const lines = validateSchema(parseFile('file.yaml', text)).map((d) => [
      d.range.start.line,
      d.range.start.character,
      d.range.end.character,
    ]);
    assert.deepEqual(
      lines,
      keys.map((k, i) => [8 + i, 0, k.length]),
    );
  });

  describe('duplicate keys are the errors yaml itself reports', () => {
    const many = Array.from({ length: 40 }, (_, i) => `k${i % 25}: ${i}\n`).join('');
    const cases: Record<string, string> = {
      'in one mapping': 'a: 1\nb: 2\na: 3\n',
      'nested, and in a sequence item': 'x:\n  a: 1\n  b: 2\n  a: 3\n- y\n',
      'after anchors and tags': '&x a: 1\n!!str a: 2\n',
      'explicit keys': '? a\n: 1\n? a\n: 2\n',
      'flow mappings': '{a: 1, a: 2, b: [ {c: 1, c: 2} ]}\n',
      'empty keys': ': 1\n: 2\n',
      'quoted and plain spellings of one key': '"a": 1\na: 2\n1: x\n"1": y\n1: z\n',
      'null and NaN keys': 'null: 1\n~: 2\n.nan: 1\n.nan: 2\n',
      'with a bad indent between them': 'a: 1\n# c\n\n  a: 2\n',
      'with syntax errors around them': 'a: [1\na: 2\nb: "x\nb: 3\n',
      'more than are reported one by one': `\t${many}`,
      'in a long mapping': Array.from({ length: 1200 }, (_, i) => `key${i % 800}: ${i}\n`).join(''),
    };
    for (const [name, text] of Object.entries(cases)) {
      it(name, () => {
        const expected = yamlErrors(text);
        if (name !== 'with syntax errors around them')
          assert.ok(
            expected.some((e) => e.startsWith('DUPLICATE_KEY')),
            'the case has a duplicate',
          );
        assert.deepEqual(okraErrors(text), expected);
      });
    }
  });
});
