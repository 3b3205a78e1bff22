/**
 * One diagnostic shape from the parser to the editor. Positions are 0-based inside okra (like
 * LSP); the CLI prints them 1-based.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column, in UTF-16 code units like VS Code. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A path into a file's data, as YAML keys and sequence indexes. */
export type DataPath = ReadonlyArray<string | number>;

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** A fix is data: the editor offers it as a quick fix, the CLI prints its title. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  /** Workspace-relative path with `/` separators. */
  file: string;
  range: Range;
  severity: Severity;
  /** Rule id, e.g. `ref/unknown-kpi`, `schema/required`, `yaml/syntax`. */
  rule: string;
  message: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by file, position, then severity, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
