import { strict as assert } from 'node:assert';
import { generateOrgModel } from '../../bench/render.bench';
import { buildReviewView, escapeDeep, tidy, VIEW_PROTOTYPE } from '../../core/render';

describe('render: documents share what is the same in each', () => {
  const model = generateOrgModel(30);
  const review = (person: string) => buildReviewView(model, 'growwise-2026-h1', person, { date: '2026-05-20' });
  // Two members of team-000 (people 0–9 of the generated org).
  const [a, b, c] = ['p0001-bruno-berg', 'p0002-chiara-costa', 'p0003-dara-demir'].map(review);

  it('teammates get the same team objective, KPI rows and stages, frozen once shared', () => {
    const team = (view: typeof a) => view.objectives.find((o) => o.id === 'team-000-team-goal');
    assert.ok(team(a) && team(a) === team(b) && team(b) === team(c));
    assert.ok(Object.isFrozen(team(a)) && Object.isFrozen(team(a)!.keyResults[0].movement));
    assert.equal(a.kpis, b.kpis);
    assert.ok(a.kpis.length > 0 && Object.isFrozen(a.kpis[0]));
    assert.equal(a.stages, c.stages);
    assert.equal(a.participant.team, b.participant.team);
  });

  it("a person's own key results are theirs alone, built for their document and not kept", () => {
    const own = (view: typeof a) => view.objectives.find((o) => o.id.endsWith('-growth'))!;
    assert.notEqual(own(a), own(b));
    assert.ok(!Object.isFrozen(own(a)));
    assert.notEqual(own(a), own(review('p0001-bruno-berg')), 'built again, equal');
    assert.deepEqual(own(a), own(review('p0001-bruno-berg')));
  });

  it('escapeDeep escapes a frozen part once, and anything else every time', () => {
    const shared = Object.freeze({ title: '**team** goal', rows: Object.freeze([Object.freeze({ name: '<b>' })]) });
    const mutable = { title: 'first' };
    const one = escapeDeep({ shared, mutable }, VIEW_PROTOTYPE);
    mutable.title = '# second';
    const two = escapeDeep({ shared, mutable }, VIEW_PROTOTYPE);
    assert.equal(one.shared, two.shared, 'the same escaped copy');
    assert.equal(one.shared.title, '\\*\\*team\\*\\* goal');
    assert.equal(one.shared.rows[0].name, '\\<b\\>');
    assert.ok(Object.isFrozen(one.shared));
    assert.equal(String(one.shared), '{ title, rows }', 'with the view prototype');
    assert.equal(one.mutable.title, 'first');
    assert.equal(two.mutable.title, '\\# second');
    // A frozen object holding a mutable one is not frozen all the way down: copied every time.
    const holder = Object.freeze({ inner: mutable });
    const three = escapeDeep(holder, VIEW_PROTOTYPE);
    mutable.title = 'third';
    assert.notEqual(escapeDeep(holder, VIEW_PROTOTYPE), three);
    assert.equal(escapeDeep(holder, VIEW_PROTOTYPE).inner.title, 'third');
    assert.equal(escapeDeep(shared, null).title, '\\*\\*team\\*\\* goal', 'another prototype: another copy');
    assert.equal(Object.getPrototypeOf(escapeDeep(shared, null)), null);
  });
});

describe('render: tidy', () => {
  /** The rules as one chain of replacements: tidy takes shortcuts but must give the same text. */
  const reference = (markdown: string) =>
    markdown
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .trimEnd();
  const pieces = ['a', ' ', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', '#', '| x |', '\u00a0', '🟢'];

  it('gives the text of the plain rules, for any mix of blanks and line breaks', () => {
    let seed = 1;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = Math.floor(next() * 24); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)];
      assert.equal(tidy(text), reference(text), JSON.stringify(text));
    }
  });
});
