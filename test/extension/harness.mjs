/* global setTimeout, clearTimeout, fetch */
// okra's harness for a REAL VS Code: code-server (VS Code 1.100.3 with a Node extension host)
// installed by setup.sh, driven by Debian's chromium through the project's playwright-core.
// Start/stop code-server as a process group on a free port, with a throw-away profile, and run
// the extension-host test suite through the workbench's `payload` URL parameter.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { REPO } from './fixture.mjs';

export { REPO };
export const CACHE = process.env.OKRA_VSCODE_CACHE || path.join(os.homedir(), '.cache/okra-vscode');
export const CODE_SERVER = process.env.CODE_SERVER || path.join(CACHE, 'cs/node_modules/.bin/code-server');
export const TMP = path.join(REPO, 'test/.tmp/extension');
export const SUITE = path.join(REPO, 'test/extension/suite/index.js');

const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin|Started local extension host|\s*$)/;

/** Workbench settings for a quiet, deterministic window. */
export function workbenchSettings({ trusted }) {
  return {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'window.restoreWindows': 'none',
    'files.autoSave': 'off',
    'okra.log.level': process.env.OKRA_LOG_LEVEL || 'info',
    // Trusted runs switch Workspace Trust off (everything is trusted); the untrusted run turns it
    // on and never prompts, so the folder opens in restricted mode.
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
  };
}

export const elapsed = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

export function ensureInstalled() {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER}: run \`bash test/extension/setup.sh\` first`);
  }
}

/** Builds dist/ (extension.js and core.js) so the tests never run a stale bundle. */
export function build() {
  const r = spawnSync(process.execPath, [path.join(REPO, 'esbuild.config.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh run directory: data/User/settings.json, extensions/, home/. */
export function prepareRunDir(runDir, { trusted = true } = {}) {
  fs.rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    root: runDir,
    data: path.join(runDir, 'data'),
    extensions: path.join(runDir, 'extensions'),
    home: path.join(runDir, 'home'),
  };
  for (const d of [path.join(dirs.data, 'User'), dirs.extensions, dirs.home]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dirs.data, 'User/settings.json'), JSON.stringify(workbenchSettings({ trusted }), null, 2));
  return dirs;
}

const isolatedEnv = (home) => ({
  // code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server even
  // for --version; chromium writes ~/.config/chromium and ~/.cache/dconf. Keep both in the run dir.
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  XDG_DATA_HOME: path.join(home, '.local/share'),
  XDG_CACHE_HOME: path.join(home, '.cache'),
});

/** Starts code-server in its own process group; resolves once it listens. */
export async function startCodeServer({ port, dirs, folder, trusted = true, env = {}, timeoutMs = 60000 }) {
  const logFile = path.join(dirs.root, 'code-server.log');
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--extensions-dir',
    dirs.extensions,
    '--user-data-dir',
    dirs.data,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    folder,
  ];
  const log = fs.openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, args, {
    // No marketplace (offline): EXTENSIONS_GALLERY='{}' stops the failing open-vsx.org queries.
    env: { ...process.env, ...isolatedEnv(dirs.home), EXTENSIONS_GALLERY: '{}', ...env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}); see ${logFile}`);
    if (fs.readFileSync(logFile, 'utf8').includes('HTTP server listening on')) {
      return { child, logFile, url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopGroup(child);
  throw new Error(`code-server did not start within ${timeoutMs} ms; see ${logFile}`);
}

/** Kills exactly the process group started above (code-server and its extension hosts). */
export async function stopGroup(child, graceMs = 5000) {
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive())
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
}

/** The workbench's remoteAuthority ("remote" in code-server 4.x), read from the page. */
export async function remoteAuthority(url) {
  const html = await (await fetch(`${url}/`)).text();
  const m = html.match(/id="vscode-workbench-web-configuration" data-settings="([^"]*)"/);
  if (!m) return 'remote';
  const config = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  return config.remoteAuthority || 'remote';
}

/** Debian's chromium through playwright-core, with a fresh profile (never `npx playwright install`). */
export async function launchChromium(profileDir) {
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  const home = path.join(profileDir, 'home');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...isolatedEnv(home) },
    viewport: { width: 1400, height: 900 },
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
}

/**
 * Runs the mocha suite inside code-server's extension host: the workbench honours
 * extensionDevelopmentPath/extensionTestsPath in its `payload` URL parameter, sends the
 * extension host's console to `codeAutomationLog` and its exit code to `codeAutomationExit`
 * (the hooks @vscode/test-web uses). Returns { exitCode, passed, failed, results }.
 */
export async function runSuite({ name, folder, mode = 'main', trusted = true, env = {}, timeoutMs = 300000, onLine = () => {} }) {
  const t0 = Date.now();
  const log = (...a) => console.log(`[${name} ${elapsed(t0)}]`, ...a);
  const dirs = prepareRunDir(path.join(TMP, `run-${name}`), { trusted });
  const resultsFile = path.join(dirs.root, 'results.json');
  const port = await freePort();
  const server = await startCodeServer({
    port,
    dirs,
    folder,
    trusted,
    env: { OKRA_TEST_MODE: mode, OKRA_TEST_RESULTS: resultsFile, OKRA_NODE: process.execPath, ...env },
  });
  log(`code-server up at ${server.url} (folder ${folder}${trusted ? '' : ', untrusted'})`);
  let browser;
  let exitCode = 1;
  try {
    browser = await launchChromium(path.join(dirs.root, 'chromium'));
    const page = browser.pages()[0] || (await browser.newPage());
    let onExit;
    const exited = new Promise((r) => (onExit = r));
    const workbenchLog = fs.openSync(path.join(dirs.root, 'workbench.log'), 'w');
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(args || []));
      for (const line of text.split('\n')) {
        fs.writeSync(workbenchLog, `${type}: ${line}\n`);
        onLine(line);
        // The workbench's own chatter stays in workbench.log; the suite's output is printed.
        if (!WORKBENCH_NOISE.test(line)) console.log(type === 'error' ? `  [exthost:err] ${line}` : `  ${line}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
    const authority = await remoteAuthority(server.url);
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(REPO)],
      ['extensionTestsPath', remote(SUITE)],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const res = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (res === 'timeout') {
      log(`no exit from the extension host after ${timeoutMs} ms`);
      await page.screenshot({ path: path.join(dirs.root, 'timeout.png') }).catch(() => {});
    } else {
      exitCode = Number(res);
    }
  } catch (error) {
    log('harness error:', error.stack || error);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
  let results = { passed: [], failed: [], pending: [] };
  if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  else if (exitCode === 0) exitCode = 1;
  for (const f of results.failed) log('FAILED:', f.title, '\n', f.error);
  // A crash before mocha counted anything is one failure.
  const failed = results.failed.length || (exitCode === 0 ? 0 : 1);
  log(`exit code ${exitCode}: ${results.passed.length} passed, ${failed} failed (logs: ${dirs.root})`);
  return { exitCode, passed: results.passed.length, failed, results };
}
