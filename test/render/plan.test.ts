import { strict as assert } from 'node:assert';
import { builtinDocuments, createRenderer, planDocuments, RenderRequestError } from '../../core/render';
import { DATE, loadModel } from './fixtures';

describe('render: what a request renders', () => {
  const model = loadModel();
  const renderer = createRenderer({ ...builtinDocuments });
  const paths = (request: Record<string, string>) =>
    planDocuments(model, renderer, { template: '', ...request, date: DATE }).map((j) => j.path.join('/'));
  const fails = (request: Record<string, string>, message: RegExp) =>
    assert.throws(
      () => planDocuments(model, renderer, { template: '', ...request, date: DATE }),
      (e: unknown) => e instanceof RenderRequestError && message.test(e.message),
    );

  it('one-on-one: a person, or each member of a team', () => {
    assert.deepEqual(paths({ template: 'one-on-one', person: 'ana-lima' }), ['one-on-one/ana-lima']);
    assert.deepEqual(paths({ template: 'one-on-one', team: 'frontline' }), ['one-on-one/ken-ito', 'one-on-one/ana-lima']);
  });

  it('growwise-review: every participant (team/<id> expanded), or one', () => {
    assert.deepEqual(paths({ template: 'growwise-review', review: 'h1-review' }), [
      'growwise-review/h1-review/ken-ito',
      'growwise-review/h1-review/ana-lima',
      'growwise-review/h1-review/lee-park',
    ]);
    assert.deepEqual(paths({ template: 'growwise-review', review: 'h1-review', person: 'lee-park' }), [
      'growwise-review/h1-review/lee-park',
    ]);
    assert.deepEqual(paths({ template: 'growwise-review', review: 'h1-review', team: 'support' }), ['growwise-review/h1-review/lee-park']);
  });

  it("okr-retrospective: a retrospective, a team in it, or a team's running cycle", () => {
    assert.deepEqual(paths({ template: 'okr-retrospective', retro: 'retro-h1' }), ['okr-retrospective/retro-h1']);
    assert.deepEqual(paths({ template: 'okr-retrospective', retro: 'retro-h1', team: 'frontline' }), [
      'okr-retrospective/retro-h1/frontline',
    ]);
    assert.deepEqual(paths({ template: 'okr-retrospective', team: 'frontline' }), ['okr-retrospective/frontline-2026-h1']);
  });

  it('unknown template or ids: a clear error with "did you mean"', () => {
    fails({ template: 'growwise' }, /^Unknown template "growwise"\. Templates: growwise-review, okr-retrospective, one-on-one$/);
    fails({ template: 'growwise-reveiw', review: 'h1-review' }, /^Unknown template "growwise-reveiw"; did you mean "growwise-review"\?/);
    fails({ template: 'one-on-one', person: 'ana-lma' }, /^Unknown person "ana-lma"; did you mean "ana-lima"\?$/);
    fails({ template: 'one-on-one', team: 'frontlin' }, /^Unknown team "frontlin"; did you mean "frontline"\?$/);
    fails({ template: 'growwise-review', review: 'h1-reveiw' }, /^Unknown review "h1-reveiw"; did you mean "h1-review"\?$/);
    fails({ template: 'okr-retrospective', retro: 'retro-h2' }, /^Unknown retrospective "retro-h2"; did you mean "retro-h1"\?$/);
    fails({ template: 'growwise-review', review: 'h1-review', person: 'maria-schmidt' }, /is not a participant of review "h1-review"/);
  });

  it('targets that do not fit the template say what it takes', () => {
    fails({ template: 'one-on-one' }, /renders one 1:1 agenda per person: --person ID, or --team ID/);
    fails({ template: 'one-on-one', review: 'h1-review' }, /renders one 1:1 agenda per person/);
    fails({ template: 'growwise-review', person: 'ana-lima' }, /one document per participant: --review ID/);
    fails({ template: 'okr-retrospective', person: 'ana-lima' }, /--retro ID, or --team ID/);
  });
});
