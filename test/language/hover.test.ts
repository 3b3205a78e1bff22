import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { hoverAt, offsetAt } from '../../core';
import { after, exampleSession, FIXTURES, readTree, sessionOf } from './helpers';

const AT = DateTime.fromISO('2026-04-15T12:00', { zone: 'Europe/Lisbon' });
const FRONTLINE = 'okrs/frontline-2026-h1.yaml';

describe('language/hover', () => {
  const { session, texts } = exampleSession();
  const model = session.workspace;
  const hover = (file: string, needle: string, m = model, t = texts) => {
    const h = hoverAt(m, file, after(t[file], needle), { at: AT });
    assert.ok(h, `no hover at "${needle}"`);
    return h;
  };

  it('describes a person: name, role, team, manager', () => {
    const { contents, range } = hover(FRONTLINE, 'by: rui-co');
    assert.match(contents, /\*\*Rui Costa\*\* · person `rui-costa`/);
    assert.match(contents, /_Team Leader, Atlântico CX Porto \(day shift\)_/);
    assert.match(contents, /- Team: Frontline \(Tier 1\) \(`frontline`\)/);
    assert.match(contents, /- Manager: Tomáš Novák \(`tomas-novak`\)/);
    const text = texts[FRONTLINE];
    assert.equal(text.slice(offsetAt(text, range.start), offsetAt(text, range.end)), 'rui-costa');
  });

  it('describes a team: lead and parent', () => {
    const { contents } = hover(FRONTLINE, 'owner: team/fr');
    assert.match(contents, /\*\*Frontline \(Tier 1\)\*\* · team `frontline`/);
    assert.match(contents, /- Lead: Tomáš Novák/);
    assert.match(contents, /- Parent: Support Operations \(`support-ops`\)/);
  });

  it('describes a KPI: name, unit, direction and the targets in force', () => {
    const { contents } = hover(FRONTLINE, 'kpi: average-h');
    assert.match(contents, /\*\*Average handle time \(AHT\)\*\* · KPI `average-handle-time`/);
    assert.match(contents, /- Unit: seconds/);
    assert.match(contents, /- Direction: lower is better/);
    assert.match(contents, /- tier-1-frontline, 2026-H1: \*\*480 seconds\*\*, amber at 540 seconds/);
  });

  it('shows the narrowest target in force per scope: a Q1 target in March, the H1 one in April', () => {
    const march = hoverAt(model, 'kpis.yaml', after(texts['kpis.yaml'], 'id: cost-per'), {
      at: DateTime.fromISO('2026-03-10', { zone: 'Europe/Lisbon' }),
    })!;
    assert.match(march.contents, /- global, 2026-Q1: \*\*4\.6 EUR\*\*/);
    assert.doesNotMatch(march.contents, /global, 2026-H1/);
    const april = hover('kpis.yaml', 'id: cost-per');
    assert.match(april.contents, /- global, 2026-H1: \*\*4\.2 EUR\*\*, amber at 4\.6 EUR/);
  });

  it('describes an objective: title, owner, cycle, progress and status', () => {
    const { contents } = hover('okrs/amara-okafor-2026-h1.yaml', 'aligns_to: ops-fast');
    assert.match(contents, /\*\*Customers reach the right person fast and leave satisfied\*\* · objective `ops-fast-right-answers`/);
    assert.match(contents, /- Owner: team Support Operations \(`support-ops`\)/);
    assert.match(contents, /- Cycle: 2026-H1/);
    assert.match(contents, /- Progress: \d+%/);
    assert.match(contents, /- Status: (on track|at risk|off track)/);
  });

  it('describes a key result on its id: progress, score and status', () => {
    const { contents } = hover(FRONTLINE, 'id: fl-fc');
    // fl-fcr: 68 → 75 at 71 is 3/7 = 43%, trailing the 58% of the half-year that has passed.
    assert.match(contents, /\*\*First-contact resolution from 68 % to 75 %\*\* · key result `fl-fcr`/);
    assert.match(contents, /- Progress: 43%/);
    assert.match(contents, /- Score: 0\.43/);
    assert.match(contents, /- Status: at risk/);
    assert.match(contents, /- Metric: 68% → 75%, now 71%/);
  });

  it('describes a tier: level, staffing, SLA and the Erlang C verdict', () => {
    const ok = hover('kpis.yaml', '{ scope: tier-1-fr').contents;
    assert.match(ok, /\*\*Frontline \(Tier 1\)\*\* · tier `tier-1-frontline`/);
    assert.match(ok, /- Level: 1/);
    assert.match(ok, /- Staffing: bpo, by Atlântico CX \(`atlantico-cx`\), 150 headcount, 62 agents at peak, 32% shrinkage/);
    assert.match(ok, /- Service level: 80% within PT20S/);
    assert.match(ok, /Capacity: 42 agents available answer \d+% within PT20S at the forecast peak, meeting the 80% target/);
    const mini = readTree(join(FIXTURES, 'mini'));
    const short = hover('kpis.yaml', '{ scope: tier-o', sessionOf(mini).workspace, mini).contents;
    assert.match(short, /⚠️ Capacity: 7 agents available answer 0% .* short of the 80% target; 14 agents are needed \(Erlang C\)/);
  });

  it('describes a tier with a forecast per channel: agents needed by channel', () => {
    const texts = {
      'tiers.yaml': `kind: TierStructure
version: 1
tiers:
  - id: by-channel
    name: By channel
    level: 1
    staffing: { peak_agents: 60, shrinkage: 0.3, coverage: 24x7 }
    sla: { service_level: { target: 0.8, within: PT20S }, channels: { chat: { service_level: { target: 0.8, within: PT60S } } } }
    forecast:
      - { channel: voice, contacts_per_hour: 240, aht: PT8M30S, patience: PT2M }
      - { channel: chat, contacts_per_hour: 90, aht: PT12M, concurrency: 2 }
      - { channel: email, contacts_per_day: 600, aht: PT6M }
`,
    };
    const h = hoverAt(sessionOf(texts).workspace, 'tiers.yaml', after(texts['tiers.yaml'], 'id: by-ch'), { at: AT });
    assert.match(h?.contents ?? '', /⚠️ Capacity: 42 agents available, 55 needed at the forecast peak \(voice 40, chat 12, email 3\)/);
  });

  it('describes a vendor, a review and a retrospective', () => {
    assert.match(
      hover('tiers.yaml', 'vendor: atlantico').contents,
      /\*\*Atlântico CX\*\* · vendor `atlantico-cx`[\s\S]*- Sites: Porto, PT; Cluj-Napoca, RO/,
    );
    assert.match(
      hover('reviews.yaml', 'id: growwise').contents,
      /\*\*GrowWise 2026 H1\*\* · review[\s\S]*- Stages: Self review \(2026-06-05\)/,
    );
    assert.match(hover('reviews.yaml', 'id: okr-retro').contents, /retrospective `okr-retro-2026-h1`[\s\S]*- Participants: 8/);
  });

  it('says `global` is the whole organisation and that an unknown id is not defined', () => {
    assert.match(hover('kpis.yaml', '{ scope: glob').contents, /whole support organisation/);
    const broken = texts[FRONTLINE].replace('kpi: csat', 'kpi: csta');
    const s = sessionOf({ ...texts, [FRONTLINE]: broken });
    const h = hoverAt(s.workspace, FRONTLINE, after(broken, 'kpi: cs'), { at: AT });
    assert.match(h?.contents ?? '', /No KPI with the id `csta` is defined/);
  });

  it('escapes Markdown in names and titles taken from the files', () => {
    const mini = readTree(join(FIXTURES, 'mini'));
    const m = sessionOf(mini).workspace;
    const team = hoverAt(m, 'okrs.yaml', after(mini['okrs.yaml'], 'owner: team/ca'), { at: AT })!.contents;
    assert.match(team, /\*\*Care \\<Tier 1\\> \\\*core\\\*\*\*/);
    const objective = hoverAt(m, 'okrs.yaml', after(mini['okrs.yaml'], 'id: happy'), { at: AT })!.contents;
    assert.match(objective, /Customers are \\\*happy\\\*/);
  });

  it('gives nothing on keys and free text', () => {
    assert.equal(hoverAt(model, FRONTLINE, after(texts[FRONTLINE], 'tit'), { at: AT }), undefined);
    assert.equal(hoverAt(model, FRONTLINE, after(texts[FRONTLINE], 'title: Res'), { at: AT }), undefined);
  });
});
