import { countBySeverity, type Diagnostic } from '../../core';
import type { Paint } from '../terminal';
import { codeFrame } from './code-frame';
import { oneBased } from './one-based';

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface TextFormatOptions {
  paint: Paint;
  /** Source text per workspace path, for code frames; frames are left out when missing. */
  sourceOf: (file: string) => string | undefined;
}

/** Compiler-style output: `file:line:col severity rule message`, a code frame, the fix. */
export function formatText(files: number, diagnostics: readonly Diagnostic[], options: TextFormatOptions): string {
  const { paint, sourceOf } = options;
  const blocks = diagnostics.map((d) => {
    const r = oneBased(d.range);
    const head = `${paint('bold', `${d.file}:${r.line}:${r.column}`)} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${paint('gray', d.rule)} ${d.message}`;
    const parts = [head];
    const source = sourceOf(d.file);
    if (source !== undefined && source.length > 0) {
      const frame = codeFrame(source, d.range, paint);
      if (frame) parts.push(frame);
    }
    for (const related of d.related ?? []) {
      const rr = oneBased(related.range);
      parts.push(`  ${paint('gray', `${related.message}: ${related.file}:${rr.line}:${rr.column}`)}`);
    }
    if (d.fix) parts.push(`  ${paint('green', `fix: ${d.fix.title}`)}`);
    return parts.join('\n');
  });
  const counts = countBySeverity(diagnostics);
  const total = diagnostics.length;
  const summary =
    total === 0
      ? paint('green', `✔ ${plural(files, 'file')} checked, no problems`)
      : paint(
          counts.error > 0 ? 'red' : 'yellow',
          `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info); ${plural(files, 'file')} checked`,
        );
  return (blocks.length > 0 ? blocks.join('\n\n') + '\n\n' : '') + summary + '\n';
}
