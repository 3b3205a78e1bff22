/**
 * The one table `npm run bench` prints. Every bench module returns rows of this shape;
 * `bench/run.ts` prints them together.
 */
export interface BenchRow {
  /** What was measured, e.g. `okra validate, cold (2,000 files)`. */
  benchmark: string;
  /** okra's figure, with its unit: `2.41 s`, `3.2 ms`, `312 MB`. */
  figure: string;
  /** The peer tool's figure on the same input, with the tool's name, if there is a peer. */
  peer?: string;
  /** okra ÷ peer, e.g. `0.84×`. */
  ratio?: string;
  /** The target in words, e.g. `≤ 1.0× ajv-cli`. */
  target?: string;
  /** Whether the target is met; `undefined` when there is no target or it could not be measured. */
  met?: boolean;
}

const COLUMNS = ['benchmark', 'figure', 'peer figure', 'ratio', 'target', 'met'] as const;

function cells(row: BenchRow): string[] {
  const met = row.met === undefined ? (row.target ? 'n/a' : '') : row.met ? 'yes' : 'NO';
  return [row.benchmark, row.figure, row.peer ?? '', row.ratio ?? '', row.target ?? '', met];
}

/** A Markdown table (it reads fine in a terminal too): the same text goes into bench/README.md. */
export function formatTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...body.map((r) => r[i].length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** `1.234 s` for seconds, `12.3 ms` for milliseconds. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function millis(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}
