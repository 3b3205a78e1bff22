import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinPlugin } from '../../core/builtin/plugin';
import { collectRules } from '../../core/validate/run-rules';
import { casesIn, FIXTURES, folderOf, modelOf, run, ruleIdOf, toGolden, type GoldenEntry } from './fixtures';

// UPDATE_GOLDEN=1 rewrites the goldens from the current output; review the diff before keeping it.
const update = process.env.UPDATE_GOLDEN === '1';
const rules = collectRules([builtinPlugin]);

describe('workspace rules: fixture tables', () => {
  it('has a fixture folder with valid and invalid cases for every built-in rule', () => {
    for (const { id } of rules) {
      const dir = path.join(FIXTURES, folderOf(id));
      assert.ok(casesIn(path.join(dir, 'valid')).length > 0, `${id} has no valid case`);
      assert.ok(casesIn(path.join(dir, 'invalid')).length > 0, `${id} has no invalid case`);
    }
  });

  const folders = readdirSync(FIXTURES)
    .filter((f) => !f.startsWith('_') && !f.startsWith('.'))
    .sort();
  for (const folder of folders) {
    const id = ruleIdOf(folder);
    describe(id, () => {
      const only = rules.filter((r) => r.id === id);
      it('is a built-in rule', () => assert.equal(only.length, 1, `no built-in rule "${id}" for fixture folder ${folder}`));

      for (const c of casesIn(path.join(FIXTURES, folder, 'valid'))) {
        it(`valid: ${c.name}`, () => {
          const { files, model } = modelOf(c);
          for (const f of files) assert.deepEqual(f.diagnostics, [], `fixture ${f.path} has YAML problems`);
          const found = run(model, only);
          assert.deepEqual(
            found.map((d) => `${d.file}:${d.range.start.line + 1} ${d.message}`),
            [],
          );
        });
      }

      for (const c of casesIn(path.join(FIXTURES, folder, 'invalid'))) {
        it(`invalid: ${c.name}`, () => {
          const { files, model } = modelOf(c);
          for (const f of files) assert.deepEqual(f.diagnostics, [], `fixture ${f.path} has YAML problems`);
          const found = run(model, only);
          const actual = toGolden(found, c.folder);
          if (update) writeFileSync(c.golden, `${JSON.stringify(actual, null, 2)}\n`);
          assert.ok(existsSync(c.golden), `missing golden ${path.relative(FIXTURES, c.golden)}`);
          const expected = JSON.parse(readFileSync(c.golden, 'utf8')) as GoldenEntry[];
          assert.ok(expected.length > 0, 'an invalid case must expect at least one diagnostic');
          assert.deepEqual(actual, expected);
          for (const d of found) assert.doesNotMatch(d.message, /\{\{/, `unfilled placeholder in: ${d.message}`);
        });
      }
    });
  }

  describe('a complete, clean workspace', () => {
    it('gives no diagnostic from any built-in rule', () => {
      const c = { name: 'clean', source: path.join(FIXTURES, '_clean'), golden: '', folder: true };
      const { files, model } = modelOf(c);
      for (const f of files) assert.deepEqual(f.diagnostics, [], `fixture ${f.path} has YAML problems`);
      assert.ok(model.objectives.all.length > 0 && model.tiers.all.length > 0 && model.reviews.all.length > 0);
      assert.deepEqual(
        run(model, rules).map((d) => `${d.rule} ${d.file}:${d.range.start.line + 1} ${d.message}`),
        [],
      );
    });
  });
});
