import assert from 'node:assert/strict';
import type { Diagnostic, Position, Range } from '../../core';

/**
 * Lines as the parser counts them: yaml's LineCounter starts a line after every `\n`, so a
 * `\r` of a CRLF line end is the last character of its line.
 */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

function assertPosition(lines: readonly string[], position: Position, where: string): void {
  assert.ok(
    Number.isInteger(position.line) && Number.isInteger(position.character),
    `${where}: not whole numbers ${JSON.stringify(position)}`,
  );
  assert.ok(
    position.line >= 0 && position.line < lines.length,
    `${where}: line ${position.line + 1} is outside the file (${lines.length} lines)`,
  );
  const length = lines[position.line].length;
  assert.ok(
    position.character >= 0 && position.character <= length,
    `${where}: column ${position.character + 1} is outside line ${position.line + 1} (${length} characters)`,
  );
}

/** Asserts that a range lies inside `text` and does not end before it starts. */
export function assertRangeInText(text: string, range: Range, where: string): void {
  const lines = linesOf(text);
  assertPosition(lines, range.start, `${where} start`);
  assertPosition(lines, range.end, `${where} end`);
  const { start, end } = range;
  assert.ok(
    end.line > start.line || (end.line === start.line && end.character >= start.character),
    `${where}: range ends before it starts ${JSON.stringify(range)}`,
  );
}

/**
 * Asserts the shape every diagnostic must have: a rule id, a message, a severity, and ranges
 * (its own, related locations', fix edits') inside the files they name.
 */
export function assertWellFormed(diagnostics: readonly Diagnostic[], textOf: (file: string) => string | undefined): void {
  for (const d of diagnostics) {
    const where = `${d.file} ${d.rule}`;
    assert.match(d.rule, /^[a-z0-9-]+(\/[a-z0-9-]+)+$/, `${where}: rule id`);
    assert.ok(typeof d.message === 'string' && d.message.trim().length > 0, `${where}: empty message`);
    assert.ok(['error', 'warning', 'info'].includes(d.severity), `${where}: severity ${d.severity}`);
    const text = textOf(d.file);
    assert.ok(text !== undefined, `${where}: names a file that is not in the workspace`);
    assertRangeInText(text, d.range, where);
    for (const related of d.related ?? []) {
      const relatedText = textOf(related.file);
      assert.ok(relatedText !== undefined, `${where}: related location in unknown file ${related.file}`);
      assertRangeInText(relatedText, related.range, `${where} related`);
    }
    for (const edit of d.fix?.edits ?? []) {
      const editText = textOf(edit.file);
      assert.ok(editText !== undefined, `${where}: fix edits unknown file ${edit.file}`);
      assertRangeInText(editText, edit.range, `${where} fix`);
    }
  }
}

/** The golden shape of a diagnostic: rule and 1-based start. */
export interface ExpectedDiagnostic {
  rule: string;
  line: number;
  column: number;
}

export function toExpected(diagnostics: readonly Diagnostic[]): ExpectedDiagnostic[] {
  return diagnostics.map((d) => ({ rule: d.rule, line: d.range.start.line + 1, column: d.range.start.character + 1 }));
}
