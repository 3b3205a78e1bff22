import { strict as assert } from 'node:assert';
import { builtinDocuments, builtinTemplates, createRenderer, planAllDocuments, TemplateError, type DocumentView } from '../../core/render';
import { precompiledTemplates } from '../../core/render/templates.precompiled.generated';
import { DATE, loadModel } from './fixtures';

describe('render: built-in templates compiled ahead of time', () => {
  const model = loadModel();
  const precompiled = createRenderer({ ...builtinDocuments });
  // Another helper name changes what `{{name}}` may mean, so this renderer compiles from the text.
  const compiled = createRenderer({
    ...builtinDocuments,
    helpers: { ...builtinDocuments.helpers, shout: (text: unknown) => String(text).toUpperCase() },
  });

  it('every built-in template and partial has its compiled form', () => {
    assert.deepEqual(precompiledTemplates.map((t) => t.source).sort(), Object.values(builtinTemplates).sort());
  });

  for (const date of [DATE, '2026-01-05', '2026-07-01']) {
    it(`render every document as compiling the text does (${date})`, () => {
      const { jobs } = planAllDocuments(model, precompiled, date);
      assert.ok(jobs.length > 3);
      for (const job of jobs) {
        const view = job.build();
        assert.equal(precompiled.render(job.template, view).markdown, compiled.render(job.template, view).markdown, job.path.join('/'));
      }
    });
  }

  it('a field missing from the view model is the same error, with template, line and field', () => {
    const [job] = planAllDocuments(model, precompiled, DATE).jobs.filter((j) => j.template === 'growwise-review');
    const { participant: _dropped, ...broken } = job.build() as DocumentView & Record<string, unknown>;
    const errorOf = (renderer: typeof precompiled) => {
      try {
        renderer.render(job.template, broken as DocumentView);
      } catch (error) {
        return error;
      }
      assert.fail('no error');
    };
    const error = errorOf(precompiled);
    assert.ok(error instanceof TemplateError);
    assert.equal(error.details.line, 3);
    assert.equal(error.details.field, 'participant.name');
    assert.deepEqual(
      { message: error.message, details: error.details },
      { message: (errorOf(compiled) as TemplateError).message, details: (errorOf(compiled) as TemplateError).details },
    );
  });
});
