import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../core/model/workspace-model';
import {
  buildSchedule,
  defaultScheduleRange,
  parseScheduleDate,
  toIcs,
  DEFAULT_SCHEDULE_WEEKS,
  type ScheduleEvent,
} from '../../core/schedule';
import { writeFileAtomic } from '../atomic-write';
import { UsageError } from '../errors';
import { findWorkspace } from '../find-workspace';
import { withWorkspaceOption } from '../workspace-options';
import { runValidation } from './validate';

/** What `okra schedule` was asked, plus where it writes. Separate from commander so tests can call it. */
export interface ScheduleRun {
  model: WorkspaceModel;
  /** Errors found in the workspace: above 0, a one-line warning goes to stderr. */
  errorCount?: number;
  /** ISO date; today in the workspace zone by default. */
  from?: string;
  /** ISO date; `from` + 8 weeks by default. */
  to?: string;
  /** A file for the ICS calendar, relative to `cwd`; `-` for stdout. */
  ics?: string;
  cwd: string;
  /** "Today" and the calendar's DTSTAMP; the current time by default. */
  now?: DateTime;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface ScheduleResult {
  from: string;
  to: string;
  events: ScheduleEvent[];
  /** The absolute path of the calendar written, if one was. */
  icsPath?: string;
}

/** Throws a usage error (exit 2) when a `--from`/`--to` value is not an ISO calendar date. */
export function checkDateOption(flag: '--from' | '--to', value: string | undefined): void {
  if (value === undefined || parseScheduleDate(value, 'UTC')) return;
  const example = flag === '--from' ? '2026-03-01' : '2026-04-30';
  throw new UsageError(`${flag} "${value}" is not a date; write it as YYYY-MM-DD, e.g. ${example}`);
}

/**
 * The days to schedule: `from` (default today in `zone`) to `to` (default `from` + 8 weeks),
 * both included. Bad dates and a `to` before `from` are usage errors.
 */
export function resolveRange(zone: string, from: string | undefined, to: string | undefined, now: DateTime): { from: string; to: string } {
  checkDateOption('--from', from);
  checkDateOption('--to', to);
  const start = from ?? defaultScheduleRange(zone, now).from;
  const end = to ?? parseScheduleDate(start, zone)!.plus({ weeks: DEFAULT_SCHEDULE_WEEKS }).toISODate()!;
  if (end < start) throw new UsageError(`--to ${end} is before --from ${start}${from === undefined ? ' (today)' : ''}`);
  return { from: start, to: end };
}

const MAX_NAMES = 3;

function who(event: ScheduleEvent): string {
  const names = event.attendees.map((a) => a.name);
  if (names.length <= MAX_NAMES + 1) return names.join(', ');
  return `${names.slice(0, MAX_NAMES).join(', ')} +${names.length - MAX_NAMES} more`;
}

function what(event: ScheduleEvent): string {
  return event.kind === 'one-on-one' ? '1:1' : event.title;
}

/**
 * The schedule as a plain table: date, local time (or "all day"), zone, what, who. Times are in
 * each event's own zone, which the zone column names.
 */
export function formatScheduleTable(events: readonly ScheduleEvent[], range: { from: string; to: string; zone: string }): string {
  const heading = `Schedule ${range.from} to ${range.to} (${range.zone})`;
  if (events.length === 0) return `${heading}: no 1:1s, review stages or retrospectives.\n`;
  const rows = events.map((e) => [
    e.start.toFormat('ccc yyyy-LL-dd', { locale: 'en' }),
    e.allDay ? 'all day' : `${e.start.toFormat('HH:mm')}–${e.end.toFormat('HH:mm')}`,
    e.zone,
    what(e),
    who(e),
  ]);
  const header = ['DATE', 'TIME', 'ZONE', 'WHAT', 'WHO'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const count = events.length === 1 ? '1 event' : `${events.length} events`;
  return [`${heading}: ${count}`, '', line(header), ...rows.map(line), ''].join('\n');
}

/**
 * `--ics org.yaml` would replace a definition file with a calendar: only a file that okra wrote
 * before (an iCalendar with okra's PRODID) is overwritten.
 */
async function refuseToOverwrite(path: string, given: string): Promise<void> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new UsageError(`cannot write the calendar to ${given}: ${error.code === 'EISDIR' ? 'it is a folder' : error.message}`);
  });
  if (existing === undefined) return;
  if (/^BEGIN:VCALENDAR\r?\n/.test(existing) && /^PRODID:-\/\/okra\/\//m.test(existing)) return;
  throw new UsageError(
    `${given} exists and is not a calendar okra wrote; okra schedule --ics does not overwrite it (name a new .ics file)`,
  );
}

/** `okra schedule` once the workspace is loaded: builds the events, prints them or writes the calendar. */
export async function runSchedule(run: ScheduleRun): Promise<ScheduleResult> {
  const now = run.now ?? DateTime.now();
  const zone = run.model.timezone;
  const range = resolveRange(zone, run.from, run.to, now);
  if (run.errorCount) {
    const errors = run.errorCount === 1 ? '1 error' : `${run.errorCount} errors`;
    run.stderr(`okra: warning: the workspace has ${errors} (see \`okra validate\`); the schedule shows what could be read\n`);
  }
  const events = buildSchedule(run.model, range);
  if (run.ics === undefined) {
    run.stdout(formatScheduleTable(events, { ...range, zone }));
    return { ...range, events };
  }
  const text = toIcs(events, { now });
  if (run.ics === '-') {
    run.stdout(text);
    return { ...range, events };
  }
  const icsPath = resolve(run.cwd, run.ics);
  await refuseToOverwrite(icsPath, run.ics);
  await writeFileAtomic(icsPath, text);
  const count = events.length === 1 ? '1 event' : `${events.length} events`;
  run.stdout(`Wrote ${count} (${range.from} to ${range.to}) to ${run.ics}\n`);
  return { ...range, events, icsPath };
}

export function registerScheduleCommand(program: Command): void {
  withWorkspaceOption(
    program
      .command('schedule')
      .description('upcoming 1:1s, review stages and retrospectives, as a table or an ICS calendar')
      .argument('[dir]', 'the workspace folder (same as --workspace)'),
  )
    .option('--from <date>', 'first day, YYYY-MM-DD in the workspace time zone (default: today)')
    .option('--to <date>', `last day, included (default: ${DEFAULT_SCHEDULE_WEEKS} weeks after --from)`)
    .option('--ics <file>', 'write an RFC 5545 calendar to this file instead of the table (- for stdout)')
    .addHelpText(
      'after',
      "\n1:1s are held at their time in the manager's time zone (else the workspace's) and last 30 minutes;\n" +
        'review stages and retrospectives are all-day events. Event UIDs are stable, so importing the\n' +
        'calendar again updates the events instead of duplicating them.\n' +
        'Examples:\n  okra schedule\n  okra schedule --from 2026-04-01 --to 2026-06-30\n  okra schedule --ics review-cycles.ics',
    )
    .action(async (dir: string | undefined, options: { workspace?: string; from?: string; to?: string; ics?: string }) => {
      // Bad dates fail before the workspace is read.
      checkDateOption('--from', options.from);
      checkDateOption('--to', options.to);
      const root = findWorkspace(process.cwd(), dir ?? options.workspace);
      const { model, diagnostics } = await runValidation(root);
      await runSchedule({
        model,
        errorCount: diagnostics.filter((d) => d.severity === 'error').length,
        from: options.from,
        to: options.to,
        ics: options.ics,
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    });
}
