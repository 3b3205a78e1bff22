import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { countBySeverity, cycleInterval, objectiveProgress, objectiveStatus, type WorkspaceModel } from '../../core';
import { formatText } from '../format/text';
import { packageRoot } from '../package-root';
import { colorsEnabled, painter, type Paint } from '../terminal';
import { runValidation } from './validate';

const STATUS_LABEL = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as const;
const STATUS_STYLE = { on_track: 'green', at_risk: 'yellow', off_track: 'red' } as const;

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
    lines.push(`  ${percent(progress)}  ${label}  ${String(objective.set.owner).padEnd(26)} ${objective.set.cycle}  ${objective.value.title} (${krs} KRs)`);
  }
  return lines.join('\n') + '\n';
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('the quick start: check the example workspace and show its OKRs (what `npm start` runs)')
    .argument('[dir]', 'workspace to use instead of the bundled example')
    .option('--at <date>', 'compute status as of this date (default: today)')
    .action(async (dir: string | undefined, options: { at?: string }) => {
      const root = dir ? resolve(process.cwd(), dir) : join(packageRoot(), 'examples', 'support-org');
      const paint = painter(colorsEnabled());
      process.stdout.write(paint('bold', `okra: checking ${root}\n`));
      const result = await runValidation(root);
      const texts = new Map(result.files.map((f) => [f.path, f.text]));
      process.stdout.write(formatText(result.files.length, result.diagnostics, { paint, sourceOf: (f) => texts.get(f) }));
      const at = options.at ? DateTime.fromISO(options.at, { zone: result.model.timezone }) : DateTime.now().setZone(result.model.timezone);
      process.stdout.write('\n' + okrSummary(result.model, at, paint));
      process.exitCode = countBySeverity(result.diagnostics).error > 0 ? 1 : 0;
    });
}
