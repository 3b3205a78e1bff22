import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { isFullDatabase } from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

const HOSTILE = `<img src=x onerror="alert('pwned')">"'&<script>alert(1)</script>`;
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(__dirname, '..', '.tmp', 'sandbox-board.png');

describe('sandbox: board view', function () {
  this.timeout(60_000);
  let t: TestSandbox;

  before(async () => {
    t = await startTestSandbox();
    const krs = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: 'Key results' } }],
      initial_data_source: {
        properties: {
          Name: { title: {} },
          Status: { status: {} },
          Progress: { number: { format: 'percent' } },
          Tier: {
            select: {
              options: [
                { name: HOSTILE.replace(/,/g, ''), color: 'red' },
                { name: 'T2', color: 'blue' },
              ],
            },
          },
        },
      },
    });
    assert.ok(isFullDatabase(krs));
    const ds = krs.data_sources[0].id;
    const rows: Array<[string, string, number]> = [
      ['Cut first response time to 2h', 'Done', 1],
      ['Raise CSAT to 92%', 'In progress', 0.6],
      ['Ship macros for top 20 intents', 'In progress', 0.35],
      ['Tier-2 escalation playbook', 'Not started', 0],
      [HOSTILE, 'Not started', 0.1],
    ];
    for (const [name, status, progress] of rows) {
      await t.client.pages.create({
        parent: { data_source_id: ds },
        properties: {
          Name: { title: [{ text: { content: name } }] },
          Status: { status: { name: status } },
          Progress: { number: progress },
        },
      });
    }
    await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: HOSTILE } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
  });
  after(() => t.close());

  it('escapes every user-controlled string and sends a script-free CSP', async () => {
    const res = await fetch(t.sandbox.boardUrl);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await res.text();
    assert.ok(!html.includes('<img'), 'no raw img tag');
    assert.ok(!html.includes('<script'), 'no raw script tag');
    assert.ok(!html.includes(`onerror="alert`), 'no raw attribute');
    assert.ok(html.includes('&#60;img src=x onerror=&#34;alert(&#39;pwned&#39;)&#34;&#62;'));
  });

  it('renders each database as a table and a status board in Chromium', async () => {
    if (!existsSync(CHROMIUM)) {
      assert.fail(`${CHROMIUM} is missing: install it with "apt-get update && apt-get install -y chromium" (the CI script does this).`);
    }
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(t.sandbox.boardUrl);
      const section = page.locator('section.database', { has: page.locator('h2', { hasText: 'Key results' }) });
      assert.deepEqual(await section.locator('table.table thead th').allTextContents(), ['Name', 'Status', 'Progress', 'Tier']);
      assert.equal(await section.locator('table.table tbody tr').count(), 5);
      assert.deepEqual(await section.locator('.board .column').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-group'))), [
        'Not started',
        'In progress',
        'Done',
      ]);
      assert.deepEqual(await section.locator('.board .column[data-group="In progress"] .card').allTextContents(), [
        'Raise CSAT to 92%',
        'Ship macros for top 20 intents',
      ]);
      // The hostile strings arrive as text, never as markup.
      assert.equal(await page.locator('img, script').count(), 0);
      assert.ok((await page.locator('h2').allTextContents()).includes(HOSTILE));
      assert.deepEqual(dialogs, []);
      await mkdir(join(__dirname, '..', '.tmp'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      assert.ok(existsSync(SCREENSHOT));
    } finally {
      await browser?.close();
    }
  });
});
