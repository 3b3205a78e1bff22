/**
 * `# okra-disable-next-line rule-a, rule-b` silences those rules (or, with no rule named, all
 * rules) on the next line. The map is keyed by the 0-based line that is silenced.
 */
export type Suppressions = ReadonlyMap<number, ReadonlySet<string> | 'all'>;

const DIRECTIVE = /#\s*okra-disable-next-line\b([^\n]*)/;

export function findSuppressions(text: string): Suppressions {
  const result = new Map<number, ReadonlySet<string> | 'all'>();
  if (!text.includes('okra-disable-next-line')) return result;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const rules = match[1]
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r.length > 0 && r !== '--');
    const cut = rules.indexOf('--');
    result.set(index + 1, rules.length === 0 ? 'all' : new Set(cut >= 0 ? rules.slice(0, cut) : rules));
  });
  return result;
}

export function isSuppressed(suppressions: Suppressions, line: number, rule: string): boolean {
  const entry = suppressions.get(line);
  if (entry === undefined) return false;
  return entry === 'all' || entry.has(rule);
}
