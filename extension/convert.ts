import * as vscode from 'vscode';
import type { Diagnostic, Fix, Range, Severity } from '../core';
import { DIAGNOSTIC_SOURCE } from './ids';

/**
 * The one place core values become VS Code values. Core positions are 0-based with UTF-16
 * columns, exactly like VS Code's, so ranges convert one to one.
 */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[severity];
}

/** Maps a workspace-relative path (`/` separators) to a Uri under the workspace root. */
export type UriOf = (file: string) => vscode.Uri;

/** Where a rule's documentation lives, or undefined (e.g. a plugin's rule). */
export type DocsOf = (rule: string) => vscode.Uri | undefined;

/** A core diagnostic as VS Code shows it: same message, range and rule id as the CLI. */
export function toDiagnostic(diagnostic: Diagnostic, uriOf: UriOf, docsOf: DocsOf): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, toSeverity(diagnostic.severity));
  result.source = DIAGNOSTIC_SOURCE;
  const target = docsOf(diagnostic.rule);
  result.code = target ? { value: diagnostic.rule, target } : diagnostic.rule;
  if (diagnostic.related && diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.file), toRange(r.range)), r.message),
    );
  }
  return result;
}

/** A core fix (text edits as data) as a WorkspaceEdit; edits may touch several files. */
export function toWorkspaceEdit(fix: Fix, uriOf: UriOf): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uriOf(e.file), toRange(e.range), e.newText);
  return edit;
}

/** The rule id of a diagnostic okra published, whatever form `code` takes. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Same place, rule and message: how a diagnostic handed back by VS Code is matched to okra's. */
export function sameDiagnostic(a: vscode.Diagnostic, core: Diagnostic): boolean {
  const r = a.range;
  return (
    ruleOf(a) === core.rule &&
    a.message === core.message &&
    r.start.line === core.range.start.line &&
    r.start.character === core.range.start.character &&
    r.end.line === core.range.end.line &&
    r.end.character === core.range.end.character
  );
}
