import { strict as assert } from 'node:assert';
import { builtinDocuments, builtinTemplates, createRenderer, planDocuments, TemplateError } from '../../core/render';
import { DATE, loadModel } from './fixtures';

describe('render: strict templates', () => {
  const model = loadModel();
  const view = () =>
    planDocuments(model, createRenderer({ ...builtinDocuments }), {
      template: 'okr-retrospective',
      retro: 'retro-h1',
      date: DATE,
    })[0].build();
  const withTemplate = (name: string, text: string, partials: Record<string, string> = {}) =>
    createRenderer({ helpers: builtinDocuments.helpers, templates: { ...builtinTemplates, [name]: text, ...partials } });

  it('a misspelt field fails with the template, the line and the field, and suggests the right one', () => {
    const renderer = withTemplate('typo', '# Retro\n\n{{#each objectives}}\n## {{titel}}\n{{/each}}\n');
    assert.throws(
      () => renderer.render('typo', view()),
      (error: unknown) => {
        assert.ok(error instanceof TemplateError);
        assert.equal(error.template, 'typo');
        assert.equal(error.details.field, 'titel');
        assert.equal(error.details.line, 4);
        assert.match(error.message, /^Template "typo", line 4, column \d+: unknown field "titel" \(did you mean "title"\?\)/);
        return true;
      },
    );
  });

  it('a misspelt field in a helper argument or a condition fails too (not silently empty)', () => {
    for (const text of ['{{percent progres}}', '{{#if sumary.moved}}x{{/if}}', '{{#each objectivs}}x{{/each}}']) {
      const renderer = withTemplate('typo', `line one\n${text}\n`);
      assert.throws(
        () => renderer.render('typo', view()),
        (error: unknown) => error instanceof TemplateError && error.details.line === 2 && /unknown field/.test(error.message),
        text,
      );
    }
  });

  it('names the partial a typo is in', () => {
    const renderer = withTemplate('uses-partial', '{{#each objectives}}{{> bad-row}}{{/each}}', { 'partials/bad-row': '\n{{scor}}\n' });
    assert.throws(
      () => renderer.render('uses-partial', view()),
      /^TemplateError|Template "uses-partial" \(partial "bad-row"\), line 2.*"scor".*did you mean "score"/,
    );
  });

  it('an unknown helper fails at compile time with the template name', () => {
    const renderer = withTemplate('helper-typo', '{{percnt 0.5}}');
    assert.throws(() => renderer.render('helper-typo', view()), /Template "helper-typo".*unknown helper percnt/);
  });

  it('reading a field of a missing (null) value is an error, guarded with #if it is not', () => {
    const bad = withTemplate('t', '{{team.name}}');
    assert.throws(
      () => bad.render('t', view()),
      /^TemplateError: Template "t", line 1, column 3: "team\.name": "team" is empty here \(null\); guard it with \{\{#if team\}\}$/,
    );
    const good = withTemplate('t', '{{#if team}}{{team.name}}{{else}}whole cycle{{/if}}');
    assert.match(good.render('t', view()).markdown, /^whole cycle/);
  });

  it('an unknown template is an error with "did you mean"', () => {
    assert.throws(
      () => createRenderer({ ...builtinDocuments }).render('one-on-on', view()),
      /No template "one-on-on"; did you mean "one-on-one"\?/,
    );
  });
});
