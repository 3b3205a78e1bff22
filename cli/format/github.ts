import type { Diagnostic } from '../../core';
import { oneBased } from './one-based';

const COMMAND: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one annotation per diagnostic. `pathFromRepo` maps a
 * workspace path to one relative to the checkout, where GitHub looks for the file.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], pathFromRepo: (file: string) => string): string {
  return diagnostics
    .map((d) => {
      const r = oneBased(d.range);
      const props = [
        `file=${escapeProperty(pathFromRepo(d.file))}`,
        `line=${r.line}`,
        `col=${r.column}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${escapeProperty(`okra ${d.rule}`)}`,
      ].join(',');
      return `::${COMMAND[d.severity]} ${props}::${escapeData(d.message)}\n`;
    })
    .join('');
}
