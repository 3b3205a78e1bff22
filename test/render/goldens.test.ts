import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { builtinDocuments, createRenderer, planDocuments, toHtml, toNotionChunks, type RenderRequest } from '../../core/render';
import { expectGolden } from '../helpers/goldens';
import { COMMIT, DATE, GOLDENS, loadModel } from './fixtures';

// UPDATE_GOLDENS=1 npx mocha 'test/render/**/*.test.ts' rewrites them; read the documents before keeping them.
const cases: Array<{ name: string; request: Omit<RenderRequest, 'date'> }> = [
  { name: 'one-on-one.ana-lima', request: { template: 'one-on-one', person: 'ana-lima' } },
  { name: 'one-on-one.ken-ito', request: { template: 'one-on-one', person: 'ken-ito' } },
  { name: 'growwise-review.ana-lima', request: { template: 'growwise-review', review: 'h1-review', person: 'ana-lima' } },
  { name: 'growwise-review.lee-park', request: { template: 'growwise-review', review: 'h1-review', person: 'lee-park' } },
  { name: 'okr-retrospective.retro-h1', request: { template: 'okr-retrospective', retro: 'retro-h1' } },
  { name: 'okr-retrospective.team-frontline', request: { template: 'okr-retrospective', team: 'frontline' } },
];

describe('render: golden documents from test/fixtures/render/basic', () => {
  const model = loadModel();
  const renderer = createRenderer({ ...builtinDocuments, okraVersion: '0.0.0-test' });

  for (const { name, request } of cases) {
    it(`${name} (md and html)`, () => {
      const jobs = planDocuments(model, renderer, { ...request, date: DATE });
      assert.equal(jobs.length, 1);
      const document = renderer.render(jobs[0].template, jobs[0].build(), { commit: COMMIT });
      expectGolden(join(GOLDENS, `${name}.md`), document.markdown);
      expectGolden(join(GOLDENS, `${name}.html`), toHtml(document.markdown, { title: document.title }));
    });
  }

  it('one-on-one.ana-lima as Notion blocks', () => {
    const [job] = planDocuments(model, renderer, { template: 'one-on-one', person: 'ana-lima', date: DATE });
    const document = renderer.render(job.template, job.build(), { commit: COMMIT });
    expectGolden(join(GOLDENS, 'one-on-one.ana-lima.notion.json'), JSON.stringify(toNotionChunks(document.markdown), null, 2) + '\n');
  });

  it('renders every document of the example workspace without errors', () => {
    const example = loadModel(join(__dirname, '..', '..', 'examples', 'support-org'));
    for (const request of [
      { template: 'growwise-review', review: 'growwise-2026-h1' },
      { template: 'growwise-review', review: 'probation-chiara-rossi' },
      { template: 'okr-retrospective', retro: 'okr-retro-2026-h1' },
      { template: 'one-on-one', team: 'specialists' },
      { template: 'one-on-one', team: 'frontline' },
    ]) {
      for (const job of planDocuments(example, renderer, { ...request, date: '2026-04-14' })) {
        const { markdown } = renderer.render(job.template, job.build());
        assert.match(markdown, /^# /);
        assert.doesNotMatch(markdown, /undefined|NaN|\[object Object\]/, `${job.path.join('/')} shows a missing value`);
      }
    }
  });
});
