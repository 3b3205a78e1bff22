import { strict as assert } from 'node:assert';
import { builtinDocuments, createRenderer, planAllDocuments } from '../../core/render';
import { modelOf } from './fixtures';

// Workspaces in the middle of a cycle are sparse: key results without check-ins, people without
// teams, reviews without stages. Every document of such a workspace must still render.
const SPARSE = {
  'okra.config.yaml': 'kind: Config\nversion: 1\ntimezone: Europe/Berlin\n',
  'org.yaml': `kind: Org
version: 1
teams:
  - { id: care, name: Care, lead: lea }
people:
  - { id: lea, name: Lea Horn, team: care }
  - { id: max, name: Max Ode, team: care, manager: lea }
  - { id: solo, name: Solo Person }
`,
  'okrs.yaml': `kind: Objectives
version: 1
cycle: 2026-H1
owner: team/care
objectives:
  - id: faster
    title: Faster answers
    key_results:
      - { id: frt, title: First response from 60 to 30 min, type: metric, owner: max, start: 60, target: 30, current: 45 }
      - { id: macros, title: Macro library, type: milestone, owner: max, due: 2026-05-31 }
      - { id: never, title: Untouched metric, type: metric, owner: max, start: 1, target: 2 }
`,
  'reviews.yaml': `kind: ReviewCycles
version: 1
one_on_ones:
  - { manager: lea, reports: [max], cadence: weekly, starts: 2026-01-05 }
reviews:
  - { id: h1, name: H1 review, type: performance, period: { start: 2026-01-01, end: 2026-06-30 }, participants: [max, solo] }
retrospectives:
  - { id: retro, cycle: 2026-H1, date: 2026-06-30, participants: [lea, max] }
`,
};

describe('render: sparse workspaces', () => {
  it('renders every document when key results have no check-ins, reviews no stages, people no team', () => {
    const model = modelOf(SPARSE);
    const renderer = createRenderer({ ...builtinDocuments, okraVersion: 'test' });
    const { jobs } = planAllDocuments(model, renderer, '2026-04-14');
    assert.ok(jobs.length >= 4, `documents planned: ${jobs.map((j) => j.path.join('/')).join(', ')}`);
    const rendered = jobs.map((job) => renderer.render(job.template, job.build(), {}).markdown);
    const retro = rendered.find((md) => md.startsWith('# OKR retrospective'));
    assert.ok(retro, 'the retrospective rendered');
    // A metric that moved without any check-in is still "what moved", with no note to quote.
    assert.match(retro, /What moved\*\*\n\n- First response from 60 to 30 min/);
  });
});
