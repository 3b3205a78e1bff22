import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { CONFIG_FILE, countBySeverity, cycleInterval, objectiveProgress, objectiveStatus, type WorkspaceModel } from '../../core';
import { startSandbox, type SandboxHandle } from '../../sandbox';
import { UsageError } from '../errors';
import { formatText } from '../format/text';
import { packageRoot } from '../package-root';
import { colorsEnabled, painter, type Paint } from '../terminal';
import { renderAll } from './render';
import { runSync } from './sync';
import { runValidation } from './validate';

const STATUS_LABEL = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as const;
const STATUS_STYLE = { on_track: 'green', at_risk: 'yellow', off_track: 'red' } as const;
/** The demo's sandbox answers faster than Notion's 3 requests a second, so the quick start is quick. */
const DEMO_RATE = { ratePerSecond: 50, burst: 50 };

function percent(value: number | undefined): string {
  return value === undefined ? '   –' : `${Math.round(value * 100)}%`.padStart(4);
}

/** One line per objective: owner, cycle, progress and status as of `at`. */
export function okrSummary(model: WorkspaceModel, at: DateTime, paint: Paint): string {
  const lines: string[] = [];
  const keyResults = model.keyResults.all.length;
  lines.push(paint('bold', `${model.objectives.all.length} objectives, ${keyResults} key results (as of ${at.toISODate()})`));
  for (const objective of model.objectives.all) {
    const cycle = cycleInterval(objective.set.cycle, model.timezone);
    const progress = objectiveProgress(objective.value);
    const status = cycle ? objectiveStatus(objective.value, cycle, at) : undefined;
    const krs = Array.isArray(objective.value.key_results) ? objective.value.key_results.length : 0;
    const label = status ? paint(STATUS_STYLE[status], STATUS_LABEL[status].padEnd(9)) : ''.padEnd(9);
    lines.push(
      `  ${percent(progress)}  ${label}  ${String(objective.set.owner).padEnd(26)} ${objective.set.cycle}  ${objective.value.title} (${krs} KRs)`,
    );
  }
  return lines.join('\n') + '\n';
}

interface DemoOptions {
  at?: string;
  out: string;
  port: string;
  serve: boolean;
}

/**
 * The day the demo computes status, overdue milestones and documents as of, and where it came
 * from: `--at`, else the config's `as_of` (an example's figures stop at some date, and as of
 * today its story would be all "off track"), else today.
 */
export function demoAsOf(given: string | undefined, model: WorkspaceModel): { at: DateTime; source: string } {
  const zone = model.timezone;
  if (given !== undefined) {
    const at = DateTime.fromISO(given, { zone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || !at.isValid) throw new UsageError(`--at takes a date like 2026-04-14, not "${given}"`);
    return { at, source: 'from --at' };
  }
  const configured = model.config?.value.as_of;
  const at = typeof configured === 'string' ? DateTime.fromISO(configured, { zone }) : undefined;
  // An invalid as_of is reported by validate (schema, format date); the demo then uses today.
  if (at?.isValid) return { at, source: `from ${CONFIG_FILE}` };
  return { at: DateTime.now().setZone(zone), source: 'today' };
}

/**
 * The sandbox on `port`, or on a free port when that one is taken (another demo, say). Started
 * before anything is rendered, so that a busy port cannot end the demo halfway.
 */
async function sandboxOnFreePort(port: number, say: (text: string) => void, paint: Paint): Promise<SandboxHandle> {
  try {
    return await startSandbox({ port, rateLimit: DEMO_RATE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const sandbox = await startSandbox({ port: 0, rateLimit: DEMO_RATE });
    say(paint('yellow', `Port ${port} is busy; the sandbox uses ${sandbox.url} instead.\n`));
    return sandbox;
  }
}

/** Resolves when the user presses Ctrl-C (or the process is asked to stop). */
function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'the quick start (`npm start`): check the example workspace, show its OKRs, render its documents, sync it into a local Notion sandbox and serve the board',
    )
    .argument('[dir]', 'workspace to use instead of the bundled example')
    .option('--at <date>', "compute status and documents as of this date (default: the config's as_of, else today)")
    .option('--out <dir>', 'where the documents go', 'out')
    .option('--port <n>', 'port of the sandbox board (0: any free port)', '8765')
    .option('--no-serve', 'stop after syncing instead of serving the board until Ctrl-C')
    .action(async (dir: string | undefined, options: DemoOptions) => {
      const root = dir ? resolve(process.cwd(), dir) : join(packageRoot(), 'examples', 'support-org');
      const paint = painter(colorsEnabled());
      const say = (text: string) => void process.stdout.write(text);
      say(paint('bold', `okra: checking ${root}\n`));
      const result = await runValidation(root);
      const texts = new Map(result.model.files.map((f) => [f.path, f.text]));
      say(formatText(result.paths.length, result.diagnostics, { paint, sourceOf: (f) => texts.get(f) }));
      const { at, source } = demoAsOf(options.at, result.model);
      say(`\nStatus, overdue milestones and documents as of ${at.toISODate()}, ${source}.\n`);
      say('\n' + okrSummary(result.model, at, paint));
      if (countBySeverity(result.diagnostics).error > 0) {
        process.exitCode = 1;
        return;
      }

      const sandbox = await sandboxOnFreePort(Number(options.port), say, paint);
      const stateDir = await mkdtemp(join(tmpdir(), 'okra-demo-'));
      try {
        const outDir = resolve(process.cwd(), options.out);
        const { written } = await renderAll(root, outDir, { date: at.toISODate() ?? undefined, formats: ['md', 'html'] });
        say(
          `\n${paint('bold', 'Documents')}: ${written.length} files in ${relative(process.cwd(), outDir) || '.'}/ (1:1 agendas, GrowWise reviews, retrospectives)\n`,
        );

        const parentPage = sandbox.createRootPage('okra demo');
        say(`\n${paint('bold', 'Notion sync')} into a local sandbox at ${sandbox.url}\n`);
        const { exitCode } = await runSync(root, {
          token: sandbox.token,
          baseUrl: sandbox.url,
          parentPage,
          statePath: join(stateDir, 'notion-state.json'),
          rateLimit: DEMO_RATE,
          now: at,
          color: colorsEnabled(),
        });
        process.exitCode = exitCode;
        if (options.serve) {
          say(`\n${paint('bold', 'Board')}: ${sandbox.boardUrl} — what your team sees in Notion. Ctrl-C stops.\n`);
          await untilInterrupted();
        }
      } finally {
        await sandbox.close();
        await rm(stateDir, { recursive: true, force: true });
      }
    });
}
