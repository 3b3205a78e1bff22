import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { resolveRange, runSchedule, type ScheduleRun } from '../../cli/commands/schedule';
import { UsageError } from '../../cli/errors';
import { FIXTURE, modelOfFolder, person, workspace } from './helpers';

const TMP_ROOT = join(__dirname, '..', '.tmp');

describe('okra schedule (command)', () => {
  const model = modelOfFolder(FIXTURE);
  const now = DateTime.fromISO('2026-03-16T08:00:00Z');
  let dir: string;

  before(() => {
    mkdirSync(TMP_ROOT, { recursive: true });
    dir = mkdtempSync(join(TMP_ROOT, 'schedule-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(
    options: Partial<ScheduleRun>,
  ): Promise<{ stdout: string; stderr: string; result: Awaited<ReturnType<typeof runSchedule>> }> {
    let stdout = '';
    let stderr = '';
    const result = await runSchedule({
      model,
      cwd: dir,
      now,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      ...options,
    });
    return { stdout, stderr, result };
  }

  it('prints a table of date, time, zone, what and who', async () => {
    const { stdout, stderr } = await run({ from: '2026-03-27', to: '2026-03-31' });
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'Schedule 2026-03-27 to 2026-03-31 (Europe/Berlin): 5 events');
    assert.match(lines[2], /^DATE\s+TIME\s+ZONE\s+WHAT\s+WHO$/);
    assert.deepEqual(
      lines.slice(3).map((line) => line.split(/\s{2,}/)),
      [
        ['Fri 2026-03-27', '09:30–10:00', 'America/New_York', '1:1', 'Maya Brooks, Theo Grant'],
        ['Mon 2026-03-30', '10:00–10:30', 'Europe/Berlin', '1:1', 'Lena Vogel, Oskar Lind'],
        ['Mon 2026-03-30', '10:30–11:00', 'Europe/Berlin', '1:1', 'Lena Vogel, Zofia Nowak'],
        ['Tue 2026-03-31', 'all day', 'Europe/Berlin', 'OKR retrospective 2026-Q1', 'Maya Brooks, Theo Grant, Lena Vogel'],
        ['Tue 2026-03-31', '16:00–16:30', 'Europe/Berlin', '1:1', 'Lena Vogel, Maya Brooks'],
      ],
    );
  });

  it('says so when there is nothing to show', async () => {
    const { stdout } = await run({ from: '2030-01-01', to: '2030-01-01' });
    assert.match(stdout, /^Schedule 2030-01-01 to 2030-01-01 \(Europe\/Berlin\): no 1:1s, review stages or retrospectives\.\n$/);
  });

  it('shortens long attendee lists', async () => {
    // Four names are shown in full ("+1 more" would not be shorter) …
    const { stdout } = await run({ from: '2026-03-20', to: '2026-03-20' });
    assert.match(stdout, /GrowWise 2026 H1: Self review due {2}Lena Vogel, Oskar Lind, Zofia Nowak, Maya Brooks\n/);
    // … six are not.
    const big = workspace({
      people: ['ana', 'ben', 'cai', 'dan', 'eve', 'fay'].map((id) => person(id)),
      retrospectives: [{ id: 'retro', cycle: '2026-Q1', date: '2026-03-31', participants: ['ana', 'ben', 'cai', 'dan', 'eve', 'fay'] }],
    });
    const { stdout: long } = await run({ model: big, from: '2026-03-31', to: '2026-03-31' });
    assert.match(long, /OKR retrospective 2026-Q1 {2}Ana, Ben, Cai \+3 more\n/);
  });

  it('defaults to today in the workspace zone and 8 weeks after', async () => {
    const { result } = await run({});
    assert.equal(result.from, '2026-03-16');
    assert.equal(result.to, DateTime.fromISO('2026-03-16').plus({ weeks: 8 }).toISODate());
    const { result: fromOnly } = await run({ from: '2026-04-01' });
    assert.equal(fromOnly.to, '2026-05-27');
  });

  it('writes the calendar atomically with --ics FILE and says how many events', async () => {
    const { stdout, result } = await run({ from: '2026-03-16', to: '2026-04-05', ics: 'out/review-cycles.ics' });
    assert.equal(result.icsPath, join(dir, 'out', 'review-cycles.ics'));
    assert.equal(stdout, `Wrote ${result.events.length} events (2026-03-16 to 2026-04-05) to out/review-cycles.ics\n`);
    const text = readFileSync(result.icsPath!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    assert.equal(events.length, result.events.length);
  });

  it('writes the calendar to stdout with --ics -', async () => {
    const { stdout, result } = await run({ from: '2026-03-16', to: '2026-04-05', ics: '-' });
    assert.match(stdout, /^BEGIN:VCALENDAR\r\n/);
    assert.match(stdout, /END:VCALENDAR$/);
    assert.equal(result.icsPath, undefined);
  });

  it('warns on stderr, in one line, when the workspace has errors, and schedules all the same', async () => {
    const { stdout, stderr, result } = await run({ from: '2026-03-16', to: '2026-03-22', errorCount: 3 });
    assert.equal(stderr, 'okra: warning: the workspace has 3 errors (see `okra validate`); the schedule shows what could be read\n');
    assert.ok(result.events.length > 0);
    assert.match(stdout, /^Schedule/);
  });

  it('refuses dates that are not YYYY-MM-DD with a usage error', async () => {
    await assert.rejects(
      run({ from: '16.03.2026' }),
      (error: Error) => error instanceof UsageError && /--from "16\.03\.2026" is not a date/.test(error.message),
    );
    await assert.rejects(run({ to: '2026-02-30' }), UsageError);
    assert.throws(() => resolveRange('UTC', '2026-03-10', '2026-03-01', now), /--to 2026-03-01 is before --from 2026-03-10/);
    assert.throws(() => resolveRange('UTC', undefined, '2026-03-01', now), /\(today\)/);
  });
});
