/**
 * The validation benchmark: okra against ajv-cli and Spectral on the same generated workspace,
 * in one run, plus the editor's incremental path and peak memory.
 *
 * (a) `okra validate --format json`, cold: `.okra/cache` deleted before every run.
 * (b) the same with `--cache`, warm: the cache filled by an untimed run first.
 * (c) ajv-cli 5: schema only, YAML read with js-yaml 3; one invocation with okra's root schema
 *     (`schemas/okra.schema.json`, which dispatches on `kind:` with if/then) and the others as `-r`.
 * (d) Spectral 6 with bench/spectral-ruleset.yaml (a handful of rules, no cross-file checks).
 * (e) WorkspaceSession in this process: edit one KR's `current` in one file, `update` + `checkFile`.
 * (f) Peak RSS of `okra validate` on a 10,000-file workspace.
 *
 * Wall-clock times of spawned processes (node start-up included for every tool), median of
 * `runs` runs after a warm-up that reads every file once (OS file cache) and, for okra and
 * ajv-cli, one untimed run. Spectral gets no untimed run: at ~1 minute a run it would not fit the
 * ten minutes the whole bench may take, and the file cache is warm by then.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateWorkspace, workDir, type GeneratedWorkspace } from './generate-workspace';
import { run, type Run } from './timed-run';
import { median, millis, percentile, ratio, seconds, type BenchRow } from './table';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SPECTRAL = join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const SCHEMAS = ['common', 'config', 'org', 'objectives', 'kpi-targets', 'tier-structure', 'review-cycles'];

export interface ValidateBenchOptions {
  /** Files of the workspace for (a)–(e). */
  files: number;
  /** Files of the workspace for the peak-RSS row (f); 0 skips it. */
  rssFiles: number;
  /** Stop the peak-RSS run once past this many MB (0: run to the end). */
  rssCapMb: number;
  /** Timed runs per tool (the median is reported). */
  runs: number;
  /** Timed runs of Spectral, which takes a minute a run at 2,000 files. */
  spectralRuns: number;
  /** Edits of the editor benchmark. */
  edits: number;
  log: (line: string) => void;
}

/** The RSS target, and the run is stopped at twice the target: missed by then either way. */
const RSS_TARGET_MB = 400;

export const DEFAULT_OPTIONS: Omit<ValidateBenchOptions, 'log'> = {
  files: 2000,
  rssFiles: 10_000,
  rssCapMb: 2 * RSS_TARGET_MB,
  runs: 3,
  spectralRuns: 3,
  edits: 200,
};
export const QUICK_OPTIONS: Omit<ValidateBenchOptions, 'log'> = {
  files: 200,
  rssFiles: 1000,
  rssCapMb: 2 * RSS_TARGET_MB,
  runs: 1,
  spectralRuns: 1,
  edits: 50,
};

/** Reads every file of the folder once, so that every tool finds them in the OS file cache. */
function warmFileCache(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) bytes += warmFileCache(path);
    else bytes += readFileSync(path).length;
  }
  return bytes;
}

function clearCache(ws: string): void {
  rmSync(join(ws, '.okra', 'cache'), { recursive: true, force: true });
}

const okraArgs = (ws: string, cache: boolean) => [CLI, 'validate', ws, '--format', 'json', ...(cache ? ['--cache'] : [])];

/** What okra printed: the file count and diagnostics by severity; throws when okra failed. */
function readOkraOutput(r: Run): { files: number; errors: number; warnings: number; first?: string } {
  if (r.code === 2 || !r.stdout.trim().startsWith('{'))
    throw new Error(`okra validate failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
  const out = JSON.parse(r.stdout) as { files: number; diagnostics: { severity: string; rule: string; file: string; message: string }[] };
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  const first = out.diagnostics[0];
  return {
    files: out.files,
    errors: errors.length,
    warnings: out.diagnostics.filter((d) => d.severity === 'warning').length,
    first: first && `${first.file}: ${first.rule} ${first.message}`,
  };
}

/** Times `runs` runs after `warmups` untimed ones; `before` runs before each (untimed). */
async function timeRuns(
  label: string,
  runs: number,
  warmups: number,
  start: () => Promise<Run>,
  before?: () => void,
  check?: (r: Run) => void,
) {
  const times: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    before?.();
    const r = await start();
    check?.(r);
    if (i < warmups) continue;
    times.push(r.ms);
    if (r.cpuMs !== undefined) cpu.push(r.cpuMs);
    if (r.maxRssMb !== undefined) rss.push(r.maxRssMb);
  }
  return {
    label,
    times,
    median: median(times),
    cpu,
    cpuMedian: cpu.length > 0 ? median(cpu) : undefined,
    maxRssMb: rss.length > 0 ? Math.max(...rss) : undefined,
  };
}

/** The editor row: p95 of `update` + `check(path)` over `edits` edits. */
function editorRow(editor: { times: number[]; cpu: number[] }, edits: number): BenchRow {
  return {
    benchmark: `re-check 1 edited file, p95 (${edits} edits)`,
    figure: `${millis(percentile(editor.times, 95))} (p50 ${millis(percentile(editor.times, 50))}, max ${millis(Math.max(...editor.times))}; CPU p95 ${millis(percentile(editor.cpu, 95))})`,
    target: '< 10 ms',
    met: percentile(editor.times, 95) < 10,
  };
}

/**
 * The editor row alone, in a process of its own:
 *   node --expose-gc --import tsx bench/run-one.ts validate.bench benchEditorRow [quick]
 */
export async function benchEditorRow({ quick, log }: { quick: boolean; log: (line: string) => void }): Promise<BenchRow[]> {
  const options = quick ? QUICK_OPTIONS : DEFAULT_OPTIONS;
  const ws = generateWorkspace({ files: options.files, dir: workDir(options.files) });
  log(`re-checking one file of ${options.files}, ${options.edits} edits…`);
  return [editorRow(await benchEditor(ws, options.edits), options.edits)];
}

async function benchEditor(ws: GeneratedWorkspace, edits: number) {
  // Imported here so that the generator and the rest of the bench load without the core.
  const core = await import('../core');
  const { nodeHost } = await import('../cli/node-host');
  const host = nodeHost(ws.dir);
  const loadStarted = performance.now();
  const session = await core.WorkspaceSession.open(host);
  const loadMs = performance.now() - loadStarted;

  const path = ws.sampleObjectivesFile;
  const original = session.file(path)?.text;
  if (original === undefined) throw new Error(`editor bench: ${path} is not in the workspace`);
  // Every `current: <number>` line: each edit changes the next one, as a manager typing this
  // quarter's figures would. The text is rebuilt outside the timed part.
  const lines = original.split('\n');
  const metricLines = lines.flatMap((line, i) => (/^ +current: \S+$/.test(line) ? [i] : []));
  if (metricLines.length === 0) throw new Error(`editor bench: no metric key result in ${path}`);
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  const cpu: number[] = [];
  let errors = 0;
  let text = original;
  for (let i = 0; i < edits; i++) {
    const line = metricLines[i % metricLines.length];
    const [indent, value] = lines[line].split(/(?<=current: )/);
    lines[line] = `${indent}${(Number(value) + 0.5 + i / 1000).toFixed(3)}`;
    text = lines.join('\n');
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    session.update(path, text);
    const diagnostics = session.check(path);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    errors += diagnostics.filter((d) => d.severity === 'error').length;
  }
  return { loadMs, times, cpu, errors, path, bytes: Buffer.byteLength(text) };
}

/** VmHWM (peak RSS) of a live process, in MB, from /proc; undefined where there is no /proc. */
function procPeakMb(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface RssResult {
  mb: number;
  code: number | null;
  ms: number;
  /** True when the run was stopped at `capMb`: `mb` is then a lower bound. */
  stopped: boolean;
  stderr: string;
}

/**
 * Peak RSS of one cold `okra validate` run, in MB: reported by a preloaded exit hook
 * (`process.resourceUsage().maxRSS`), and watched from /proc meanwhile so that a run can be
 * stopped once it is past `capMb` (0: never) — at that point the target is missed whatever
 * the rest of the run does, and the full run takes many minutes.
 */
function peakRss(ws: string, capMb: number): Promise<RssResult> {
  clearCache(ws);
  const hook = join(__dirname, 'max-rss-hook.cjs');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', hook, ...okraArgs(ws, false)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let polled = 0;
    let stopped = false;
    const timer = setInterval(() => {
      polled = Math.max(polled, procPeakMb(child.pid ?? -1) ?? 0);
      if (capMb > 0 && polled > capMb && !stopped) {
        stopped = true;
        child.kill('SIGKILL');
      }
    }, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      fail(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      const kb = /okra-bench max-rss-kb=(\d+)/.exec(stderr);
      const mb = kb ? Number(kb[1]) / 1024 : polled;
      done({ mb, code, ms: performance.now() - started, stopped, stderr });
    });
  });
}

function fileCount(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.okra') continue;
    if (entry.isDirectory()) n += fileCount(join(dir, entry.name));
    else if (entry.name.endsWith('.yaml')) n++;
  }
  return n;
}

/** Runs (a)–(f) and returns the rows of the table. */
export async function benchValidate(options: ValidateBenchOptions): Promise<BenchRow[]> {
  const { log } = options;
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestSource()) {
    log('building dist/cli.js (npm run build)…');
    const build = await run(process.execPath, [join(ROOT, 'esbuild.config.mjs')]);
    if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  }
  const ws = generateWorkspace({ files: options.files, dir: workDir(options.files) });
  const mb = (ws.bytes / 1024 / 1024).toFixed(0);
  log(`workspace: ${ws.files} files, ${mb} MB, ${ws.objectives} objectives, ${ws.keyResults} key results (${relative(ROOT, ws.dir)})`);
  if (fileCount(ws.dir) !== ws.files) throw new Error(`${ws.dir} does not hold ${ws.files} .yaml files: delete it and run again`);
  warmFileCache(ws.dir);
  const n = ws.files.toLocaleString('en');
  const rel = relative(ROOT, ws.dir);

  // (a) cold
  let clean = { files: 0, errors: 0, warnings: 0 } as ReturnType<typeof readOkraOutput>;
  log(`(a) okra validate, cold × ${options.runs}…`);
  const cold = await timeRuns(
    'okra cold',
    options.runs,
    0,
    () => run(process.execPath, okraArgs(ws.dir, false)),
    () => clearCache(ws.dir),
    (r) => {
      clean = readOkraOutput(r);
    },
  );
  if (clean.files !== ws.files) throw new Error(`okra validated ${clean.files} files, the workspace has ${ws.files}`);
  if (clean.errors > 0) log(`  warning: the generated workspace has ${clean.errors} errors (first: ${clean.first}); timing them anyway`);

  // (b) warm
  log(`(b) okra validate --cache, warm × ${options.runs}…`);
  clearCache(ws.dir);
  const warm = await timeRuns(
    'okra warm',
    options.runs,
    1,
    () => run(process.execPath, okraArgs(ws.dir, true)),
    undefined,
    (r) => {
      const out = readOkraOutput(r);
      if (out.errors !== clean.errors) throw new Error(`okra --cache found ${out.errors} errors, without cache ${clean.errors}`);
    },
  );

  // (b2) warm, one file changed: the result cache misses, the per-file cache still serves the rest
  log(`(b2) okra validate --cache, one file changed × ${options.runs}…`);
  const edited = join(ws.dir, ws.sampleObjectivesFile);
  const original = readFileSync(edited, 'utf8');
  let edit = 0;
  const warmEdit = await timeRuns(
    'okra warm, 1 file changed',
    options.runs,
    0,
    () => run(process.execPath, okraArgs(ws.dir, true)),
    () => writeFileSync(edited, `${original}# bench edit ${++edit}\n`),
    (r) => {
      const out = readOkraOutput(r);
      if (out.errors !== clean.errors)
        throw new Error(`okra --cache after an edit found ${out.errors} errors, without cache ${clean.errors}`);
    },
  );
  writeFileSync(edited, original);

  // (c) ajv-cli
  log(`(c) ajv-cli × ${options.runs}…`);
  const ajvArgs = [
    AJV,
    'validate',
    '--spec=draft2020',
    '--all-errors',
    '-s',
    'schemas/okra.schema.json',
    ...SCHEMAS.flatMap((s) => ['-r', `schemas/${s}.schema.json`]),
    '-c',
    './bench/ajv-okra-formats.cjs',
    '-d',
    `${rel}/**/*.yaml`,
  ];
  let ajvInvalid = 0;
  const ajv = await timeRuns(
    'ajv-cli',
    options.runs,
    1,
    () => run(process.execPath, ajvArgs),
    undefined,
    (r) => {
      const valid = r.stdout.split('\n').filter((l) => l.endsWith(' valid')).length;
      ajvInvalid = r.stderr.split('\n').filter((l) => l.endsWith(' invalid')).length;
      if (valid + ajvInvalid !== ws.files)
        throw new Error(`ajv-cli checked ${valid + ajvInvalid} files, expected ${ws.files}: ${r.stderr.slice(0, 2000)}`);
    },
  );
  if (ajvInvalid > 0) log(`  note: ajv-cli found ${ajvInvalid} files invalid`);

  // (d) Spectral
  log(`(d) Spectral × ${options.spectralRuns} (about a minute each at 2,000 files)…`);
  const spectralArgs = [SPECTRAL, 'lint', `${rel}/**/*.yaml`, '--ruleset', 'bench/spectral-ruleset.yaml', '--format', 'json'];
  let spectralResults = 0;
  const spectral = await timeRuns(
    'spectral',
    options.spectralRuns,
    0,
    () => run(process.execPath, spectralArgs, { SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' }),
    undefined,
    (r) => {
      const json = r.stdout.slice(0, r.stdout.lastIndexOf(']') + 1);
      if (r.code !== 0 && !json) throw new Error(`spectral failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
      spectralResults = (JSON.parse(json) as unknown[]).length;
    },
  );
  if (spectralResults > 0) log(`  note: Spectral reported ${spectralResults} results`);

  // (e) editor path
  log(`(e) WorkspaceSession: ${options.edits} edits of one file…`);
  const editor = await benchEditor(ws, options.edits);
  if (editor.errors > 0) log(`  note: checkFile reported ${editor.errors} errors over all edits`);

  // (f) peak RSS
  let rss: (RssResult & { files: number; bytes: number }) | undefined;
  if (options.rssFiles > 0) {
    const cap = options.rssCapMb > 0 ? `, stopped past ${options.rssCapMb} MB` : '';
    log(`(f) peak RSS of okra validate on ${options.rssFiles.toLocaleString('en')} files (generating if needed${cap})…`);
    const big = generateWorkspace({ files: options.rssFiles, dir: workDir(options.rssFiles) });
    warmFileCache(big.dir);
    rss = { ...(await peakRss(big.dir, options.rssCapMb)), files: big.files, bytes: big.bytes };
  }

  /** Wall clock, with CPU time (user + system) after it when known. */
  const fig = (t: { median: number; cpuMedian?: number }) =>
    t.cpuMedian === undefined ? seconds(t.median) : `${seconds(t.median)} (CPU ${seconds(t.cpuMedian)})`;
  const rows: BenchRow[] = [
    {
      benchmark: `okra validate, cold (${n} files)`,
      figure: fig(cold),
      peer: `ajv-cli ${fig(ajv)}`,
      ratio: ratio(cold.median, ajv.median),
      target: '≤ 1.0× ajv-cli',
      met: cold.median <= ajv.median,
    },
    {
      benchmark: `okra validate --cache, warm (${n} files)`,
      figure: fig(warm),
      peer: `ajv-cli ${fig(ajv)}`,
      ratio: ratio(warm.median, ajv.median),
      target: '≤ 0.2× ajv-cli',
      met: warm.median <= 0.2 * ajv.median,
    },
    {
      benchmark: `okra validate --cache, one file changed (${n} files)`,
      figure: fig(warmEdit),
      peer: `ajv-cli ${fig(ajv)}`,
      ratio: ratio(warmEdit.median, ajv.median),
    },
    {
      benchmark: `okra validate --cache, warm (${n} files)`,
      figure: fig(warm),
      peer: `Spectral ${fig(spectral)}`,
      ratio: ratio(warm.median, spectral.median),
      target: '≤ 0.1× Spectral',
      met: warm.median <= 0.1 * spectral.median,
    },
    {
      benchmark: `okra validate, cold (${n} files)`,
      figure: fig(cold),
      peer: `Spectral ${fig(spectral)}`,
      ratio: ratio(cold.median, spectral.median),
    },
    editorRow(editor, options.edits),
  ];
  if (cold.maxRssMb !== undefined && ajv.maxRssMb !== undefined) {
    rows.push({
      benchmark: `peak RSS, cold run (${n} files)`,
      figure: `${cold.maxRssMb.toFixed(0)} MB`,
      peer: `ajv-cli ${ajv.maxRssMb.toFixed(0)} MB; Spectral ${spectral.maxRssMb?.toFixed(0) ?? '?'} MB`,
      ratio: ratio(cold.maxRssMb, ajv.maxRssMb),
    });
  }
  if (rss) {
    const failed = !rss.stopped && (rss.code === null || rss.code > 1);
    const full = options.rssFiles >= 10_000;
    const figure = rss.stopped
      ? `> ${rss.mb.toFixed(0)} MB (stopped after ${seconds(rss.ms)})`
      : failed
        ? `failed (exit ${rss.code}) at ${rss.mb.toFixed(0)} MB`
        : `${rss.mb.toFixed(0)} MB`;
    rows.push({
      benchmark: `okra validate peak RSS (${rss.files.toLocaleString('en')} files, ${(rss.bytes / 1024 / 1024).toFixed(0)} MB of YAML)`,
      figure,
      target: full ? `< ${RSS_TARGET_MB} MB` : `< ${RSS_TARGET_MB} MB (at 10,000 files)`,
      met: full ? !failed && !rss.stopped && rss.mb < RSS_TARGET_MB : undefined,
    });
    if (failed)
      log(
        `  okra failed on ${rss.files} files: ${rss.stderr
          .split('\n')
          .filter((l) => !/^\s/.test(l))
          .slice(0, 5)
          .join(' | ')}`,
      );
  }
  const detail = (t: { label: string; times: number[]; cpu: number[] }) =>
    `${t.label}: ${t.times.map((ms) => seconds(ms)).join(', ')}${t.cpu.length ? ` (CPU ${t.cpu.map((ms) => seconds(ms)).join(', ')})` : ''}`;
  log(`runs: ${[cold, warm, warmEdit, ajv, spectral].map(detail).join('; ')}`);
  if (cold.cpuMedian && warm.cpuMedian && ajv.cpuMedian && spectral.cpuMedian) {
    log(
      `CPU-time ratios: cold/ajv ${ratio(cold.cpuMedian, ajv.cpuMedian)}, warm/ajv ${ratio(warm.cpuMedian, ajv.cpuMedian)}, warm/Spectral ${ratio(warm.cpuMedian, spectral.cpuMedian)}`,
    );
  }
  log(`editor: session loaded in ${seconds(editor.loadMs)}; edited ${editor.path} (${(editor.bytes / 1024).toFixed(0)} KB)`);
  lastDetails = {
    workspace: ws,
    runs: Object.fromEntries(
      [cold, warm, warmEdit, ajv, spectral].map((t) => [t.label, { ms: t.times, cpuMs: t.cpu, maxRssMb: t.maxRssMb }]),
    ),
    editor: { ms: editor.times, cpuMs: editor.cpu, loadMs: editor.loadMs, file: editor.path },
    rss,
  };
  return rows;
}

/** Raw figures of the last run, for bench/.work/results.json. */
export let lastDetails: Record<string, unknown> | undefined;

/** The newest mtime of the sources the CLI is built from, to rebuild a stale dist/cli.js. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['core', 'cli', 'sandbox', 'schemas']) walk(join(ROOT, dir));
  return newest;
}
