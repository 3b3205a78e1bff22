/**
 * `npm run bench`: runs every benchmark and prints one table.
 *
 *   npm run bench                 # 2,000 files (10,000 for peak RSS)
 *   BENCH_QUICK=1 npm run bench   # 200 files, one run each: a smoke test
 *
 * Overrides: BENCH_FILES, BENCH_RUNS, BENCH_SPECTRAL_RUNS, BENCH_EDITS, BENCH_RSS_FILES (0 skips
 * the peak-RSS row) and BENCH_RSS_CAP_MB (0 lets the peak-RSS run finish, however long it takes).
 *
 * Progress goes to stderr, the table to stdout; the raw figures are kept in
 * bench/.work/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { formatTable, millis, type BenchRow } from './table';
import { benchValidate, DEFAULT_OPTIONS, lastDetails, QUICK_OPTIONS } from './validate.bench';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Rows of another bench module: table rows as they are, `{ name, ms }` as a time, else JSON. */
function asRows(name: string, result: unknown): BenchRow[] {
  const list = Array.isArray(result) ? result : [result];
  return list.map((item: unknown) => {
    if (item && typeof item === 'object') {
      const r = item as Record<string, unknown>;
      if (typeof r.benchmark === 'string' && typeof r.figure === 'string') {
        const { benchmark, figure, peer, ratio, target, met } = r as unknown as BenchRow;
        return { benchmark, figure, peer, ratio, target, met };
      }
      if (typeof r.name === 'string' && typeof r.ms === 'number') return { benchmark: r.name, figure: millis(r.ms) };
    }
    return { benchmark: name, figure: JSON.stringify(item) };
  });
}

/** Runs another area's bench module in a fresh process (bench/run-one.ts) and returns its rows. */
async function optionalBench(file: string, exportName: string, quick: boolean): Promise<BenchRow[]> {
  if (!existsSync(join(__dirname, `${file}.ts`))) return [];
  log(`${file}…`);
  const args = ['--expose-gc', '--import', 'tsx', join(__dirname, 'run-one.ts'), file, exportName, ...(quick ? ['quick'] : [])];
  const child = spawnSync(process.execPath, args, {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    log(`${file} failed (exit ${child.status})`);
    return [{ benchmark: file, figure: `failed (exit ${child.status})` }];
  }
  return asRows(file, JSON.parse(child.stdout) as unknown);
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const started = Date.now();
  const base = quick ? QUICK_OPTIONS : DEFAULT_OPTIONS;
  const env = (name: string, fallback: number) => {
    const value = process.env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
    return n;
  };
  const options = {
    files: env('BENCH_FILES', base.files),
    runs: Math.max(1, env('BENCH_RUNS', base.runs)),
    spectralRuns: Math.max(1, env('BENCH_SPECTRAL_RUNS', base.spectralRuns)),
    edits: Math.max(1, env('BENCH_EDITS', base.edits)),
    rssFiles: env('BENCH_RSS_FILES', base.rssFiles),
    rssCapMb: env('BENCH_RSS_CAP_MB', base.rssCapMb),
    log,
  };
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  log(
    `${quick ? 'quick' : 'full'} run: ${options.files} files, ${options.runs} runs each, peak RSS at ${options.rssFiles} files; load average ${load()}`,
  );
  const rows: BenchRow[] = [...(await benchValidate(options))];
  // The other areas' benchmarks, when their modules are there.
  for (const [file, exportName] of [
    ['schedule.bench', 'benchSchedule'],
    ['render.bench', 'benchRender'],
    ['sync.bench', 'benchSync'],
    ['cli.bench', 'benchCli'],
  ] as const) {
    rows.push(...(await optionalBench(file, exportName, quick)));
  }
  const table = formatTable(rows);
  process.stdout.write(`\n${table}\n`);
  const workDir = join(__dirname, '.work');
  mkdirSync(workDir, { recursive: true });
  const machine = `${cpus().length} cores, node ${process.version}`;
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    join(workDir, 'results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        seconds,
        loadAverage: load(),
        options: { ...options, log: undefined },
        rows,
        details: lastDetails,
      },
      null,
      2,
    ),
  );
  log(`done in ${seconds} s (${machine}; load average now ${load()})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
