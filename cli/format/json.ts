import type { Diagnostic } from '../../core';
import { printedDiagnostic } from './one-based';

/** `{"files": N, "diagnostics": [...]}`, positions 1-based, paths relative to the workspace. */
export function formatJson(files: number, diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ files, diagnostics: diagnostics.map(printedDiagnostic) }, null, 2) + '\n';
}
