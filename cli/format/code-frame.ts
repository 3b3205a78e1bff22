import type { Range } from '../../core';
import type { Paint } from '../terminal';

/**
 * A few lines of source around a range with a caret line under it, as compilers print them.
 * Tabs are shown as single spaces so that the caret lines up.
 */
export function codeFrame(text: string, range: Range, paint: Paint, context = 1): string {
  const lines = text.split(/\r?\n/);
  const { start, end } = range;
  if (start.line >= lines.length) return '';
  const first = Math.max(0, start.line - context);
  const last = Math.min(lines.length - 1, start.line + context);
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const source = lines[i].replace(/\t/g, ' ');
    const marker = i === start.line ? paint('red', '>') : ' ';
    out.push(`${marker} ${paint('gray', String(i + 1).padStart(width))} | ${source}`);
    if (i === start.line) {
      const from = Math.min(start.character, source.length);
      const to = end.line === start.line ? Math.max(end.character, from + 1) : Math.max(source.length, from + 1);
      out.push(
        `  ${' '.repeat(width)} | ${' '.repeat(from)}${paint('red', '^'.repeat(Math.min(to - from, Math.max(1, source.length - from + 1))))}`,
      );
    }
  }
  return out.join('\n');
}
