import type { Diagnostic, Range } from '../../core';

/** A range as people and tools outside okra count: lines and columns from 1. */
export interface PrintedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(range: Range): PrintedRange {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The `--format json` shape of one diagnostic. */
export function printedDiagnostic(d: Diagnostic) {
  return {
    file: d.file,
    ...oneBased(d.range),
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.related ? { related: d.related.map((r) => ({ file: r.file, ...oneBased(r.range), message: r.message })) } : {}),
    ...(d.fix
      ? { fix: { title: d.fix.title, edits: d.fix.edits.map((e) => ({ file: e.file, ...oneBased(e.range), newText: e.newText })) } }
      : {}),
  };
}
