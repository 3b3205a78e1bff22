import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@notionhq/client';
import { runSync, type RunSyncOptions } from '../../cli/commands/sync';
import type { RateLimit, RetryPolicy } from '../../core/sync/notion';
import { baseData, countingFetch, NOW, tempDir, WINDOW, writeWorkspace, type WorkspaceData } from './helpers';

/** Where the contract runs: the sandbox, or a page of a real Notion workspace. */
export interface ContractTarget {
  token: string;
  /** API address; undefined for Notion's. */
  baseUrl?: string;
  /** A fresh, empty page shared with the integration: the workspace's `notion.parent_page`. */
  parentPage: string;
  rateLimit: RateLimit;
  retry?: RetryPolicy;
  /** An SDK client with the same token, to look at what the sync made. */
  client: Client;
  /** Edits a row as a person would (the sandbox simulates a person; real Notion gets an API edit). */
  editRow(pageId: string, properties: Record<string, unknown>): Promise<void>;
  /** Cleans up (closes the sandbox; trashes the test page in Notion). */
  close(): Promise<void>;
}

type State = { rows: Record<string, { pageId: string }> };

/**
 * The key sync scenarios, in order on one workspace, against any Notion-compatible target:
 * first sync, a no-op re-sync with 0 writes, a one-field change with 1 write, archiving a
 * removed objective, and a pull that takes one edit and reports a conflict.
 */
export function syncContract(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget;
  let dir: string;
  let data: WorkspaceData;

  before(async () => {
    target = await makeTarget();
    dir = tempDir('contract');
    data = baseData();
    writeWorkspace(dir, target.parentPage, data);
  });
  after(async () => {
    await target?.close();
  });

  const run = async (extra: Partial<RunSyncOptions> = {}) => {
    const output: string[] = [];
    const counter = countingFetch();
    const result = await runSync(dir, {
      token: target.token,
      baseUrl: target.baseUrl,
      now: NOW,
      calendarWindow: WINDOW,
      rateLimit: target.rateLimit,
      retry: target.retry,
      documents: false,
      print: (text) => output.push(text),
      fetch: counter.fetch,
      ...extra,
    });
    return { ...result, output: output.join(''), counter };
  };
  const state = () => JSON.parse(readFileSync(join(dir, '.okra', 'notion-state.json'), 'utf8')) as State;
  const pageOf = (key: string) => state().rows[key].pageId;
  const property = async (pageId: string, name: string): Promise<unknown> => {
    const page = (await target.client.pages.retrieve({ page_id: pageId })) as {
      in_trash?: boolean;
      properties: Record<string, Record<string, unknown>>;
    };
    if (name === 'in_trash') return page.in_trash;
    const value = page.properties[name];
    const type = value.type as string;
    const v = value[type];
    return Array.isArray(v) ? v.map((i: { plain_text?: string }) => i.plain_text).join('') : v;
  };

  it('first sync creates the databases and every row', async () => {
    const r = await run();
    assert.equal(r.exitCode, 0, r.output);
    assert.match(r.output, /Plan: 36 to create, 0 to update, 0 to archive, 0 unchanged\./);
    assert.equal(Object.keys(state().rows).length, 36);
    assert.equal(await property(pageOf('keyResults/ops-cpc'), 'Current'), 4.55);
  });

  it('a re-sync with no change makes 0 writes and reads each database in one query page', async () => {
    const r = await run();
    assert.equal(r.exitCode, 0, r.output);
    assert.equal(r.counter.writes(), 0);
    assert.equal(r.counter.counts.get('POST /v1/data_sources/:id/query'), 5);
    assert.match(r.output, /Plan: 0 to create, 0 to update, 0 to archive, 36 unchanged\./);
  });

  it('a one-field change makes exactly one write', async () => {
    data.objectives[1].key_results[1].title = 'Top 60 macros rewritten';
    writeWorkspace(dir, target.parentPage, data);
    const r = await run();
    assert.equal(r.counter.writes(), 1, r.output);
    assert.match(r.output, /~ update key-result fl-macros \(Name\)/);
    assert.equal(await property(pageOf('keyResults/fl-macros'), 'Name'), 'Top 60 macros rewritten');
  });

  it('archives the rows of a removed objective', async () => {
    const removed = pageOf('objectives/cx-satisfaction');
    data.objectives.splice(2, 1);
    writeWorkspace(dir, target.parentPage, data);
    const r = await run();
    assert.equal(r.exitCode, 0, r.output);
    assert.match(r.output, /- archive objective cx-satisfaction\n- archive key-result cx-csat\n- archive key-result cx-survey/);
    assert.equal(await property(removed, 'in_trash'), true);
  });

  it('--pull takes an edit made in Notion and reports one made on both sides as a conflict', async () => {
    await target.editRow(pageOf('keyResults/fl-fcr'), { Current: { number: 72 } });
    await target.editRow(pageOf('keyResults/fl-aht'), { Current: { number: 500 } });
    data.objectives[1].key_results[2].current = 505;
    writeWorkspace(dir, target.parentPage, data);
    const okrs = join(dir, 'okrs.yaml');
    const r = await run({ pull: true });
    assert.equal(r.exitCode, 1, r.output);
    assert.match(r.output, /< pull key-result fl-fcr: Current 72/);
    assert.match(r.output, /! conflict key-result fl-aht: Current edited in Notion \(500\) and in the YAML \(505\); left as it is/);
    const text = readFileSync(okrs, 'utf8');
    assert.match(text, /current: 72\n/);
    assert.match(text, /current: 505\n/);
    assert.match(text, /value: 72\n(\s+by: \S+\n)?\s+note: from Notion/);
    assert.equal(await property(pageOf('keyResults/fl-aht'), 'Current'), 500);
    // Resolving the conflict the YAML's way: take Notion's number, and the next sync is quiet.
    writeFileSync(okrs, text.replace('current: 505', 'current: 500'));
    const again = await run({ pull: true });
    assert.equal(again.exitCode, 0, again.output);
    const quiet = await run({ pull: true });
    assert.equal(quiet.counter.writes(), 0, quiet.output);
  });
}
