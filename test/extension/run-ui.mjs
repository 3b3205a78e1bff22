/* global document */
// UI test in a REAL VS Code workbench (code-server) driven by playwright-core and Debian's
// chromium: open a copy of examples/support-org with okra loaded, break a KPI reference by
// typing, see okra's diagnostic in the Problems panel, open the quick fix and apply it, and read
// VS Code's own activation time for okra from "Developer: Show Running Extensions".
// Screenshots go to test/.tmp/extension/run-ui/; with OKRA_UPDATE_SCREENSHOTS=1 also to
// docs/screenshots/ (committed, used in the README), so that a test run never rewrites them.
//
//   bash test/extension/setup.sh && node test/extension/run-ui.mjs      # ~30 s
import fs from 'node:fs';
import path from 'node:path';
import { prepareFixture } from './fixture.mjs';
import {
  build,
  elapsed,
  ensureInstalled,
  freePort,
  launchChromium,
  prepareRunDir,
  remoteAuthority,
  REPO,
  startCodeServer,
  TMP,
} from './harness.mjs';

const t0 = Date.now();
const log = (...a) => console.log(`[ui ${elapsed(t0)}]`, ...a);
const SHOTS = process.env.OKRA_UPDATE_SCREENSHOTS === '1' ? path.join(REPO, 'docs/screenshots') : undefined;
const FILE = 'frontline-2026-h1.yaml';
const failures = [];

ensureInstalled();
build();
const runDir = path.join(TMP, 'run-ui');
const dirs = prepareRunDir(runDir);
// The folder's name shows in the window title of the screenshots.
const folder = prepareFixture(path.join(TMP, 'ui/support-org'), { plugin: false });
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });

async function shot(page, name) {
  const file = path.join(runDir, `${name}.png`);
  await page.screenshot({ path: file });
  const kept = SHOTS ? path.join(SHOTS, `${name}.png`) : file;
  if (SHOTS) fs.copyFileSync(file, kept);
  log('screenshot', path.relative(REPO, kept));
}

/** Opens a quick input with `key`, types `text`, waits for a row with `rowText`, presses Enter. */
async function quickPick(page, key, text, rowText) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await page.keyboard.type(text);
  if (rowText)
    await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ state: 'visible', timeout: 30000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15000 }).catch(() => {});
}

const problemsText = (page) => page.evaluate(() => document.querySelector('.markers-panel')?.textContent ?? '');

const port = await freePort();
const server = await startCodeServer({ port, dirs, folder });
log('code-server up at', server.url);
let browser;
let activation;
try {
  browser = await launchChromium(path.join(runDir, 'chromium'));
  const page = browser.pages()[0] || (await browser.newPage());
  page.on('pageerror', (e) => log('page error:', e.message));
  const authority = await remoteAuthority(server.url);
  // The extension loads from the repository (dist/ just built), as in the integration tests.
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${REPO}`]]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  log('workbench loaded');

  await quickPick(page, 'Control+P', FILE, FILE);
  await page.waitForFunction((f) => document.querySelector('.tabs-container .tab.active')?.textContent?.includes(f), FILE, {
    timeout: 30000,
  });
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30000 });
  log(`${FILE} opened`);

  // Line 21 is `kpi: first-contact-resolution`: go there and type a typo at its end.
  await quickPick(page, 'Control+P', ':21', undefined);
  await page.keyboard.press('End');
  await page.keyboard.type('s', { delay: 50 });
  log('typed a broken KPI reference');

  await quickPick(page, 'F1', 'View: Focus on Problems View', 'Focus on Problems View');
  try {
    await page.waitForFunction(
      () => document.querySelector('.markers-panel')?.textContent?.includes('is not defined in any KpiTargets file'),
      null,
      { timeout: 30000 },
    );
    const text = await problemsText(page);
    if (!text.includes('ref/unknown-kpi')) failures.push('the Problems panel does not show the rule id ref/unknown-kpi');
    log("the Problems panel shows okra's ref/unknown-kpi diagnostic");
  } catch {
    failures.push("okra's diagnostic did not appear in the Problems panel");
  }
  // Back to the editor, cursor on the error, then the squiggle's hover for the README.
  await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 5, y: 5 } });
  await quickPick(page, 'Control+P', ':21', undefined);
  await page.keyboard.press('End');
  await page.waitForSelector('.squiggly-error', { timeout: 15000 }).catch(() => failures.push('no error squiggle in the editor'));
  await shot(page, 'problems-panel');

  // Quick fix: Ctrl+. lists "Replace with …" (did you mean), Enter applies it, the problem goes.
  await page.keyboard.press('Control+.');
  try {
    await page
      .locator('.action-widget .monaco-list-row', { hasText: 'first-contact-resolution' })
      .first()
      .waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'quick-fix');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => !document.querySelector('.markers-panel')?.textContent?.includes('is not defined in any KpiTargets file'),
      null,
      { timeout: 30000 },
    );
    log('quick fix applied: the Problems panel is clear');
  } catch {
    failures.push('the quick fix was not offered or did not clear the problem');
  }

  // VS Code's own measure of okra's activation (code loading + activate()).
  try {
    await quickPick(page, 'F1', 'Developer: Show Running Extensions', 'Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'okra' }).first();
    await row.waitFor({ state: 'visible', timeout: 20000 });
    const text = (await row.textContent()) ?? '';
    const m = /Activation:\s*(\d+)\s*ms/i.exec(text) ?? /(\d+)\s*ms/.exec(text);
    activation = m ? Number(m[1]) : undefined;
    log(`Running Extensions: ${text.replace(/\s+/g, ' ').trim()}`);
  } catch (error) {
    log('could not read Running Extensions:', String(error).split('\n')[0]);
  }
} catch (error) {
  failures.push(error.stack || String(error));
  const page = browser && browser.pages()[0];
  if (page) await page.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => {});
} finally {
  if (browser) await browser.close().catch(() => {});
  await server.stop();
}
for (const f of failures) console.error('FAIL:', f);
if (activation !== undefined) console.log(`FIGURES {"vscodeActivationMs":${activation}}`);
log(failures.length ? 'UI TEST FAILED' : 'UI TEST PASSED', `(logs: ${runDir})`);
console.log(failures.length ? 'ui: 0 passed, 1 failed' : 'ui: 1 passed, 0 failed');
process.exit(failures.length ? 1 : 0);
