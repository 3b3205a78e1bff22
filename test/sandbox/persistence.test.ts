import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Client, isFullDatabase, isFullPage, LogLevel } from '@notionhq/client';
import { startSandbox, type SandboxState } from '../../sandbox';
import { registerSandboxCommand, runSandbox } from '../../cli/commands/sandbox';
import { UsageError } from '../../cli/errors';

const clientFor = (sandbox: { url: string; token: string }) =>
  new Client({ auth: sandbox.token, baseUrl: sandbox.url, retry: false, logLevel: LogLevel.ERROR });

describe('sandbox: persistence', () => {
  it('hands the state to the persist callback and restores it from initialState', async () => {
    const writes: string[] = [];
    const first = await startSandbox({ rateLimit: false, persist: async (json) => void writes.push(json) });
    const root = first.createRootPage('Team space');
    const client = clientFor(first);
    const db = await client.databases.create({
      parent: { type: 'page_id', page_id: root },
      title: [{ text: { content: 'OKRs' } }],
      initial_data_source: { properties: { Name: { title: {} }, Score: { number: {} } } },
    });
    assert.ok(isFullDatabase(db));
    const page = await client.pages.create({
      parent: { data_source_id: db.data_sources[0].id },
      properties: { Name: { title: [{ text: { content: 'Persist me' } }] }, Score: { number: 5 } },
    });
    await first.close();
    assert.ok(writes.length > 0);
    const saved = JSON.parse(writes[writes.length - 1]) as SandboxState;
    assert.ok(saved.pages[page.id], 'the last write holds the last change');

    const second = await startSandbox({ rateLimit: false, initialState: writes[writes.length - 1] });
    try {
      const again = await clientFor(second).pages.retrieve({ page_id: page.id });
      assert.ok(isFullPage(again));
      assert.equal(again.properties.Score.type === 'number' && again.properties.Score.number, 5);
      const rows = await clientFor(second).dataSources.query({ data_source_id: db.data_sources[0].id });
      assert.deepEqual(
        rows.results.map((r) => r.id),
        [page.id],
      );
      assert.equal(second.botId(), first.botId(), 'the integration keeps its identity');
    } finally {
      await second.close();
    }
  });

  it('coalesces bursts of changes into few writes, the last one complete', async () => {
    let calls = 0;
    let last = '';
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const sandbox = await startSandbox({
      rateLimit: false,
      persist: async (json) => {
        calls++;
        last = json;
        await gate;
      },
    });
    try {
      const root = sandbox.createRootPage('Root');
      const client = clientFor(sandbox);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.pages.create({ parent: { page_id: root }, properties: { title: { title: [{ text: { content: `p${i}` } }] } } }),
        ),
      );
      release();
      await sandbox.flush();
      assert.ok(calls <= 3, `expected coalesced writes, got ${calls}`);
      assert.equal(Object.keys((JSON.parse(last) as SandboxState).pages).length, 21);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps serving when the persist callback fails, and counts the failures', async () => {
    const sandbox = await startSandbox({ rateLimit: false, persist: async () => Promise.reject(new Error('disk full')) });
    try {
      sandbox.createRootPage('Root');
      await sandbox.flush();
      assert.equal(sandbox.stats().persistErrors, 1);
      assert.equal((await clientFor(sandbox).users.me({})).type, 'bot');
    } finally {
      await sandbox.close();
    }
  });
});

describe('okra sandbox (CLI command)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okra-sandbox-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('registers `sandbox` with its flags', () => {
    const program = new Command('okra');
    registerSandboxCommand(program);
    const command = program.commands.find((c) => c.name() === 'sandbox');
    assert.ok(command);
    assert.deepEqual(command.options.map((o) => o.long).sort(), [
      '--allow-host',
      '--data',
      '--faults',
      '--host',
      '--port',
      '--root-page',
      '--seed',
      '--token',
    ]);
  });

  it('writes --data atomically, prints the URLs and root page, and reloads the file', async () => {
    const file = join(dir, 'notion.json');
    const lines: string[] = [];
    const first = await runSandbox({ port: '0', data: file, rootPage: 'OKR home' }, (l) => lines.push(l));
    assert.ok(lines.some((l) => l.includes(first.url) && l.includes('2025-09-03')));
    assert.ok(lines.some((l) => l.includes(first.boardUrl)));
    const rootLine = lines.find((l) => l.includes('root page:'));
    const rootId = /root page: ([0-9a-f-]{36})/.exec(rootLine ?? '')?.[1];
    assert.ok(rootId, lines.join('\n'));
    await clientFor(first).pages.create({
      parent: { page_id: rootId },
      properties: { title: { title: [{ text: { content: 'Saved' } }] } },
    });
    await first.close();
    assert.deepEqual(await readdir(dir), ['notion.json'], 'no temp files left behind');
    const saved = JSON.parse(await readFile(file, 'utf8')) as SandboxState;
    assert.equal(Object.keys(saved.pages).length, 2);

    const reloaded: string[] = [];
    const second = await runSandbox({ port: '0', data: file }, (l) => reloaded.push(l));
    try {
      assert.ok(
        reloaded.some((l) => l.includes(rootId)),
        'the existing root page is reused',
      );
      assert.ok(reloaded.some((l) => l.includes('(loaded)')));
      assert.equal(Object.keys(second.state().pages).length, 2);
    } finally {
      await second.close();
    }
  });

  it('rejects bad flags and unreadable data files as usage errors', async () => {
    await assert.rejects(
      runSandbox({ port: 'abc' }, () => {}),
      UsageError,
    );
    await assert.rejects(
      runSandbox({ port: '0', faults: '418=1' }, () => {}),
      /--faults: Unknown fault setting/,
    );
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{not json');
    await assert.rejects(
      runSandbox({ port: '0', data: bad }, () => {}),
      /not a sandbox data file/,
    );
  });
});
