/**
 * `okra sync` against the sandbox: requests and wall time for a first sync of 1,000 key
 * results, a no-op re-sync, 50 changed rows, and a naive push that updates every row.
 *
 *   npx tsx bench/sync.bench.ts            # ~1 minute: the 50-row sync runs at Notion's 3 req/s
 *   npx tsx bench/sync.bench.ts --quick    # 200 KRs, 10 changed rows
 *
 * The 50-row sync runs against a sandbox with Notion's real limit (3 requests/s average,
 * bursts of 10), okra pacing itself at 3 req/s, so its wall time can be compared with the
 * bound `requests ÷ 3 s`. The first sync (~1,100 writes: ~6 minutes at 3 req/s) and the naive
 * push run with the sandbox's limit raised (and okra's pacing off) to keep the bench short;
 * their time at 3 req/s is `requests ÷ 3` by construction, shown beside the measured time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { runSync } from '../cli/commands/sync';
import { runValidation } from '../cli/commands/validate';
import { NOTION_RATE_LIMIT, startSandbox, type SandboxHandle } from '../sandbox';
import {
  createNotionClient,
  DATABASES,
  defaultCalendarWindow,
  mapWorkspace,
  NOTION_RATE,
  NotionTransport,
  parseState,
  RateLimiter,
  readRemote,
  toProperties,
} from '../core/sync/notion';

export interface SyncBenchRow {
  name: string;
  requests: number;
  writes: number;
  ms: number;
  surfaced429: number;
  /** The same figures in the shape of `bench/run.ts`'s table rows. */
  benchmark: string;
  figure: string;
  target?: string;
  met?: boolean;
}

const NOW = DateTime.fromISO('2026-03-16T09:00:00', { zone: 'Europe/Lisbon' });
const FAST = { ratePerSecond: 1_000_000, burst: 1_000_000 };

/** A workspace with `krs` key results, 4 per objective, plus KPIs, tiers and people. */
function writeBenchWorkspace(dir: string, parentPage: string, krs: number, renamed: number): void {
  // The first write starts clean; rewrites keep .okra/notion-state.json.
  if (renamed === 0) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const w = (file: string, data: unknown) => writeFileSync(join(dir, file), stringify(data));
  w('okra.config.yaml', { kind: 'Config', version: 1, timezone: 'Europe/Lisbon', notion: { parent_page: parentPage } });
  w('org.yaml', {
    kind: 'Org',
    version: 1,
    teams: [{ id: 'support', name: 'Support' }],
    people: [{ id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', team: 'support' }],
  });
  w('kpis.yaml', {
    kind: 'KpiTargets',
    version: 1,
    kpis: Array.from({ length: 10 }, (_, i) => ({
      id: `kpi-${i}`,
      name: `KPI ${i}`,
      unit: 'percent',
      direction: 'higher_is_better',
      targets: [{ scope: 'global', period: '2026-H1', target: 80, warn: 75 }],
    })),
  });
  w('tiers.yaml', {
    kind: 'TierStructure',
    version: 1,
    tiers: [1, 2, 3].map((level) => ({
      id: `tier-${level}`,
      name: `Tier ${level}`,
      level,
      ...(level < 3 ? { escalates_to: [{ tier: `tier-${level + 1}` }] } : {}),
    })),
  });
  const objectives = Array.from({ length: Math.ceil(krs / 4) }, (_, o) => ({
    id: `obj-${o}`,
    title: `Objective ${o}`,
    key_results: Array.from({ length: Math.min(4, krs - o * 4) }, (_, k) => {
      const n = o * 4 + k;
      return {
        id: `kr-${n}`,
        title: n < renamed ? `Key result ${n} (reworded)` : `Key result ${n}`,
        type: 'metric',
        owner: 'ada',
        kpi: `kpi-${n % 10}`,
        start: 0,
        target: 100,
        current: n % 100,
      };
    }),
  }));
  w('okrs.yaml', { kind: 'Objectives', version: 1, cycle: '2026-H1', owner: 'team/support', objectives });
}

/** Pushes every row's full properties, diff or not: what a sync without a plan would do. */
async function naivePush(
  sandbox: SandboxHandle,
  root: string,
): Promise<{ requests: number; writes: number; ms: number; surfaced429: number }> {
  const started = performance.now();
  const { model } = await runValidation(root);
  const parent = String(model.config?.value.notion?.parent_page);
  const client = createNotionClient({ token: sandbox.token, baseUrl: sandbox.url });
  const t = new NotionTransport(client, { limiter: new RateLimiter(FAST), retry: { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 2000 } });
  const state = parseState(undefined, parent).state;
  const remote = await readRemote(t, parent, state);
  const pageOf = new Map(remote.rows.map((r) => [r.key, r.pageId]));
  const users = await t.usersByEmail();
  const rows = mapWorkspace(model, { model, now: NOW, userIdByEmail: users }, defaultCalendarWindow(NOW, model.timezone));
  const queue = rows.filter((r) => pageOf.has(r.key));
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const relationPageIds: Record<string, string[]> = {};
      for (const spec of DATABASES[row.kind].properties) {
        if (spec.type === 'relation' && spec.target)
          relationPageIds[spec.name] = (row.relations[spec.name] ?? []).map((id) => pageOf.get(`${spec.target}/${id}`)!).filter(Boolean);
      }
      await t.updateRow(
        row.kind,
        pageOf.get(row.key)!,
        toProperties(row, { hash: row.hash, relationPageIds }),
        remote.databases[row.kind]!.propertyIds,
      );
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return { requests: t.counters.requests, writes: t.counters.writes, ms: performance.now() - started, surfaced429: t.counters.rateLimited };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs the four measurements; `quick` uses 200 KRs and 10 changed rows. */
export async function benchSync(options: { quick?: boolean; log?: (line: string) => void } = {}): Promise<SyncBenchRow[]> {
  const krs = options.quick ? 200 : 1000;
  const changed = options.quick ? 10 : 50;
  const log = options.log ?? ((line: string) => process.stderr.write(`[sync bench] ${line}\n`));
  const dir = join(__dirname, '.work', 'sync-bench');
  const sandbox = await startSandbox({ rateLimit: false, seed: 1 });
  const rows: SyncBenchRow[] = [];
  try {
    const parent = sandbox.createRootPage('okra bench');
    writeBenchWorkspace(dir, parent, krs, 0);
    const base = { token: sandbox.token, baseUrl: sandbox.url, now: NOW, print: () => {} };
    const measure = async (
      name: string,
      extra: Partial<Parameters<typeof runSync>[1]>,
      target?: (requests: number, ms: number, writes: number, surfaced: number) => { text: string; met: boolean },
    ) => {
      log(`${name}…`);
      const writesBefore = sandbox.stats().writes;
      const started = performance.now();
      const { run } = await runSync(dir, { ...base, ...extra });
      const ms = performance.now() - started;
      const c = run.counters;
      const writes = sandbox.stats().writes - writesBefore;
      const t = target?.(c.requests, ms, writes, c.rateLimited);
      rows.push({
        name,
        requests: c.requests,
        writes,
        ms,
        surfaced429: c.rateLimited,
        benchmark: `okra sync: ${name}`,
        figure: `${c.requests} requests (${c.queryPages} query pages, ${c.retries} retries), ${writes} writes, ${c.rateLimited} × 429, ${seconds(ms)}`,
        ...(t ? { target: t.text, met: t.met } : {}),
      });
      return run;
    };

    await measure(`first sync, ${krs} KRs (sandbox limit raised)`, { rateLimit: FAST, concurrency: 8 });
    // Query pages are ⌈rows/100⌉ per database; the rest is fixed: users.me, users.list, 5 schema reads.
    const objectives = Math.ceil(krs / 4);
    const queryTarget = [krs, objectives, 10, 3, 30].reduce((n, rowsOfDb) => n + Math.max(1, Math.ceil(rowsOfDb / 100)), 0);
    const noop = await measure('no-op re-sync', { rateLimit: FAST }, (_requests, _ms, writes) => ({
      text: `≤ ${queryTarget} query pages, 0 writes`,
      met: writes === 0,
    }));
    const last = rows[rows.length - 1];
    last.met = last.met === true && noop.counters.queryPages <= queryTarget;
    // The changed rows, at Notion's own pace.
    writeBenchWorkspace(dir, parent, krs, changed);
    sandbox.setRateLimit(NOTION_RATE_LIMIT);
    await measure(`${changed} changed rows at 3 req/s`, { rateLimit: NOTION_RATE }, (requests, ms, writes, surfaced) => {
      const bound = (requests / NOTION_RATE.ratePerSecond) * 1000;
      return {
        text: `${changed} writes, ≤ 1.1 × ${seconds(bound)} (requests ÷ 3/s), 0 × 429`,
        met: writes === changed && ms <= 1.1 * bound && surfaced === 0,
      };
    });
    sandbox.setRateLimit(false);
    log('naive push of every row…');
    const naive = await naivePush(sandbox, dir);
    rows.push({
      name: 'naive push (updates every row, sandbox limit raised)',
      ...naive,
      benchmark: 'naive push: update every row',
      figure: `${naive.requests} requests, ${naive.writes} writes, ${seconds(naive.ms)} (at 3 req/s: ${seconds((naive.requests / 3) * 1000)})`,
    });
  } finally {
    await sandbox.close();
  }
  return rows;
}

if (require.main === module) {
  benchSync({ quick: process.argv.includes('--quick') }).then(
    (rows) => {
      for (const row of rows)
        process.stdout.write(
          `${row.name.padEnd(48)} ${String(row.requests).padStart(6)} req ${String(row.writes).padStart(6)} writes ${seconds(row.ms).padStart(8)} ${row.surfaced429} × 429${row.target ? `  target: ${row.target} ${row.met ? 'met' : 'NOT MET'}` : ''}\n`,
        );
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
