/**
 * The CLI's own costs, each against a peer in the same run, runs interleaved:
 *
 * (a) unknown keys in one file: `okra validate --format json` of the example workspace plus one
 *     Objectives file whose objective has 20,000 unknown keys, against the same with 1,000. The
 *     time must stay linear: under 1 s, and no more than 25× the 1,000-key run.
 * (b) start-up: `okra validate examples/support-org` against a bare `node -e 0`, within 3×.
 *
 *   node --expose-gc --import tsx bench/run-one.ts cli.bench benchCli [quick]
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median, ratio, seconds, type BenchRow } from './table';
import { run, type Run } from './timed-run';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(ROOT, 'examples', 'support-org');
const FEW_KEYS = 1_000;
const MANY_KEYS = 20_000;

export interface CliBenchOptions {
  quick: boolean;
  log: (line: string) => void;
}

/** The example workspace plus okrs/pasted.yaml, an objective with `keys` keys no schema knows. */
function workspaceWithUnknownKeys(keys: number): { dir: string; bytes: number } {
  const dir = join(__dirname, '.work', `unknown-keys-${keys}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(EXAMPLE, dir, { recursive: true });
  const head =
    'kind: Objectives\nversion: 1\ncycle: 2026-H1\nowner: team/frontline\nobjectives:\n' +
    '  - id: pasted\n    title: Pasted\n    key_results:\n      - id: pasted-kr\n        title: Done\n        type: boolean\n';
  const text = head + Array.from({ length: keys }, (_, i) => `    k${i}: x\n`).join('');
  writeFileSync(join(dir, 'okrs', 'pasted.yaml'), text);
  return { dir, bytes: text.length };
}

interface Series {
  label: string;
  runs: Run[];
}

/** Runs each command `rounds` times, one of each per round, after one untimed run of each. */
async function interleaved(commands: ReadonlyArray<{ label: string; args: string[]; check?: (r: Run) => void }>, rounds: number) {
  const series: Series[] = commands.map(({ label }) => ({ label, runs: [] }));
  for (let round = -1; round < rounds; round++) {
    for (const [i, command] of commands.entries()) {
      const r = await run(process.execPath, command.args);
      command.check?.(r);
      if (round >= 0) series[i].runs.push(r);
    }
  }
  return series;
}

const wall = (s: Series) => median(s.runs.map((r) => r.ms));
const cpu = (s: Series) => (s.runs.every((r) => r.cpuMs !== undefined) ? median(s.runs.map((r) => r.cpuMs!)) : undefined);

/** `0.41 s (CPU 0.38 s; 0.39–0.52 s, 5 runs)`, or in milliseconds for short runs. */
function describe(s: Series, unit: (ms: number) => string): string {
  const times = s.runs.map((r) => r.ms);
  const cpuMs = cpu(s);
  const range = `${unit(Math.min(...times))}–${unit(Math.max(...times))}, ${times.length} runs`;
  return `${unit(wall(s))} (${cpuMs === undefined ? '' : `CPU ${unit(cpuMs)}; `}${range})`;
}

const ms = (value: number) => `${Math.round(value)} ms`;

function expectDiagnostics(keys: number) {
  return (r: Run) => {
    const found = (JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string }> }).diagnostics;
    const unknown = found.filter((d) => d.rule === 'schema/additional-property').length;
    if (unknown !== keys) throw new Error(`expected ${keys} unknown keys reported, got ${unknown}: ${r.stderr}`);
  };
}

export async function benchCli({ quick, log }: CliBenchOptions): Promise<BenchRow[]> {
  if (!existsSync(join(ROOT, 'dist', 'okra-validate.js'))) throw new Error('dist/ has no okra-validate.js: run npm run build');
  const rounds = quick ? 1 : 5;
  const few = workspaceWithUnknownKeys(FEW_KEYS);
  const many = workspaceWithUnknownKeys(MANY_KEYS);
  log(`unknown keys: ${FEW_KEYS} vs ${MANY_KEYS} keys in one file, ${rounds} runs each…`);
  const [fewRuns, manyRuns] = await interleaved(
    [
      { label: `${FEW_KEYS} keys`, args: [CLI, 'validate', few.dir, '--format', 'json'], check: expectDiagnostics(FEW_KEYS) },
      { label: `${MANY_KEYS} keys`, args: [CLI, 'validate', many.dir, '--format', 'json'], check: expectDiagnostics(MANY_KEYS) },
    ],
    rounds,
  );
  const keysRatio = wall(manyRuns) / wall(fewRuns);

  const startRounds = quick ? 3 : 15;
  log(`start-up: okra validate examples/support-org vs node -e 0, ${startRounds} runs each…`);
  const [bare, okra] = await interleaved(
    [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: 'okra validate', args: [CLI, 'validate', EXAMPLE] },
    ],
    startRounds,
  );
  const startRatio = wall(okra) / wall(bare);
  const kb = Math.round(many.bytes / 1024);
  return [
    {
      benchmark: `unknown keys in one file (${MANY_KEYS.toLocaleString('en')} keys, ${kb} KB)`,
      figure: describe(manyRuns, seconds),
      peer: `${FEW_KEYS.toLocaleString('en')} keys ${describe(fewRuns, seconds)}`,
      ratio: ratio(wall(manyRuns), wall(fewRuns)),
      target: '< 1 s and ≤ 25×',
      met: wall(manyRuns) < 1000 && keysRatio <= 25,
    },
    {
      benchmark: 'CLI start-up: okra validate examples/support-org',
      figure: describe(okra, ms),
      peer: `node -e 0 ${describe(bare, ms)}`,
      ratio: ratio(wall(okra), wall(bare)),
      target: '≤ 3× node -e 0',
      met: startRatio <= 3,
    },
  ];
}
