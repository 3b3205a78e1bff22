import { DateTime } from 'luxon';
import { didYouMean } from '../util/did-you-mean';

/** How to explain a value that does not match a pattern or format, and what to suggest. */
export interface ValueHint {
  /** Follows the quoted value: `is not a cycle: write 2026-H1, …`. */
  explain: string;
  /** A corrected value, offered as "did you mean" and as a fix. */
  suggestion?: string;
}

const ID = '[a-z0-9][a-z0-9-]*';
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const DAYS = `${DAY}(-${DAY})?(,${DAY}(-${DAY})?)*`;
const HHMM = '([01]\\d|2[0-3]):[0-5]\\d';
const WINDOW = `${DAYS} ${HHMM}-(${HHMM}|24:00)`;

/**
 * The patterns of okra's schemas, spelled exactly as there; a test checks that every pattern
 * in schemas/ has an entry, so a schema change cannot leave a message behind.
 */
export const PATTERNS = {
  id: `^${ID}$`,
  personRef: `^(person/)?${ID}$`,
  teamRef: `^(team/)?${ID}$`,
  ownerRef: `^(team|person)/${ID}$`,
  memberRef: `^((team|person)/)?${ID}$`,
  scope: `^((team|tier|vendor)/)?${ID}$`,
  cycle: '^\\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$',
  period: '^\\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\\d|5[0-3])|(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])))?$',
  time: `^${HHMM}$`,
  category: '^[a-z0-9][a-z0-9_-]*$',
  coverage: `^(24x7|${WINDOW}(; ${WINDOW})*( [A-Za-z]+(/[A-Za-z0-9_+-]+)*)?)$`,
  ruleId: `^${ID}(/${ID})+$`,
} as const;

/** Lowercase kebab-case: what an id written as `Tier_1` or `Tier 1` was meant to be. */
function toId(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, '-')
    .replace(/(^|\/)-+/g, '$1')
    .replace(/-+$/, '');
}

/** `h1 2026` → `2026-H1`, `2026w3` → `2026-W03`: a cycle or period written loosely. */
function asPeriod(v: string): string {
  return v
    .toUpperCase()
    .replace(/^([HQ]\d)\s*(\d{4})$/, '$2$1')
    .replace(/\s+/g, '')
    .replace(/^(\d{4})([HQW])/, '$1-$2')
    .replace(/^(\d{4})-W(\d)$/, '$1-W0$2');
}

function suggestIf(pattern: string, candidate: string, value: string): string | undefined {
  return candidate !== value && new RegExp(pattern, 'u').test(candidate) ? candidate : undefined;
}

const PATTERN_HINTS: Record<string, (value: string) => ValueHint> = {
  [PATTERNS.id]: (v) => ({
    explain: 'is not a valid id: use lowercase letters, digits and dashes, e.g. "tier-2"',
    suggestion: suggestIf(PATTERNS.id, toId(v), v),
  }),
  [PATTERNS.personRef]: (v) => ({
    explain: `is not a person: write the person's id, e.g. "anna-kovacs"`,
    suggestion: suggestIf(PATTERNS.personRef, toId(v), v),
  }),
  [PATTERNS.teamRef]: (v) => ({
    explain: `is not a team: write the team's id, e.g. "payments-support"`,
    suggestion: suggestIf(PATTERNS.teamRef, toId(v), v),
  }),
  [PATTERNS.ownerRef]: (v) =>
    new RegExp(PATTERNS.id, 'u').test(v)
      ? { explain: `does not say whether it is a team or a person: write "team/${v}" or "person/${v}"` }
      : { explain: 'is not an owner: write "team/<id>" or "person/<id>"', suggestion: suggestIf(PATTERNS.ownerRef, toId(v), v) },
  [PATTERNS.memberRef]: (v) => ({
    explain: `is not a person or a team: write a person's id, or "team/<id>" for a team`,
    suggestion: suggestIf(PATTERNS.memberRef, toId(v), v),
  }),
  [PATTERNS.scope]: (v) => ({
    explain: 'is not a KPI scope: write "global", or the id of a team, a tier or a vendor (e.g. "tier-1" or "vendor/acme-bpo")',
    suggestion: suggestIf(PATTERNS.scope, toId(v), v),
  }),
  [PATTERNS.cycle]: (v) => ({
    explain: 'is not a cycle: write a year ("2026"), a half (2026-H1), a quarter (2026-Q3) or a month (2026-03)',
    suggestion: suggestIf(PATTERNS.cycle, asPeriod(v), v),
  }),
  [PATTERNS.period]: (v) => ({
    explain: 'is not a period: write 2026-H1, 2026-03, 2026-W14 (ISO week) or 2026-04-07',
    suggestion: suggestIf(PATTERNS.period, asPeriod(v), v),
  }),
  [PATTERNS.time]: (v) => ({
    explain: 'is not a time: write HH:MM on the 24-hour clock, e.g. 09:30',
    suggestion: suggestIf(PATTERNS.time, v.replace(/^(\d):/, '0$1:').replace(/\./, ':'), v),
  }),
  [PATTERNS.category]: (v) => ({
    explain: 'is not a category: use lowercase letters, digits, dashes and underscores, e.g. card_block',
    suggestion: suggestIf(PATTERNS.category, v.toLowerCase().replace(/\s+/g, '_'), v),
  }),
  [PATTERNS.coverage]: () => ({
    explain: 'is not an opening time: write 24x7, or days and hours like "Mon-Fri 08:00-20:00 Europe/Budapest"',
  }),
  [PATTERNS.ruleId]: () => ({ explain: 'is not a rule id: write it like okr/weights-sum' }),
};

/** Explains why `value` does not match `pattern`; a generic text for plugin patterns. */
export function patternHint(pattern: string, value: string): ValueHint {
  const hint = PATTERN_HINTS[pattern];
  return hint ? hint(value) : { explain: `is not written in the expected form (${pattern})` };
}

/** Whether `pattern` has a message of its own (the schema tests use it). */
export function hasPatternHint(pattern: string): boolean {
  return pattern in PATTERN_HINTS;
}

const DURATION_UNITS: [RegExp, string, boolean][] = [
  [/^(s|sec|secs|seconds?)$/, 'S', true],
  [/^(m|min|mins|minutes?)$/, 'M', true],
  [/^(h|hr|hrs|hours?)$/, 'H', true],
  [/^(d|days?)$/, 'D', false],
  [/^(w|wks?|weeks?)$/, 'W', false],
];

/** `2h` → `PT2H`, `3 days` → `P3D`: the ISO 8601 duration someone meant. */
export function suggestDuration(value: string): string | undefined {
  // `T2H` (the P forgotten) is read the same as `2h`.
  const match = /^\s*T?(\d+)\s*([a-z]+)\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = DURATION_UNITS.find(([re]) => re.test(match[2].toLowerCase()));
  if (!unit) return undefined;
  return `P${unit[2] ? 'T' : ''}${match[1]}${unit[1]}`;
}

let timeZones: string[] | undefined;
function knownTimeZones(): string[] {
  // Computed once: the list has a few hundred entries and only misspellings need it.
  return (timeZones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC']);
}

/** Why a date written as YYYY-MM-DD is not in the calendar: "November 2026 has 30 days". */
function calendarProblem(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (month < 1 || month > 12) return `there is no month ${month}; months run from 01 to 12`;
  const first = DateTime.utc(year, month, 1);
  if (day < 1) return 'days start at 01';
  return `${first.toFormat('MMMM yyyy', { locale: 'en' })} has ${first.daysInMonth} days`;
}

/** Explains a value that fails a format, with a suggestion where one can be guessed. */
export function formatHint(format: string, value: string): ValueHint {
  switch (format) {
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? { explain: `is not a date in the calendar: ${calendarProblem(value)}` }
        : { explain: 'is not a date; write it as YYYY-MM-DD' };
    case 'duration': {
      const suggestion = suggestDuration(value);
      return suggestion === undefined
        ? { explain: 'is not an ISO 8601 duration; write e.g. PT2H (PT20S = 20 seconds, PT2M = 2 minutes, P3D = 3 days)' }
        : { explain: `is not an ISO 8601 duration; write it as ${suggestion}`, suggestion };
    }
    case 'timezone':
      return {
        explain: 'is not an IANA time zone; write e.g. Europe/Budapest or UTC',
        suggestion: didYouMean(value, knownTimeZones()),
      };
    case 'email':
      return { explain: 'is not an email address' };
    default:
      return { explain: `is not a valid ${format}` };
  }
}

function swapsTo(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  let i = 0;
  while (i < word.length && word[i] === candidate[i]) i++;
  return (
    i + 1 < word.length && word[i] === candidate[i + 1] && word[i + 1] === candidate[i] && word.slice(i + 2) === candidate.slice(i + 2)
  );
}

/**
 * "Did you mean" for key names and enum values: the shared edit-distance match, plus the two
 * slips it is too strict for in short words — two letters swapped (`titel`, `emial`), a word
 * cut short (`warn` for `warning`) or extended (`weekly-ish`) — when only one candidate fits.
 */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const close = didYouMean(word, candidates);
  if (close !== undefined) return close;
  const lower = word.toLowerCase();
  const swapped = candidates.filter((c) => swapsTo(lower, c.toLowerCase()));
  if (swapped.length === 1) return swapped[0];
  const prefixed = lower.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const extended = candidates.filter((c) => c.length >= 3 && lower.startsWith(c.toLowerCase()));
  return extended.length === 1 ? extended[0] : undefined;
}
