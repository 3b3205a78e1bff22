/**
 * Rendering benchmark: a generated 1,000-person support organisation, in memory, and one
 * GrowWise review document per person, to Markdown. The target is under a second for the
 * 1,000 documents once the renderer exists ("after start-up"); the figure with start-up adds
 * parsing the workspace, building the model and creating the renderer.
 *
 *   npx tsx bench/render.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { buildModel, type WorkspaceModel } from '../core/model/workspace-model';
import { parseFile } from '../core/parse/parse-file';
import { builtinDocuments, createRenderer, planDocuments } from '../core/render';
import { millis, type BenchRow } from './table';

export const PEOPLE = 1000;
const TEAM_SIZE = 10;
const KPI_IDS = [
  'cost-per-contact',
  'csat',
  'first-contact-resolution',
  'service-level',
  'average-handle-time',
  'schedule-adherence',
  'quality-score',
  'backlog-age',
];
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
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
];

/** A deterministic pseudo-random number in [0, 1) from an integer. */
const noise = (i: number) => (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1;

const personId = (i: number) => `p${String(i).padStart(4, '0')}-${FIRST[i % FIRST.length]}-${LAST[i % LAST.length]}`;
const teamId = (t: number) => `team-${String(t).padStart(3, '0')}`;

/** The workspace's files as text: Org, KPIs, one Objectives file per team, one ReviewCycles file. */
export function generateOrgFiles(people = PEOPLE): Record<string, string> {
  const teams = Math.ceil(people / TEAM_SIZE);
  const files: Record<string, string> = { 'okra.config.yaml': 'kind: Config\nversion: 1\ntimezone: Europe/Lisbon\n' };
  const org = ['kind: Org', 'version: 1', 'teams:', `  - { id: support, name: Customer Support, lead: ${personId(0)} }`];
  for (let t = 0; t < teams; t++)
    org.push(`  - { id: ${teamId(t)}, name: "Support team ${t}", lead: ${personId(t * TEAM_SIZE)}, parent: support }`);
  org.push('people:');
  for (let i = 0; i < people; i++) {
    const t = Math.floor(i / TEAM_SIZE);
    const lead = t * TEAM_SIZE;
    const manager = i === lead ? (i === 0 ? '' : `, manager: ${personId(0)}`) : `, manager: ${personId(lead)}`;
    org.push(
      `  - { id: ${personId(i)}, name: "${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}", role: Support Specialist, team: ${teamId(t)}${manager}, employment: employee }`,
    );
  }
  files['org.yaml'] = org.join('\n') + '\n';

  const kpis = ['kind: KpiTargets', 'version: 1', 'kpis:'];
  for (const [k, id] of KPI_IDS.entries()) {
    const lower = k % 2 === 0;
    kpis.push(
      `  - id: ${id}`,
      `    name: KPI ${id}`,
      '    unit: percent',
      `    direction: ${lower ? 'lower_is_better' : 'higher_is_better'}`,
      '    targets:',
    );
    kpis.push(`      - { scope: global, period: 2026-H1, target: ${lower ? 40 : 80}, warn: ${lower ? 45 : 75} }`);
    for (let t = 0; t < teams; t++)
      kpis.push(`      - { scope: ${teamId(t)}, period: 2026-H1, target: ${lower ? 40 : 80}, warn: ${lower ? 45 : 75} }`);
    kpis.push('    actuals:');
    for (const month of MONTHS.slice(0, 3)) {
      kpis.push(`      - { scope: global, period: ${month}, value: ${(60 + 30 * noise(k)).toFixed(1)} }`);
      for (let t = 0; t < teams; t++)
        kpis.push(`      - { scope: ${teamId(t)}, period: ${month}, value: ${(50 + 40 * noise(k * 1000 + t)).toFixed(1)} }`);
    }
  }
  files['kpis.yaml'] = kpis.join('\n') + '\n';

  for (let t = 0; t < teams; t++) {
    const okrs = ['kind: Objectives', 'version: 1', 'cycle: 2026-H1', `owner: team/${teamId(t)}`, 'objectives:'];
    okrs.push(`  - id: ${teamId(t)}-team-goal`, `    title: Team ${t} answers faster and better`, '    key_results:');
    okrs.push(
      `      - { id: ${teamId(t)}-csat, title: "CSAT from 80 % to 90 %", type: metric, kpi: csat, unit: percent, start: 80, target: 90, current: ${(80 + 10 * noise(t)).toFixed(1)} }`,
    );
    okrs.push(`      - { id: ${teamId(t)}-playbook, title: Team playbook published, type: milestone, due: 2026-05-31, done: false }`);
    for (let i = t * TEAM_SIZE; i < Math.min(people, (t + 1) * TEAM_SIZE); i++) {
      const p = personId(i);
      okrs.push(`  - id: ${p}-growth`, `    title: ${FIRST[i % FIRST.length]} grows their craft`, '    key_results:');
      okrs.push(
        `      - id: ${p}-fcr`,
        `        title: "First-contact resolution from 60 % to 75 %"`,
        '        type: metric',
        `        owner: ${p}`,
        '        kpi: first-contact-resolution',
        '        unit: percent',
        '        start: 60',
        '        target: 75',
        '        check_ins:',
        `          - { date: 2026-02-02, value: ${(60 + 5 * noise(i)).toFixed(1)}, confidence: 0.6, by: ${p} }`,
        `          - { date: 2026-03-02, value: ${(62 + 6 * noise(i + 1)).toFixed(1)}, confidence: 0.7, note: "Coaching sessions helped.", by: ${p} }`,
        `          - { date: 2026-04-06, value: ${(64 + 8 * noise(i + 2)).toFixed(1)}, confidence: 0.7, by: ${p} }`,
      );
      okrs.push(
        `      - { id: ${p}-cert, title: Payments certification passed, type: milestone, owner: ${p}, due: 2026-05-15, done: ${noise(i) > 0.5} }`,
      );
      okrs.push(`      - { id: ${p}-mentor, title: Mentors a new joiner, type: boolean, owner: ${p}, done: ${noise(i + 7) > 0.6} }`);
    }
    files[`okrs/${teamId(t)}.yaml`] = okrs.join('\n') + '\n';
  }

  files['reviews.yaml'] = [
    'kind: ReviewCycles',
    'version: 1',
    'reviews:',
    '  - id: growwise-2026-h1',
    '    name: GrowWise 2026 H1',
    '    type: performance',
    '    period: { start: 2026-01-01, end: 2026-06-30 }',
    '    participants:',
    ...Array.from({ length: teams }, (_, t) => `      - team/${teamId(t)}`),
    '    stages:',
    '      - { id: self-review, name: Self review, due: 2026-06-05 }',
    '      - { id: manager-review, name: Manager review, due: 2026-06-16 }',
    '      - { id: calibration, name: Calibration, due: 2026-06-24 }',
    '',
  ].join('\n');
  return files;
}

export function generateOrgModel(people = PEOPLE): WorkspaceModel {
  return buildModel(Object.entries(generateOrgFiles(people)).map(([path, text]) => parseFile(path, text)));
}

/** Renders one GrowWise document per person; returns the documents' total size (so nothing is optimised away). */
function renderReviews(model: WorkspaceModel, renderer: ReturnType<typeof createRenderer>): { documents: number; bytes: number } {
  const jobs = planDocuments(model, renderer, { template: 'growwise-review', review: 'growwise-2026-h1', date: '2026-05-20' });
  let bytes = 0;
  for (const job of jobs)
    bytes += renderer.render(job.template, job.build(), { commit: '0123456789abcdef0123456789abcdef01234567' }).markdown.length;
  return { documents: jobs.length, bytes };
}

/** CPU time of this process in ms (all threads: the JIT and GC threads too): steadier than wall time on a busy machine. */
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

export interface RenderBenchRow extends BenchRow {
  name: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** CPU time of the process over the same span, in milliseconds. */
  cpuMs: number;
  documents: number;
}

const TARGET_MS = 1000;

export async function benchRender(): Promise<RenderBenchRow[]> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const model = generateOrgModel();
  const renderer = createRenderer({ ...builtinDocuments, okraVersion: 'bench' });
  const t1 = performance.now();
  const c1 = cpuMs();
  const first = renderReviews(model, renderer);
  const t2 = performance.now();
  const c2 = cpuMs();
  // The same work again on a fresh model and renderer, with okra's code already warm (the
  // templates compile again: a new renderer's are new functions to the JIT).
  const model2 = generateOrgModel();
  const renderer2 = createRenderer({ ...builtinDocuments, okraVersion: 'bench' });
  const t3 = performance.now();
  const c3 = cpuMs();
  const second = renderReviews(model2, renderer2);
  const t4 = performance.now();
  const c4 = cpuMs();
  if (first.documents !== PEOPLE || second.bytes !== first.bytes)
    throw new Error(`expected ${PEOPLE} identical documents, got ${first.documents}`);
  const row = (name: string, ms: number, cpu: number, target?: number): RenderBenchRow => ({
    name,
    ms,
    cpuMs: cpu,
    documents: first.documents,
    benchmark: `render: ${name}`,
    figure: `${millis(ms)} (CPU ${millis(cpu)})`,
    ...(target === undefined ? {} : { target: `< ${target / 1000} s`, met: ms < target }),
  });
  return [
    row('1,000 GrowWise documents to Markdown after start-up', t2 - t1, c2 - c1, TARGET_MS),
    row('the same, warm (second model and renderer)', t4 - t3, c4 - c3),
    row('including start-up (generate, parse, build the model, create the renderer)', t2 - t0, c2 - c0),
  ];
}

if (require.main === module) {
  benchRender().then(
    (results) => {
      for (const r of results)
        console.log(
          `${r.benchmark}: ${r.ms.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU (${(r.ms / r.documents).toFixed(2)} ms a document)${r.target ? `, target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}`,
        );
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
