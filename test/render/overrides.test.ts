import { strict as assert } from 'node:assert';
import { definePlugin } from '../../core/plugins/define-plugin';
import {
  builtinDocuments,
  createRenderer,
  mergeDocumentSources,
  planAllDocuments,
  planDocuments,
  type DocumentSources,
} from '../../core/render';
import { DATE, loadModel } from './fixtures';

describe('render: plugins and workspace overrides', () => {
  const model = loadModel();
  const rendererOf = (...sources: DocumentSources[]) => createRenderer(mergeDocumentSources([builtinDocuments, ...sources]));
  const renderOne = (sources: DocumentSources[], request: Parameters<typeof planDocuments>[2]) => {
    const renderer = rendererOf(...sources);
    const [job] = planDocuments(model, renderer, request);
    return renderer.render(job.template, job.build()).markdown;
  };
  const review = { template: 'growwise-review', review: 'h1-review', person: 'ana-lima', date: DATE };

  it('a workspace override of a partial changes every document that uses it', () => {
    const overrides = { templates: { 'partials/kr-table': '{{#each keyResults}}\n* KR: {{title}} scored {{score score}}\n{{/each}}\n' } };
    const before = renderOne([], review);
    const after = renderOne([overrides], review);
    assert.match(before, /\| Key result \| Owner \|/);
    assert.doesNotMatch(after, /\| Key result \| Owner \|/);
    assert.match(after, /^\* KR: First-contact resolution from 70 % to 80 % scored 0\.50$/m);
  });

  it('a workspace override of a whole template replaces it; the version in the provenance line follows', () => {
    const renderer = rendererOf({
      templates: { 'growwise-review': '{{!-- okra: review --}}\n# Our own review form for {{participant.name}}\n' },
    });
    const [job] = planDocuments(model, renderer, review);
    const document = renderer.render(job.template, job.build());
    assert.match(
      document.markdown,
      /^# Our own review form for Ana Lima\n\n---\n\n_Made with okra from template growwise-review \(v [0-9a-f]{10}\)\._\n$/,
    );
    assert.notEqual(document.version, createRenderer({ ...builtinDocuments }).versionOf('growwise-review'));
  });

  it('a plugin template with its own helper is renderable; its header says what it is for', () => {
    const plugin = definePlugin({
      name: 'okra-plugin-acme',
      templates: {
        'acme-review-summary': '{{!-- okra: review --}}\n# {{shout participant.name}}\n\n{{> acme-footer}}\n',
        'partials/acme-footer': 'Average score {{score summary.averageScore}}.',
      },
      helpers: { shout: (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : '') },
    });
    const renderer = rendererOf(plugin);
    assert.ok(renderer.templateNames.includes('acme-review-summary'));
    assert.equal(renderer.kindOf('acme-review-summary'), 'review');
    const jobs = planDocuments(model, renderer, { template: 'acme-review-summary', review: 'h1-review', date: DATE });
    assert.deepEqual(
      jobs.map((j) => j.path.join('/')),
      ['acme-review-summary/h1-review/ken-ito', 'acme-review-summary/h1-review/ana-lima', 'acme-review-summary/h1-review/lee-park'],
    );
    const markdown = renderer.render(jobs[1].template, jobs[1].build()).markdown;
    assert.match(markdown, /^# ANA LIMA\n\nAverage score 0\.25\./);
  });

  it('later sources win: a later plugin over an earlier one, the workspace over all', () => {
    const first = { templates: { 'partials/answer': 'FIRST' } };
    const second = { templates: { 'partials/answer': 'SECOND' } };
    const workspace = { templates: { 'partials/answer': 'WORKSPACE' } };
    assert.match(renderOne([first, second], review), /SECOND/);
    assert.doesNotMatch(renderOne([first, second], review), /FIRST/);
    assert.match(renderOne([first, second, workspace], review), /WORKSPACE/);
  });

  it('a plugin can replace a built-in helper', () => {
    const markdown = renderOne([{ helpers: { statusBadge: (s: unknown) => `[${String(s)}]` } }], review);
    assert.match(markdown, /\| \[on_track\] \|/);
  });

  it('every document of the workspace: 1:1s per series, reviews per participant, retrospectives', () => {
    const { jobs, skipped } = planAllDocuments(model, rendererOf(), DATE);
    assert.deepEqual(skipped, []);
    assert.deepEqual(
      jobs.map((j) => j.path.join('/')),
      [
        'one-on-one/ken-ito',
        'one-on-one/lee-park',
        'one-on-one/ana-lima',
        'growwise-review/h1-review/ken-ito',
        'growwise-review/h1-review/ana-lima',
        'growwise-review/h1-review/lee-park',
        'okr-retrospective/retro-h1',
      ],
    );
  });

  it('items naming a missing template or one of another kind are skipped with a reason', () => {
    const renderer = rendererOf({ templates: { 'acme-1on1': '{{!-- okra: person --}}\nx' } });
    const broken = loadModel();
    (broken.reviews.get('h1-review')!.value as { template?: string }).template = 'acme-1on1';
    (broken.retrospectives.get('retro-h1')!.value as { template?: string }).template = 'okr-retrospectiv';
    const { skipped } = planAllDocuments(broken, renderer, DATE);
    assert.deepEqual(skipped, [
      { what: 'review h1-review', reason: 'template "acme-1on1" is for a person, not a review' },
      { what: 'retrospective retro-h1', reason: 'template "okr-retrospectiv" does not exist; did you mean "okr-retrospective"?' },
    ]);
  });
});
