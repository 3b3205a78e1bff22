/**
 * Writes a large, deterministic okra workspace for the benchmarks: one config, one Org file,
 * one TierStructure file, a global KpiTargets file, a KpiTargets and a ReviewCycles file per
 * department, and the rest Objectives files, one per team and quarter, with ~40 objectives of
 * 3 key results each. Every reference resolves and every rule passes, so the workspace
 * validates clean: that is the realistic case in CI.
 *
 *   node --import tsx bench/generate-workspace.ts [files=2000] [--seed N] [--out DIR]
 *
 * Dates are written quoted ('2026-03-31'). yaml@2 (okra, YAML 1.2) reads them as strings either
 * way, but js-yaml 3 inside ajv-cli follows YAML 1.1 and turns unquoted dates into Date
 * objects, which the schemas' `type: string` rejects: ajv-cli would then time error printing
 * instead of validation.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRandom } from '../sandbox/model/prng';

/** Bump when the output changes, so cached workspaces under bench/.work are regenerated. */
const GENERATOR_VERSION = 4;

export interface GenerateOptions {
  /** How many files to write, config included. At least 8. */
  files: number;
  /** Folder to write into; its previous content is removed. */
  dir: string;
  seed?: number;
  /** Objectives per Objectives file. */
  objectivesPerFile?: number;
  /** Key results per objective. */
  keyResultsPerObjective?: number;
}

export interface GeneratedWorkspace {
  dir: string;
  files: number;
  bytes: number;
  teams: number;
  people: number;
  departments: number;
  objectives: number;
  keyResults: number;
  /** Workspace-relative path of one Objectives file (the file the editor benchmark edits). */
  sampleObjectivesFile: string;
}

const CYCLES = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] as const;
const CYCLE_START_MONTH: Record<string, number> = { '2026-Q1': 1, '2026-Q2': 4, '2026-Q3': 7, '2026-Q4': 10 };
/** Teams per department, the department's lead team included. */
const TEAMS_PER_DEPARTMENT = 20;
const MEMBERS_PER_TEAM = 5;

const FIRST = [
  'ana',
  'bruno',
  'chiara',
  'dara',
  'elif',
  'femi',
  'greta',
  'hugo',
  'ines',
  'jonas',
  'kai',
  'lena',
  'marta',
  'nils',
  'olga',
  'pedro',
  'quinn',
  'rui',
  'sara',
  'tomas',
  'uma',
  'vera',
  'wim',
  'yara',
  'zoe',
];
const LAST = [
  'almeida',
  'berg',
  'costa',
  'demir',
  'eriksen',
  'ferreira',
  'garcia',
  'horvat',
  'ivanova',
  'jansen',
  'kowalska',
  'lopes',
  'marin',
  'novak',
  'okafor',
  'popescu',
  'rossi',
  'silva',
  'tanaka',
  'weber',
];
const AREAS = [
  'payments',
  'cards',
  'onboarding',
  'disputes',
  'lending',
  'savings',
  'travel',
  'merchant',
  'crypto',
  'business',
  'vip',
  'fraud',
  'kyc',
  'chat',
  'voice',
  'email',
  'social',
  'quality',
  'workforce',
  'knowledge',
];
const ROLES = ['Support Agent', 'Senior Agent', 'Specialist', 'Quality Coach', 'Team Leader', 'Workforce Planner', 'Analyst'];
const ZONES = [
  'Europe/Lisbon',
  'Europe/Dublin',
  'Europe/Prague',
  'Europe/Bucharest',
  'Europe/Berlin',
  'Europe/Warsaw',
  'America/New_York',
  'Asia/Manila',
];
const LOCATIONS = ['Lisbon, PT', 'Dublin, IE', 'Prague, CZ', 'Cluj-Napoca, RO', 'Berlin, DE', 'Warsaw, PL', 'New York, US', 'Manila, PH'];
const VERBS = ['Raise', 'Cut', 'Lift', 'Bring', 'Grow', 'Reduce', 'Improve', 'Hold'];
const GOALS = [
  'Resolve more at the first touch',
  'Answer chat and voice within 20 seconds, day and night',
  'Customers leave every conversation feeling it was easy',
  'Serve every customer for less, without serving them worse',
  'Keep the escalation queue young',
  'Grow a team that is good at the work and wants to stay',
  'Make the help centre answer before customers have to ask',
  'Get every regulated case to the right desk within minutes',
];

/** The KPIs of the global KpiTargets file: id, name, unit, direction, typical start and target. */
const GLOBAL_KPIS: [string, string, string, 'higher_is_better' | 'lower_is_better', number, number][] = [
  ['cost-per-contact', 'Cost per contact', 'EUR', 'lower_is_better', 4.9, 4.2],
  ['resolution-rate', 'Resolution rate', 'percent', 'higher_is_better', 84, 88],
  ['first-contact-resolution', 'First-contact resolution', 'percent', 'higher_is_better', 68, 75],
  ['csat', 'Customer satisfaction (CSAT)', 'percent', 'higher_is_better', 86, 90],
  ['customer-effort-score', 'Customer effort score', 'score', 'lower_is_better', 3.2, 2.6],
  ['deflection-rate', 'Help-centre deflection rate', 'percent', 'higher_is_better', 38, 45],
  ['automation-rate', 'Automation rate', 'percent', 'higher_is_better', 18, 30],
  ['service-level', 'Service level (80/20)', 'percent', 'higher_is_better', 72, 80],
  ['first-response-time', 'First response time', 'seconds', 'lower_is_better', 14400, 7200],
  ['average-handle-time', 'Average handle time', 'seconds', 'lower_is_better', 540, 480],
  ['schedule-adherence', 'Schedule adherence', 'percent', 'higher_is_better', 85, 92],
  ['occupancy', 'Occupancy', 'percent', 'higher_is_better', 72, 80],
  ['backlog-age', 'Backlog age (p90)', 'hours', 'lower_is_better', 60, 24],
  ['quality-score', 'Quality score', 'percent', 'higher_is_better', 84, 90],
];
const DEPARTMENT_KPIS = 10;

/** The sandbox's seeded mulberry32: the same sequence on every machine for a seed. */
const prng = createRandom;

interface Team {
  id: string;
  name: string;
  department: number;
  lead: string;
  members: string[];
  /** Cycles this team has an Objectives file for. */
  cycles: string[];
}

interface Person {
  id: string;
  name: string;
  team: string;
  manager?: string;
  vendor?: string;
}

const pad = (n: number, width = 4) => String(n).padStart(width, '0');
const date = (month: number, day: number) => `'2026-${pad(month, 2)}-${pad(day, 2)}'`;
/** Numbers as YAML writes them, without float noise (0.30000000000000004). */
const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** Plans the workspace: how many departments, teams and Objectives files for `files` files. */
function plan(files: number, random: () => number) {
  // Fixed: config, org, tiers, global KPIs. Per department: a KpiTargets and a ReviewCycles file.
  const fixed = 4;
  const perDepartment = 2 + TEAMS_PER_DEPARTMENT * CYCLES.length;
  const departments = Math.max(1, Math.round((files - fixed) / perDepartment));
  const objectiveFiles = files - fixed - 2 * departments;
  if (objectiveFiles < CYCLES.length) throw new Error(`need at least ${fixed + 2 + CYCLES.length} files, got ${files}`);
  const teamCount = Math.ceil(objectiveFiles / CYCLES.length);
  const teamsPerDepartment = Math.ceil(teamCount / departments);
  const teams: Team[] = [];
  const people: Person[] = [];
  let left = objectiveFiles;
  for (let t = 0; t < teamCount; t++) {
    const department = Math.min(departments - 1, Math.floor(t / teamsPerDepartment));
    const area = AREAS[t % AREAS.length];
    const id = `${area}-${t === 0 ? 'support-ops' : `team-${pad(t)}`}`;
    const cycles = CYCLES.slice(0, Math.min(CYCLES.length, left));
    left -= cycles.length;
    const team: Team = { id, name: `${area[0].toUpperCase()}${area.slice(1)} team ${t}`, department, lead: '', members: [], cycles };
    for (let k = 0; k <= MEMBERS_PER_TEAM; k++) {
      const first = FIRST[Math.floor(random() * FIRST.length)];
      const last = LAST[Math.floor(random() * LAST.length)];
      const person: Person = {
        id: `${first}-${last}-${pad(t)}-${k}`,
        name: `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`,
        team: id,
      };
      if (k === 0) team.lead = person.id;
      else team.members.push(person.id);
      people.push(person);
    }
    teams.push(team);
  }
  // Managers form a tree: team 0's lead → department leads → team leads → members.
  const leadTeamOf = (department: number) => teams[department * teamsPerDepartment];
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const team of teams) {
    const isDepartmentLead = leadTeamOf(team.department) === team;
    const lead = byId.get(team.lead)!;
    if (team !== teams[0]) lead.manager = isDepartmentLead ? teams[0].lead : leadTeamOf(team.department).lead;
    for (const member of team.members) byId.get(member)!.manager = team.lead;
    // Every fourth team is staffed by a BPO vendor.
    if (teams.indexOf(team) % 4 === 3) for (const member of team.members) byId.get(member)!.vendor = `vendor-${teams.indexOf(team) % 3}`;
  }
  return { departments, teams, people, leadTeamOf };
}

function configFile(): string {
  return [
    'kind: Config',
    'version: 1',
    '',
    '# Generated by bench/generate-workspace.ts: a large support organisation for the benchmarks.',
    'include:',
    "  - '**/*.yaml'",
    'timezone: Europe/Lisbon',
    'plugins: []',
    '',
  ].join('\n');
}

function orgFile(teams: Team[], people: Person[], leadTeamOf: (d: number) => Team, random: () => number): string {
  const out = ['kind: Org', 'version: 1', '', 'teams:'];
  for (const team of teams) {
    out.push(`  - id: ${team.id}`, `    name: ${team.name}`, `    lead: ${team.lead}`);
    const parent = team === teams[0] ? undefined : leadTeamOf(team.department) === team ? teams[0] : leadTeamOf(team.department);
    if (parent) out.push(`    parent: ${parent.id}`);
  }
  out.push('', 'people:');
  for (const person of people) {
    const zone = Math.floor(random() * ZONES.length);
    out.push(
      `  - id: ${person.id}`,
      `    name: ${person.name}`,
      `    email: ${person.id}@lumenpay.example`,
      `    role: ${ROLES[Math.floor(random() * ROLES.length)]}`,
      `    team: ${person.team}`,
    );
    if (person.manager) out.push(`    manager: ${person.manager}`);
    out.push(`    location: ${LOCATIONS[zone]}`, `    timezone: ${ZONES[zone]}`);
    if (person.vendor) out.push('    employment: vendor', `    vendor: ${person.vendor}`);
    else out.push(`    employment: ${random() < 0.9 ? 'employee' : 'contractor'}`);
  }
  out.push('', 'vendors:');
  for (let v = 0; v < 3; v++) {
    out.push(
      `  - id: vendor-${v}`,
      `    name: Vendor ${v} CX`,
      '    sites:',
      `      - ${LOCATIONS[v + 2]}`,
      '    contract: Master services agreement, billed per productive hour.',
    );
  }
  out.push('');
  return out.join('\n');
}

function tierFile(): string {
  // Generous staffing: floor(peak × (1 − shrinkage)) agents comfortably meet each service level.
  const tiers = [
    {
      id: 'tier-1-frontline',
      level: 1,
      model: 'bpo',
      vendor: 'vendor-0',
      peak: 70,
      cph: 200,
      aht: 'PT8M',
      sl: 0.8,
      within: 'PT20S',
      to: ['tier-2-specialists', 'tier-3-compliance'],
    },
    {
      id: 'tier-2-specialists',
      level: 2,
      model: 'in_house',
      peak: 24,
      cph: 30,
      aht: 'PT14M',
      sl: 0.8,
      within: 'PT60S',
      to: ['tier-3-compliance'],
    },
    {
      id: 'vip-line',
      level: 2,
      model: 'mixed',
      vendor: 'vendor-1',
      peak: 16,
      cph: 18,
      aht: 'PT9M',
      sl: 0.9,
      within: 'PT10S',
      to: ['tier-3-compliance'],
    },
    { id: 'tier-3-compliance', level: 3, model: 'in_house', peak: 12, cph: 8, aht: 'PT25M', sl: 0.8, within: 'PT15M', to: [] },
  ];
  const out = ['kind: TierStructure', 'version: 1', '', 'tiers:'];
  for (const t of tiers) {
    out.push(
      `  - id: ${t.id}`,
      `    name: ${t.id.replace(/-/g, ' ')}`,
      `    level: ${t.level}`,
      '    staffing:',
      `      model: ${t.model}`,
    );
    if (t.vendor) out.push(`      vendor: ${t.vendor}`);
    out.push(
      `      headcount: ${t.peak * 2}`,
      `      peak_agents: ${t.peak}`,
      '      shrinkage: 0.3',
      '      locations: ["Lisbon, PT", "Porto, PT"]',
      '      languages: [en, pt, de]',
      '      coverage: 24x7',
      '    channels: [chat, email, voice]',
      '    skills: [account-access, card-delivery]',
      '    sla:',
      '      first_response: PT2M',
      '      resolution: PT24H',
      `      service_level: { target: ${t.sl}, within: ${t.within} }`,
      '    forecast:',
      `      contacts_per_hour: ${t.cph}`,
      `      aht: ${t.aht}`,
    );
    if (t.to.length > 0) {
      out.push('    escalates_to:');
      for (const to of t.to) out.push(`      - tier: ${to}`, '        when: [kyc, aml, payments]', '        handoff_within: PT30M');
    }
  }
  out.push('');
  return out.join('\n');
}

/** A KPI target with its amber line on the bad side, as kpi/threshold-side wants. */
function targetLine(scope: string, period: string, direction: string, target: number): string {
  const warn = direction === 'higher_is_better' ? target * 0.95 : target * 1.05;
  return `      - { scope: ${scope}, period: ${period}, target: ${fmt(target)}, warn: ${fmt(warn)} }`;
}

function globalKpiFile(owner: string): string {
  const out = ['kind: KpiTargets', 'version: 1', '', 'kpis:'];
  for (const [id, name, unit, direction, start, target] of GLOBAL_KPIS) {
    out.push(
      `  - id: ${id}`,
      `    name: ${name}`,
      `    definition: The ${name.toLowerCase()} of the whole support organisation, per calendar month.`,
      `    unit: ${unit}`,
      `    direction: ${direction}`,
      `    owner: person/${owner}`,
      '    targets:',
      targetLine('global', '2026-H1', direction, (start + target) / 2),
      targetLine('global', '2026-H2', direction, target),
      targetLine('tier/tier-1-frontline', "'2026'", direction, target),
      '    actuals:',
      `      - { period: 2026-01, scope: global, value: ${fmt(start)} }`,
      `      - { period: 2026-02, scope: vendor/vendor-0, value: ${fmt(start)} }`,
    );
  }
  out.push('');
  return out.join('\n');
}

function departmentKpiId(department: number, k: number): string {
  return `d${pad(department, 2)}-${GLOBAL_KPIS[k % GLOBAL_KPIS.length][0]}`;
}

function departmentKpiFile(department: number, teams: Team[], random: () => number): string {
  const out = ['kind: KpiTargets', 'version: 1', '', 'kpis:'];
  for (let k = 0; k < DEPARTMENT_KPIS; k++) {
    const [, name, unit, direction, start, target] = GLOBAL_KPIS[k % GLOBAL_KPIS.length];
    out.push(
      `  - id: ${departmentKpiId(department, k)}`,
      `    name: ${name} (department ${department})`,
      `    unit: ${unit}`,
      `    direction: ${direction}`,
      `    owner: team/${teams[0].id}`,
      '    targets:',
    );
    for (const team of teams) {
      if (random() < 0.5) out.push(targetLine(`team/${team.id}`, '2026-H1', direction, target));
    }
    out.push(
      targetLine('global', "'2026'", direction, target),
      '    actuals:',
      `      - { period: 2026-Q1, scope: team/${teams[0].id}, value: ${fmt(start)} }`,
    );
  }
  out.push('');
  return out.join('\n');
}

function reviewFile(department: number, teams: Team[]): string {
  const lead = teams[0];
  const out = ['kind: ReviewCycles', 'version: 1', '', 'one_on_ones:'];
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  teams.forEach((team, t) => {
    out.push(
      `  - manager: ${team.lead}`,
      `    reports: [${team.members.join(', ')}]`,
      `    cadence: ${t % 2 === 0 ? 'weekly' : 'biweekly'}`,
      `    weekday: ${weekdays[t % weekdays.length]}`,
      `    time: "${pad(9 + (t % 8), 2)}:30"`,
      `    starts: ${date(1, 5 + (t % 5))}`,
      `    ends: ${date(12, 18)}`,
      '    template: one-on-one',
    );
    if (team !== lead)
      out.push(
        `  - manager: ${lead.lead}`,
        `    reports: [${team.lead}]`,
        '    cadence: monthly',
        '    weekday: thursday',
        '    time: "15:00"',
        `    starts: ${date(1, 8)}`,
        '    template: one-on-one',
      );
  });
  out.push(
    '',
    'reviews:',
    `  - id: growwise-2026-h1-d${pad(department, 2)}`,
    `    name: GrowWise 2026 H1, department ${department}`,
    '    type: performance',
    '    period:',
    `      start: ${date(1, 1)}`,
    `      end: ${date(6, 30)}`,
    '    participants:',
    ...teams.map((team) => `      - team/${team.id}`),
    '    stages:',
    `      - { id: self-review, name: Self review, due: ${date(6, 5)} }`,
    `      - { id: manager-review, name: Manager review, due: ${date(6, 16)} }`,
    `      - { id: calibration, name: Calibration, due: ${date(6, 24)} }`,
    '    template: growwise-review',
    '',
    'retrospectives:',
  );
  for (const cycle of CYCLES) {
    const month = CYCLE_START_MONTH[cycle] + 2;
    out.push(
      `  - id: okr-retro-${cycle.toLowerCase()}-d${pad(department, 2)}`,
      `    cycle: ${cycle}`,
      `    date: ${date(month, 28)}`,
      `    participants: [${[`team/${lead.id}`, ...teams.slice(1, 4).map((t) => t.lead)].join(', ')}]`,
      '    template: okr-retrospective',
    );
  }
  out.push('');
  return out.join('\n');
}

interface ObjectivesContext {
  team: Team;
  cycle: string;
  /** The team whose objectives this team's align to, if any. */
  alignTo: Team | undefined;
  objectives: number;
  keyResults: number;
  department: number;
  random: () => number;
}

const objectiveId = (team: Team, cycle: string, o: number) => `${team.id}-${cycle.toLowerCase()}-o${pad(o, 2)}`;

function objectivesFile(c: ObjectivesContext): string {
  const { team, cycle, random } = c;
  const month = CYCLE_START_MONTH[cycle];
  const owners = [team.lead, ...team.members];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out = ['kind: Objectives', 'version: 1', '', `cycle: ${cycle}`, `owner: team/${team.id}`, '', 'objectives:'];
  for (let o = 0; o < c.objectives; o++) {
    const id = objectiveId(team, cycle, o);
    out.push(`  - id: ${id}`, `    title: ${pick(GOALS)} (${o + 1})`);
    if (random() < 0.5)
      out.push(
        '    description: >-',
        '      Every contact we solve first time is one fewer transfer, repeat contact and',
        '      escalation: the biggest lever on cost per contact we control.',
      );
    if (c.alignTo?.cycles.includes(cycle)) out.push(`    aligns_to: ${objectiveId(c.alignTo, cycle, o % c.objectives)}`);
    out.push('    key_results:');
    const weighted = random() < 0.5;
    const weights = c.keyResults === 3 ? [0.5, 0.3, 0.2] : Array.from({ length: c.keyResults }, () => 1 / c.keyResults);
    for (let k = 0; k < c.keyResults; k++) {
      const roll = random();
      const type = roll < 0.6 ? 'metric' : roll < 0.85 ? 'milestone' : 'boolean';
      const owner = pick(owners);
      out.push(`      - id: ${id}-kr${k + 1}`);
      const kpi = random() < 0.5 ? Math.floor(random() * (GLOBAL_KPIS.length + DEPARTMENT_KPIS)) : -1;
      const [, kpiName, unit, , start, target] = GLOBAL_KPIS[kpi < 0 ? k % GLOBAL_KPIS.length : kpi % GLOBAL_KPIS.length];
      if (type === 'metric') out.push(`        title: ${pick(VERBS)} ${kpiName.toLowerCase()} from ${fmt(start)} to ${fmt(target)}`);
      else out.push(`        title: ${pick(VERBS)} the ${pick(AREAS)} playbook and train every agent on it`);
      out.push(`        type: ${type}`, `        owner: person/${owner}`);
      if (kpi >= 0)
        out.push(
          `        kpi: ${kpi < GLOBAL_KPIS.length ? GLOBAL_KPIS[kpi][0] : departmentKpiId(c.department, kpi - GLOBAL_KPIS.length)}`,
        );
      if (weighted && c.keyResults === 3) out.push(`        weight: ${weights[k]}`);
      out.push(`        confidence: ${fmt(0.3 + Math.floor(random() * 7) / 10)}`);
      const checkIns = Math.floor(random() * 3);
      if (type === 'metric') {
        const current = start + (target - start) * random();
        out.push(
          `        unit: ${unit}`,
          `        start: ${fmt(start)}`,
          `        target: ${fmt(target)}`,
          `        current: ${fmt(current)}`,
        );
        if (checkIns > 0) {
          out.push('        check_ins:');
          for (let i = 0; i < checkIns; i++) {
            out.push(
              `          - date: ${date(month + i, 3 + i * 7)}`,
              `            value: ${fmt(start + ((target - start) * (i + 1)) / 4)}`,
              `            confidence: 0.${6 + i}`,
              `            by: ${owner}`,
            );
            if (random() < 0.3) out.push('            note: New macros help; chargeback questions still go to Tier 2 too often.');
          }
        }
      } else {
        const done = random() < 0.4;
        if (type === 'milestone') out.push(`        due: ${date(month + 1 + Math.floor(random() * 2), 1 + Math.floor(random() * 27))}`);
        out.push(`        done: ${done}`);
        if (checkIns > 0)
          out.push(
            '        check_ins:',
            `          - date: ${date(month + 1, 10)}`,
            `            done: ${done}`,
            '            confidence: 0.8',
            `            by: ${owner}`,
          );
      }
    }
  }
  out.push('');
  return out.join('\n');
}

function stampOf(options: GenerateOptions): string {
  const { files, seed = 1, objectivesPerFile = 40, keyResultsPerObjective = 3 } = options;
  return JSON.stringify({ v: GENERATOR_VERSION, files, seed, objectivesPerFile, keyResultsPerObjective });
}

const STAMP = '.bench-stamp.json';

/** Writes the workspace (or reuses one written before with the same options). */
export function generateWorkspace(options: GenerateOptions): GeneratedWorkspace {
  const { files, dir, seed = 1, objectivesPerFile = 40, keyResultsPerObjective = 3 } = options;
  const stamp = stampOf(options);
  const stampPath = join(dir, '.okra', STAMP);
  if (existsSync(stampPath)) {
    const previous = JSON.parse(readFileSync(stampPath, 'utf8')) as { stamp: string; result: GeneratedWorkspace };
    if (previous.stamp === stamp) return { ...previous.result, dir };
  }
  rmSync(dir, { recursive: true, force: true });
  const random = prng(seed);
  const { departments, teams, people, leadTeamOf } = plan(files, random);
  let bytes = 0;
  let written = 0;
  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
    written++;
  };
  write('okra.config.yaml', configFile());
  write('org/org.yaml', orgFile(teams, people, leadTeamOf, random));
  write('tiers/tiers.yaml', tierFile());
  write('kpis/global.yaml', globalKpiFile(teams[0].lead));
  let objectives = 0;
  let sampleObjectivesFile = '';
  for (let d = 0; d < departments; d++) {
    const inDepartment = teams.filter((t) => t.department === d);
    const dept = `d${pad(d, 2)}`;
    write(`kpis/${dept}.yaml`, departmentKpiFile(d, inDepartment, random));
    write(`reviews/${dept}.yaml`, reviewFile(d, inDepartment));
    for (const team of inDepartment) {
      const lead = leadTeamOf(d);
      const alignTo = team === teams[0] ? undefined : team === lead ? teams[0] : lead;
      for (const cycle of team.cycles) {
        const path = `okrs/${dept}/${team.id}/${cycle.toLowerCase()}.yaml`;
        write(
          path,
          objectivesFile({
            team,
            cycle,
            alignTo,
            objectives: objectivesPerFile,
            keyResults: keyResultsPerObjective,
            department: d,
            random,
          }),
        );
        objectives += objectivesPerFile;
        // A file in the middle of the workspace, not the config or the first file.
        if (!sampleObjectivesFile && d === Math.floor(departments / 2) && team !== lead) sampleObjectivesFile = path;
      }
    }
  }
  if (written !== files) throw new Error(`generator wrote ${written} files, expected ${files}`);
  const result: GeneratedWorkspace = {
    dir,
    files: written,
    bytes,
    teams: teams.length,
    people: people.length,
    departments,
    objectives,
    keyResults: objectives * keyResultsPerObjective,
    sampleObjectivesFile,
  };
  mkdirSync(dirname(stampPath), { recursive: true });
  writeFileSync(stampPath, JSON.stringify({ stamp, result }));
  return result;
}

/** Where the benchmarks keep a workspace of `files` files. */
export function workDir(files: number): string {
  return resolve(__dirname, '.work', `ws-${files}`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const seed = Number(flag('--seed') ?? 1);
  const out = flag('--out');
  const files = Number(args[0] ?? 2000);
  const result = generateWorkspace({ files, seed, dir: out ? resolve(out) : workDir(files) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
