import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { runSync, type RunSyncOptions, type RunSyncResult } from '../../cli/commands/sync';
import { buildModel, type WorkspaceModel } from '../../core/model/workspace-model';
import { parseFile } from '../../core/parse/parse-file';
import type { SandboxHandle, SandboxState } from '../../sandbox';
import type { RetryPolicy } from '../../core/sync/notion';

/** The instant every test syncs at: status and the calendar window are fixed by it. */
export const NOW = DateTime.fromISO('2026-03-16T09:00:00', { zone: 'Europe/Lisbon' });
export const WINDOW = { from: '2026-03-01', to: '2026-04-30' };
/** Retries without waiting, so fault tests take milliseconds per fault. */
export const FAST_RETRY: RetryPolicy = { maxAttempts: 15, baseDelayMs: 1, maxDelayMs: 5 };
/** Pacing out of the way (tests about pacing set their own). */
export const NO_PACING = { ratePerSecond: 100_000, burst: 100_000 };

const TMP = join(__dirname, '..', '.tmp', 'sync');

/** A fresh folder under test/.tmp/sync. */
export function tempDir(name: string): string {
  const dir = join(TMP, `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface KeyResultData {
  id: string;
  title: string;
  type: 'metric' | 'milestone' | 'boolean';
  owner?: string;
  kpi?: string;
  unit?: string;
  start?: number;
  target?: number;
  current?: number;
  due?: string;
  done?: boolean;
  confidence?: number;
}

export interface ObjectiveData {
  id: string;
  title: string;
  description?: string;
  aligns_to?: string;
  key_results: KeyResultData[];
}

/** The workspace's content as data, so that tests change one thing and write it again. */
export interface WorkspaceData {
  objectives: ObjectiveData[];
  kpis: Array<Record<string, unknown>>;
  tiers: Array<Record<string, unknown>>;
}

/** A small support org: 3 objectives (one aligned), 7 KRs, 2 KPIs, 3 tiers with escalations, reviews and 1:1s. */
export function baseData(): WorkspaceData {
  return {
    objectives: [
      {
        id: 'ops-lower-cost',
        title: 'Lower the cost to serve',
        description: 'Cheaper support without hurting satisfaction.',
        key_results: [
          {
            id: 'ops-cpc',
            title: 'Cost per contact from 4.90 to 4.20 EUR',
            type: 'metric',
            owner: 'ada',
            kpi: 'cost-per-contact',
            unit: 'EUR',
            start: 4.9,
            target: 4.2,
            current: 4.55,
            confidence: 0.7,
          },
          { id: 'ops-bot', title: 'Assistant live on chat', type: 'milestone', owner: 'grace', due: '2026-05-31', done: false },
        ],
      },
      {
        id: 'fl-first-touch',
        title: 'Resolve more at the first touch',
        aligns_to: 'ops-lower-cost',
        key_results: [
          {
            id: 'fl-fcr',
            title: 'First-contact resolution from 68 % to 75 %',
            type: 'metric',
            owner: 'grace',
            kpi: 'fcr',
            unit: 'percent',
            start: 68,
            target: 75,
            current: 71,
          },
          { id: 'fl-macros', title: 'Top 50 macros rewritten', type: 'boolean', done: true },
          { id: 'fl-aht', title: 'AHT from 540 s to 480 s', type: 'metric', unit: 'seconds', start: 540, target: 480, current: 510 },
        ],
      },
      {
        id: 'cx-satisfaction',
        title: 'Keep customers happy',
        key_results: [
          { id: 'cx-csat', title: 'CSAT from 4.2 to 4.5', type: 'metric', start: 4.2, target: 4.5, current: 4.3 },
          { id: 'cx-survey', title: 'Survey redesigned', type: 'milestone', due: '2026-04-30' },
        ],
      },
    ],
    kpis: [
      {
        id: 'cost-per-contact',
        name: 'Cost per contact',
        definition: 'Total support cost ÷ contacts handled.',
        unit: 'EUR',
        direction: 'lower_is_better',
        owner: 'ada',
        targets: [{ scope: 'global', period: '2026-H1', target: 4.2, warn: 4.6 }],
        actuals: [{ scope: 'global', period: '2026-H1', value: 4.4 }],
      },
      {
        id: 'fcr',
        name: 'First-contact resolution',
        unit: 'percent',
        direction: 'higher_is_better',
        targets: [{ scope: 'global', period: '2026-H1', target: 75, warn: 70 }],
      },
    ],
    tiers: [
      {
        id: 'tier-1',
        name: 'Frontline',
        level: 1,
        staffing: { model: 'bpo', headcount: 40, shrinkage: 0.3, languages: ['en', 'pt'], coverage: '24x7' },
        channels: ['chat', 'email'],
        skills: ['cards', 'top-ups'],
        escalates_to: [
          { tier: 'tier-2', when: ['payments'] },
          { tier: 'tier-3', when: ['kyc', 'aml'] },
        ],
      },
      {
        id: 'tier-2',
        name: 'Specialists',
        level: 2,
        staffing: { model: 'in_house', headcount: 12 },
        channels: ['email'],
        escalates_to: [{ tier: 'tier-3', when: ['legal'] }],
      },
      {
        id: 'tier-3',
        name: 'Compliance desk',
        level: 3,
        sla: { first_response: 'PT1H', resolution: 'P3D', service_level: { target: 0.8, within: 'PT1H' } },
      },
    ],
  };
}

const doc = (header: Record<string, unknown>, body: Record<string, unknown>) => stringify({ ...header, ...body });

/** Writes (or rewrites) the workspace files for `data` under `dir`, with `parentPage` as notion.parent_page. */
export function writeWorkspace(dir: string, parentPage: string, data: WorkspaceData): void {
  for (const [file, text] of Object.entries(workspaceFiles(parentPage, data))) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

/** The model of a workspace, built from its files in memory as okra builds it. */
export function modelOf(data: WorkspaceData, parentPage = '00000000000000000000000000000001'): WorkspaceModel {
  return buildModel(Object.entries(workspaceFiles(parentPage, data)).map(([path, text]) => parseFile(path, text)));
}

/** The workspace's files, by path. */
export function workspaceFiles(parentPage: string, data: WorkspaceData): Record<string, string> {
  const files: Record<string, string> = {};
  const write = (file: string, text: string) => {
    files[file] = text;
  };
  write('okra.config.yaml', doc({ kind: 'Config', version: 1 }, { timezone: 'Europe/Lisbon', notion: { parent_page: parentPage } }));
  write(
    'org.yaml',
    doc(
      { kind: 'Org', version: 1 },
      {
        teams: [{ id: 'support', name: 'Support', lead: 'ada' }],
        people: [
          { id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', team: 'support' },
          { id: 'grace', name: 'Grace Hopper', email: 'GRACE@example.com', team: 'support', manager: 'ada' },
          { id: 'linus', name: 'Linus Offline', email: 'linus@elsewhere.example', team: 'support', manager: 'ada' },
        ],
      },
    ),
  );
  write('kpis.yaml', doc({ kind: 'KpiTargets', version: 1 }, { kpis: data.kpis }));
  write('tiers.yaml', doc({ kind: 'TierStructure', version: 1 }, { tiers: data.tiers }));
  write('okrs.yaml', doc({ kind: 'Objectives', version: 1, cycle: '2026-H1', owner: 'team/support' }, { objectives: data.objectives }));
  write(
    'reviews.yaml',
    doc(
      { kind: 'ReviewCycles', version: 1 },
      {
        one_on_ones: [
          {
            manager: 'ada',
            reports: ['grace', 'linus'],
            cadence: 'weekly',
            weekday: 'tuesday',
            time: '10:00',
            starts: '2026-01-06',
            ends: '2026-06-30',
          },
        ],
        reviews: [
          {
            id: 'growwise-h1',
            name: 'GrowWise H1',
            type: 'performance',
            period: { start: '2026-01-01', end: '2026-06-30' },
            participants: ['grace', 'linus'],
            stages: [
              { id: 'self', name: 'Self review', due: '2026-06-05' },
              { id: 'manager', name: 'Manager review', due: '2026-06-16' },
            ],
          },
        ],
        retrospectives: [{ id: 'retro-h1', cycle: '2026-H1', date: '2026-06-30', participants: ['team/support'] }],
      },
    ),
  );
  return files;
}

/** Rows the workspace of {@link baseData} maps to, per database (1:1s in {@link WINDOW}). */
export const BASE_COUNTS = { Objectives: 3, 'Key Results': 7, KPIs: 2, Tiers: 3 };

/** Options for runSync against a sandbox, quick and quiet. */
export function syncOptions(sandbox: SandboxHandle, extra: Partial<RunSyncOptions> = {}): RunSyncOptions & { output: string[] } {
  const output: string[] = [];
  return {
    token: sandbox.token,
    baseUrl: sandbox.url,
    now: NOW,
    calendarWindow: WINDOW,
    retry: FAST_RETRY,
    rateLimit: NO_PACING,
    print: (text) => output.push(text),
    // Row tests count row writes; the documents tests (documents.test.ts) turn pages on.
    documents: false,
    ...extra,
    output,
  };
}

/** Runs a sync of `root` against the sandbox. */
export function sync(
  root: string,
  sandbox: SandboxHandle,
  extra: Partial<RunSyncOptions> = {},
): Promise<RunSyncResult & { output: string }> {
  const options = syncOptions(sandbox, extra);
  return runSync(root, options).then((r) => ({ ...r, output: options.output.join('') }));
}

/** One row as the sandbox holds it, relations as the okra ids of their targets. */
export interface RowView {
  pageId: string;
  okraId: string;
  inTrash: boolean;
  createdBy: string;
  values: Record<string, unknown>;
}

const plain = (value: unknown) => (Array.isArray(value) ? value.map((t: { plain_text?: string }) => t.plain_text ?? '').join('') : value);

/**
 * Every row of every database under the root page, from the sandbox's state: by database title,
 * with property values by name (rich text as plain text, selects as names, relations as okra ids).
 */
export function rowsByDatabase(state: SandboxState): Record<string, RowView[]> {
  const out: Record<string, RowView[]> = {};
  const okraIdOf = new Map<string, string>();
  const views: Array<{ title: string; ds: SandboxState['data_sources'][string]; page: SandboxState['pages'][string] }> = [];
  for (const ds of Object.values(state.data_sources)) {
    const db = state.databases[ds.database_id];
    if (!db || db.in_trash) continue;
    const title = plain(db.title) as string;
    const idProp = ds.properties.find((p) => p.name === 'okra id');
    for (const page of Object.values(state.pages)) {
      if (page.parent.type !== 'data_source_id' || page.parent.data_source_id !== ds.id) continue;
      okraIdOf.set(page.id, idProp ? (plain(page.properties[idProp.id]) as string) : '');
      views.push({ title, ds, page });
    }
  }
  for (const { title, ds, page } of views) {
    const values: Record<string, unknown> = {};
    for (const prop of ds.properties) {
      const raw = page.properties[prop.id];
      const c = prop.config;
      if (c.type === 'relation') values[prop.name] = ((raw as string[] | undefined) ?? []).map((id) => okraIdOf.get(id) ?? `?${id}`).sort();
      else if (c.type === 'select') values[prop.name] = c.options.find((o) => o.id === raw)?.name ?? null;
      else if (c.type === 'multi_select')
        values[prop.name] = ((raw as string[] | undefined) ?? []).map((id) => c.options.find((o) => o.id === id)?.name);
      else if (c.type === 'title' || c.type === 'rich_text') values[prop.name] = plain(raw) ?? '';
      else values[prop.name] = raw ?? null;
    }
    (out[title] ??= []).push({
      pageId: page.id,
      okraId: okraIdOf.get(page.id) ?? '',
      inTrash: page.in_trash,
      createdBy: page.created_by,
      values,
    });
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.okraId.localeCompare(b.okraId) || a.pageId.localeCompare(b.pageId));
  return out;
}

/** Live (not trashed) rows per database, without page ids: equal for equal content, whatever the run. */
export function contentSnapshot(state: SandboxState): Record<string, Array<Record<string, unknown>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const [title, rows] of Object.entries(rowsByDatabase(state))) {
    out[title] = rows.filter((r) => !r.inTrash).map((r) => ({ okraId: r.okraId, ...r.values }));
  }
  return out;
}

/** Okra ids that appear on more than one live row of a database. */
export function duplicates(state: SandboxState): string[] {
  const dups: string[] = [];
  for (const [title, rows] of Object.entries(rowsByDatabase(state))) {
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.inTrash || !r.okraId) continue;
      if (seen.has(r.okraId)) dups.push(`${title}/${r.okraId}`);
      seen.add(r.okraId);
    }
  }
  return dups;
}

/** Databases under a page (live ones), by title. */
export function databaseTitles(state: SandboxState): string[] {
  return Object.values(state.databases)
    .filter((db) => !db.in_trash)
    .map((db) => plain(db.title) as string)
    .sort();
}

/** Request counts by `METHOD /v1/path-kind`, from a fetch that passes every request through unchanged. */
export function countingFetch(): { fetch: typeof fetch; counts: Map<string, number>; total: () => number; writes: () => number } {
  const counts = new Map<string, number>();
  const wrapped: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    // Ids replaced by ':id' so that requests group by endpoint.
    const path = url.pathname.replace(/[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi, ':id');
    const key = `${method} ${path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return fetch(input, init);
  };
  const sum = (pred: (key: string) => boolean) => [...counts].filter(([k]) => pred(k)).reduce((n, [, v]) => n + v, 0);
  return {
    fetch: wrapped,
    counts,
    total: () => sum(() => true),
    writes: () => sum((k) => (k.startsWith('POST') && !k.endsWith('/query')) || k.startsWith('PATCH')),
  };
}
