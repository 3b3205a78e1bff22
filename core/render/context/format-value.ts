import { formatDate } from '../helpers/format-date';
/**
 * Numbers with their units, as a support team writes them: `4.55 EUR`, `71%`, `8 min 30 s`,
 * `38 h`. Used by the view models, so that templates only place text.
 */

const MINUS = '\u2212';
const CURRENCY = /^[A-Z]{3}$/;
const PERCENT_UNITS = new Set(['percent', '%', 'pct']);
const BARE_UNITS = new Set(['count', 'score', 'number', 'points', '']);

const SCALE = [1, 10, 100, 1000];

/** At most `digits` (0–3) decimals, trailing zeros dropped. */
function trimmed(value: number, digits: number): string {
  const scale = SCALE[digits] ?? 1000;
  const rounded = Math.round(value * scale) / scale;
  return (rounded === 0 ? 0 : rounded).toString();
}

function signed(text: string, negative: boolean): string {
  return negative ? MINUS + text : text;
}

/** `510` → `8 min 30 s`; `9000` → `2 h 30 min`; `14400` → `4 h`; `2.5` → `2.5 s`. */
export function formatSeconds(seconds: number): string {
  const abs = Math.abs(seconds);
  let text: string;
  if (abs < 120) text = `${trimmed(abs, 1)} s`;
  else if (abs < 7200) {
    const total = Math.round(abs);
    const m = Math.floor(total / 60);
    const s = total % 60;
    text = s === 0 ? `${m} min` : `${m} min ${s} s`;
  } else {
    const total = Math.round(abs / 60);
    const h = Math.floor(total / 60);
    const m = total % 60;
    text = m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return signed(text, seconds < 0);
}

function magnitude(value: number, unit: string): string {
  const abs = Math.abs(value);
  if (PERCENT_UNITS.has(unit)) return `${trimmed(abs, 1)}%`;
  if (unit === 'ratio') return `${trimmed(abs * 100, 1)}%`;
  if (unit === 'seconds' || unit === 's') return formatSeconds(abs);
  if (unit === 'hours' || unit === 'h') return `${trimmed(abs, 1)} h`;
  if (unit === 'minutes' || unit === 'min') return `${trimmed(abs, 1)} min`;
  if (unit === 'days') return `${trimmed(abs, 1)} d`;
  if (CURRENCY.test(unit)) return `${abs.toFixed(2)} ${unit}`;
  if (BARE_UNITS.has(unit)) return trimmed(abs, 2);
  return `${trimmed(abs, 2)} ${unit}`;
}

/** A value with its unit; `null` when the value is not a finite number. */
export function formatValue(value: unknown, unit: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return signed(magnitude(value, typeof unit === 'string' ? unit.trim() : ''), value < 0 && Math.abs(value) >= 0.005);
}

/** A signed change of a value: `−0.11 EUR`, `+1.5 pp` (percent units change in points), `±0`. */
export function formatChange(change: unknown, unit: unknown): string | null {
  if (typeof change !== 'number' || !Number.isFinite(change)) return null;
  const u = typeof unit === 'string' ? unit.trim() : '';
  if (Math.abs(change) < 1e-9) return '±0';
  const sign = change > 0 ? '+' : MINUS;
  if (PERCENT_UNITS.has(u)) return `${sign}${trimmed(Math.abs(change), 1)} pp`;
  if (u === 'ratio') return `${sign}${trimmed(Math.abs(change) * 100, 1)} pp`;
  return sign + magnitude(change, u);
}

/** `higher_is_better` → `higher is better`. */
export function directionLabel(direction: unknown): string {
  return direction === 'lower_is_better'
    ? 'lower is better'
    : direction === 'higher_is_better'
      ? 'higher is better'
      : direction === 'within_band'
        ? 'within a band'
        : '';
}

/** `2026-06-05` → `5 Jun 2026`, for titles (templates use the `formatDate` helper). */
export function formatDay(day: string): string {
  return formatDate(day) || day;
}
