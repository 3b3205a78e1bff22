import { strict as assert } from 'node:assert';
import type { Diagnostic, TextEdit } from '../../core/diagnostics';
import { buildModel } from '../../core/model/workspace-model';
import { parseFile } from '../../core/parse/parse-file';
import { builtinPlugin } from '../../core/builtin/plugin';
import { collectRules, runRules } from '../../core/validate/run-rules';

const rules = collectRules([builtinPlugin]);

function check(files: Record<string, string>, only?: string): Diagnostic[] {
  const model = buildModel(Object.entries(files).map(([p, text]) => parseFile(p, text)));
  return runRules(model, only ? rules.filter((r) => r.id === only) : rules);
}

/** Applies text edits to one file's text, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const ORG = `kind: Org
version: 1
teams:
  - { id: frontline, name: Frontline }
people:
  - { id: ana-ferreira, name: Ana Ferreira, team: frontline }
`;

const KPIS = `kind: KpiTargets
version: 1
kpis:
  - { id: cost-per-contact, name: Cost per contact, unit: EUR, direction: lower_is_better }
`;

const okrs = (kr: string) => `kind: Objectives
version: 1
cycle: 2026-H1
owner: team/frontline
objectives:
  - id: cheaper
    title: Cheaper support
    key_results:
      - id: cpc
        title: Cost per contact to 4.20 EUR
        type: metric
        start: 4.9
        target: 4.2
${kr}`;

describe('rule messages', () => {
  it('suggests the closest KPI id and offers to replace the value', () => {
    const [d, ...rest] = check({ 'kpis.yaml': KPIS, 'okrs.yaml': okrs('        kpi: cost-per-contcat\n') }, 'ref/unknown-kpi');
    assert.equal(rest.length, 0);
    assert.equal(
      d.message,
      'KPI of key result "cpc": KPI "cost-per-contcat" is not defined in any KpiTargets file; did you mean "cost-per-contact"?',
    );
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 13, character: 13 }, end: { line: 13, character: 29 } });
    assert.equal(d.fix?.title, 'Replace with "cost-per-contact"');
    const fixed = applyEdits(okrs('        kpi: cost-per-contcat\n'), d.fix!.edits);
    assert.deepEqual(check({ 'kpis.yaml': KPIS, 'okrs.yaml': fixed }, 'ref/unknown-kpi'), []);
  });

  it('keeps the person/ prefix in the suggestion', () => {
    const [d] = check({ 'org.yaml': ORG, 'okrs.yaml': okrs('        owner: person/ana-ferriera\n') }, 'ref/unknown-person');
    assert.equal(
      d.message,
      'Owner of key result "cpc": person "ana-ferriera" is not defined in any Org file; did you mean "person/ana-ferreira"?',
    );
    assert.equal(d.fix?.edits[0].newText, 'person/ana-ferreira');
  });

  it('gives no hint and no fix when nothing is close', () => {
    const [d] = check({ 'org.yaml': ORG, 'okrs.yaml': okrs('        owner: person/zoltan\n') }, 'ref/unknown-person');
    assert.equal(d.message, 'Owner of key result "cpc": person "zoltan" is not defined in any Org file');
    assert.equal(d.fix, undefined);
  });

  it('files a bare owner under the rule of the closest kind', () => {
    const diagnostics = check({ 'org.yaml': ORG, 'okrs.yaml': okrs('        owner: frontlin\n') });
    assert.deepEqual(
      diagnostics.map((d) => d.rule),
      ['ref/unknown-team'],
    );
    assert.equal(
      diagnostics[0].message,
      'Owner of key result "cpc": "frontlin" is not the id of any person or team in this workspace; did you mean "frontline"?',
    );
  });

  it('sets the missing weight to the remainder with its quick fix', () => {
    const text = `kind: Objectives
version: 1
cycle: 2026-H1
owner: team/frontline
objectives:
  - id: cheaper
    title: Cheaper support
    key_results:
      - id: cpc   # the headline KR
        title: Cost per contact
        type: boolean
      - id: csat
        title: CSAT
        type: boolean
        weight: 0.45
      - id: fcr
        type: boolean
        weight: 0.25
        title: FCR
`;
    const [d, ...rest] = check({ 'okrs.yaml': text }, 'okr/weights-sum');
    assert.equal(rest.length, 0);
    assert.match(d.message, /Key result "cpc" has no weight, but other key results of objective "cheaper" have one \(together 0\.7\)/);
    assert.equal(d.fix?.title, 'Set the weight of "cpc" to 0.3');
    const fixed = applyEdits(text, d.fix!.edits);
    assert.match(fixed, /- id: cpc\n {8}weight: 0\.3 {3}# the headline KR\n/);
    assert.deepEqual(check({ 'okrs.yaml': fixed }, 'okr/weights-sum'), []);
  });

  it('lists the weights that do not add up to 1 and offers to scale them', () => {
    const text = okrs(
      '        weight: 0.6\n      - id: csat\n        title: CSAT\n        type: boolean\n        weight: 0.3\n      - id: fcr\n        title: FCR\n        type: boolean\n        weight: 0.2\n',
    );
    const [d, ...rest] = check({ 'okrs.yaml': text }, 'okr/weights-sum');
    assert.equal(rest.length, 0);
    assert.equal(
      d.message,
      'The weights of the key results of objective "cheaper" add up to 1.1 (cpc 0.6 + csat 0.3 + fcr 0.2); they must add up to 1',
    );
    assert.equal(d.fix?.title, 'Scale the weights so they add up to 1 (0.5455 + 0.2727 + 0.1818)');
    const fixed = applyEdits(text, d.fix!.edits);
    assert.match(fixed, /weight: 0\.5455\n[^]*weight: 0\.2727\n[^]*weight: 0\.1818\n/);
    assert.deepEqual(check({ 'okrs.yaml': fixed }, 'okr/weights-sum'), []);
  });

  it('gives no weight fix for a key result written as a flow mapping', () => {
    const text = okrs('        weight: 0.6\n      - { id: csat, title: CSAT, type: boolean }\n');
    const [d] = check({ 'okrs.yaml': text }, 'okr/weights-sum');
    assert.equal(d.fix, undefined);
  });

  it('names the agents needed and to schedule, and durations in words (DOMAIN example)', () => {
    const tiers = `kind: TierStructure
version: 1
tiers:
  - id: tier-1
    name: Tier 1
    level: 1
    staffing: { peak_agents: 25, shrinkage: 0.24 }
    sla: { service_level: { target: 0.8, within: PT60S } }
    forecast: { contacts_per_hour: 120, aht: PT8M }
`;
    const [d] = check({ 'tiers.yaml': tiers }, 'tier/capacity');
    assert.equal(
      d.message,
      'Tier "tier-1" cannot meet its service level at the forecast peak: 19 agents available (25 at peak × (1 − 0.24 shrinkage)) answer 74.3% of 120 contacts an hour within 60 s, against a target of 80%; 20 agents are needed at an AHT of 8 min, so schedule 27 agents at peak (20 ÷ (1 − 0.24))',
    );
    assert.equal(d.severity, 'warning');
  });

  it('adds up channels: Erlang A with its abandon rate, Erlang C on AHT ÷ concurrency, email workload (tier/capacity)', () => {
    const tiers = `kind: TierStructure
version: 1
tiers:
  - id: tier-1
    name: Tier 1
    level: 1
    staffing: { peak_agents: 60, shrinkage: 0.3, coverage: 24x7 }
    sla:
      service_level: { target: 0.8, within: PT20S }
      channels: { chat: { service_level: { target: 0.8, within: PT60S } } }
    forecast:
      - { channel: voice, contacts_per_hour: 240, aht: PT8M30S, patience: PT2M }
      - { channel: chat, contacts_per_hour: 90, aht: PT12M, concurrency: 2 }
      - { channel: email, contacts_per_day: 600, aht: PT6M }
`;
    const [d] = check({ 'tiers.yaml': tiers }, 'tier/capacity');
    assert.equal(
      d.message,
      'Tier "tier-1" cannot staff its channels at the forecast peak: 55 agents are needed (voice 40 (Erlang A: 92.6% within 20 s, 2.5% abandoning at 85% occupancy); chat 12 (Erlang C: 83.9% within 60 s at 75% occupancy); email 3 (600 a day × 6 min over 24 h a day at most 85% occupancy)), but only 42 are available (60 at peak × (1 − 0.3 shrinkage)); schedule 79 agents at peak (55 ÷ (1 − 0.3))',
    );
  });

  it('caps occupancy: 5,000 an hour at 6 min needs 589 agents at 85 % (tier/capacity)', () => {
    const tiers = `kind: TierStructure
version: 1
tiers:
  - { id: big, name: Big, level: 1, staffing: { peak_agents: 760, shrinkage: 0.3 }, sla: { service_level: { target: 0.8, within: PT20S } }, forecast: [{ channel: voice, contacts_per_hour: 5000, aht: PT6M }] }
`;
    const [d] = check({ 'tiers.yaml': tiers }, 'tier/capacity');
    assert.match(d.message, /589 agents are needed \(voice 589 \(Erlang C: 100% within 20 s at 84\.9% occupancy\)\)/);
  });

  it('warns that 0 shrinkage is assumed when a tier with a forecast gives none (tier/capacity)', () => {
    const tiers = `kind: TierStructure
version: 1
tiers:
  - { id: t, name: T, level: 1, staffing: { peak_agents: 30 }, sla: { service_level: { target: 0.8, within: PT60S } }, forecast: { contacts_per_hour: 120, aht: PT8M } }
`;
    const [d] = check({ 'tiers.yaml': tiers }, 'tier/capacity');
    assert.match(d.message, /no staffing\.shrinkage; 0 is assumed/);
    assert.equal(d.severity, 'warning');
  });

  it('reports a headcount below the agents at peak (tier/headcount)', () => {
    const tiers = `kind: TierStructure
version: 1
tiers:
  - { id: t, name: T, level: 1, staffing: { headcount: 20, peak_agents: 62 } }
`;
    const [d] = check({ 'tiers.yaml': tiers }, 'tier/headcount');
    assert.match(d.message, /headcount of 20 but schedules 62 agents at peak/);
    assert.equal(d.severity, 'error');
  });

  it('honours a configured level through runRules', () => {
    const [d] = runRules(
      buildModel([parseFile('okrs.yaml', okrs('        kpi: nope\n'))]),
      rules.filter((r) => r.id === 'ref/unknown-kpi'),
      { 'ref/unknown-kpi': 'warning' },
    );
    assert.equal(d.severity, 'warning');
  });

  it('never throws on wrongly typed data (schema errors are reported elsewhere)', () => {
    const files = {
      'org.yaml':
        'kind: Org\nversion: 1\nteams: [{ id: a, name: A, lead: 42, parent: [x] }, 7, null]\npeople: { id: x }\nvendors: [{ id: 5 }]\n',
      'okrs.yaml':
        'kind: Objectives\nversion: 1\ncycle: 42\nowner: { team: a }\nobjectives:\n  - id: o\n    title: O\n    aligns_to: [o]\n    key_results: [{ id: k, type: metric, start: "1", target: 1, weight: "0.5", check_ins: "often", due: 2026-01-01 }, { id: j, weight: 0.5, check_ins: [{ date: 12, by: 3 }] }]\n  - id: p\n    key_results: nope\n',
      'kpis.yaml':
        'kind: KpiTargets\nversion: 1\nkpis: [{ id: q, direction: sideways, owner: 3, targets: [{ scope: 3, warn: "4" }, 1], actuals: "x" }]\n',
      'tiers.yaml':
        'kind: TierStructure\nversion: 1\ntiers: [{ id: t, staffing: 3, sla: { service_level: 0.8 }, forecast: { aht: 8 }, escalates_to: { tier: t } }, { id: u, staffing: { peak_agents: "9", shrinkage: 2 }, escalates_to: [3, { tier: 4 }] }]\n',
      'reviews.yaml':
        'kind: ReviewCycles\nversion: 1\none_on_ones: [{ manager: [1], reports: "everyone" }, 4]\nreviews: [{ id: r, period: 2026, participants: [1, null], stages: [{ due: 5 }, "x"] }]\nretrospectives: [{ id: s, participants: 3 }]\n',
    };
    const diagnostics = check(files);
    assert.deepEqual(
      diagnostics.filter((d) => d.rule === 'okr/rule-error'),
      [],
    );
  });
});
