import { strict as assert } from 'node:assert';
import { builtinDocuments, builtinTemplates, createRenderer, planDocuments, provenanceLine, toHtml } from '../../core/render';
import { COMMIT, DATE, loadModel } from './fixtures';

describe('render: provenance and reproducibility', () => {
  const model = loadModel();
  const render = (templates = builtinTemplates, commit: string | null = COMMIT) => {
    const renderer = createRenderer({ templates, helpers: builtinDocuments.helpers, okraVersion: '1.2.3' });
    const [job] = planDocuments(model, renderer, { template: 'growwise-review', review: 'h1-review', person: 'ana-lima', date: DATE });
    return renderer.render(job.template, job.build(), { commit: commit ?? undefined });
  };

  it('every document ends with the provenance line: template, version, okra version, commit', () => {
    const { markdown, version } = render();
    const last = markdown.trimEnd().split('\n').pop();
    assert.equal(last, `_Made with okra 1.2.3 from template growwise-review (v ${version}), workspace commit 0123456789ab._`);
    assert.match(version, /^[0-9a-f]{10}$/);
    assert.ok(markdown.endsWith('\n') && !markdown.endsWith('\n\n'));
  });

  it('says so when there is no commit or the tree is dirty', () => {
    assert.doesNotMatch(render(builtinTemplates, null).markdown, /commit/);
    assert.equal(
      provenanceLine({ template: 't', version: 'abc', commit: COMMIT, dirty: true }),
      '_Made with okra from template t (v abc), workspace commit 0123456789ab with uncommitted changes._',
    );
    assert.equal(
      provenanceLine({ template: 't', version: 'abc', commit: 'not a sha' }),
      '_Made with okra from template t (v abc), workspace not committed._',
    );
  });

  it('two renders are byte-identical, in Markdown and HTML', () => {
    const a = render();
    const b = render();
    assert.equal(a.markdown, b.markdown);
    assert.equal(toHtml(a.markdown, { title: a.title }), toHtml(b.markdown, { title: b.title }));
  });

  it('the version changes with the template or a partial it uses, not with an unrelated one', () => {
    const base = render().version;
    assert.notEqual(render({ ...builtinTemplates, 'growwise-review': builtinTemplates['growwise-review'] + '\n' }).version, base);
    assert.notEqual(render({ ...builtinTemplates, 'partials/kr-table': builtinTemplates['partials/kr-table'] + ' ' }).version, base);
    assert.equal(render({ ...builtinTemplates, 'partials/unused': 'x' }).version, base);
  });
});
