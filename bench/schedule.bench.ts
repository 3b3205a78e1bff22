/**
 * The schedule of 1,000 weekly 1:1 pairs for a year: `buildSchedule` (expansion into ~52,000
 * dated events in five time zones) and `toIcs` (the RFC 5545 calendar of all of them), median of
 * 5 runs each.
 *
 *   npx tsx bench/schedule.bench.ts
 *
 * The synthetic workspace has 125 managers with 8 reports each, spread over five zones (two
 * with EU, two with US daylight-saving rules, one without), on every weekday at times from
 * 08:00 to 16:30, so the wall-clock memo of a run sees realistic variety rather than one slot.
 * It is built through `parseFile` + `buildModel` like a real workspace; only the schedule is timed.
 */
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { buildModel, type WorkspaceModel } from '../core/model/workspace-model';
import { parseFile } from '../core/parse/parse-file';
import { buildSchedule, toIcs } from '../core/schedule';

export interface ScheduleBenchRow {
  name: string;
  /** Median wall time of the runs, in milliseconds. */
  ms: number;
  /** Median CPU time (user + system, all threads: GC included) of the runs: steadier than `ms` on a busy machine. */
  cpuMs: number;
  /** Events scheduled (the same for both measurements). */
  events: number;
  /** The same figures in the shape of `bench/run.ts`'s table rows. */
  benchmark: string;
  figure: string;
}

const MANAGERS = 125;
const REPORTS_PER_MANAGER = 8;
const ZONES = ['Europe/Lisbon', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Singapore'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const RANGE = { from: '2026-01-01', to: '2026-12-31' };

/** A workspace with MANAGERS × REPORTS_PER_MANAGER weekly 1:1 pairs. */
export function syntheticModel(): WorkspaceModel {
  const people: object[] = [];
  const oneOnOnes: object[] = [];
  for (let m = 0; m < MANAGERS; m++) {
    const manager = `manager-${m}`;
    people.push({
      id: manager,
      name: `Manager ${m}`,
      email: `${manager}@example.com`,
      timezone: ZONES[m % ZONES.length],
      team: `team-${m}`,
    });
    const reports: string[] = [];
    for (let r = 0; r < REPORTS_PER_MANAGER; r++) {
      const id = `agent-${m}-${r}`;
      people.push({ id, name: `Agent ${m}.${r}`, email: `${id}@example.com`, team: `team-${m}`, manager });
      reports.push(id);
    }
    const slot = m % 18;
    oneOnOnes.push({
      manager,
      // Half the managers name their reports, half their team: both paths are timed.
      reports: m % 2 === 0 ? reports : [`team/team-${m}`],
      cadence: 'weekly',
      weekday: WEEKDAYS[m % WEEKDAYS.length],
      time: `${String(8 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`,
      starts: '2025-09-01',
    });
  }
  const teams = Array.from({ length: MANAGERS }, (_, m) => ({ id: `team-${m}`, name: `Team ${m}`, lead: `manager-${m}` }));
  return buildModel([
    parseFile('okra.config.yaml', stringify({ kind: 'Config', version: 1, timezone: 'Europe/Lisbon' })),
    parseFile('org.yaml', stringify({ kind: 'Org', version: 1, teams, people })),
    parseFile('reviews.yaml', stringify({ kind: 'ReviewCycles', version: 1, one_on_ones: oneOnOnes })),
  ]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time<T>(runs: number, work: () => T): { ms: number; cpuMs: number; result: T } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    result = work();
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), result };
}

const figure = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Times `buildSchedule` and `toIcs` on 1,000 weekly pairs for a year (median of 5 runs; 1 when `quick`). */
export async function benchSchedule(options: { quick?: boolean } = {}): Promise<ScheduleBenchRow[]> {
  const runs = options.quick ? 1 : 5;
  const model = syntheticModel();
  const pairs = MANAGERS * REPORTS_PER_MANAGER;
  const build = time(runs, () => buildSchedule(model, RANGE));
  const events = build.result;
  const ics = time(runs, () => toIcs(events, { now: new Date('2026-01-01T00:00:00Z') }));
  const count = events.length;
  const label = `${pairs.toLocaleString('en')} weekly 1:1 pairs, a year (${count.toLocaleString('en')} events)`;
  return [
    {
      name: 'buildSchedule',
      ms: build.ms,
      cpuMs: build.cpuMs,
      events: count,
      benchmark: `okra schedule: buildSchedule, ${label}`,
      figure: `${figure(build.ms)} (CPU ${figure(build.cpuMs)})`,
    },
    {
      name: 'toIcs',
      ms: ics.ms,
      cpuMs: ics.cpuMs,
      events: count,
      benchmark: `okra schedule: toIcs, ${label}, ${(ics.result.length / 1024 / 1024).toFixed(1)} MB`,
      figure: `${figure(ics.ms)} (CPU ${figure(ics.cpuMs)})`,
    },
  ];
}

if (require.main === module) {
  benchSchedule({ quick: process.argv.includes('--quick') }).then((rows) => {
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(14)} ${figure(row.ms).padStart(9)} wall  ${figure(row.cpuMs).padStart(9)} CPU  ${row.events} events\n`,
      );
    }
  });
}
