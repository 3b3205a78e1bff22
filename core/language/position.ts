/**
 * Offsets ↔ editor positions, the one place the language service converts between them.
 * Positions are 0-based lines and UTF-16 columns like LSP and VS Code (a JavaScript string
 * index is already a UTF-16 offset). `\r\n`, `\n` and a lone `\r` each end a line, as in LSP.
 */
import type { Position, Range } from '../diagnostics';

/** Offsets at which each line starts. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset just past the last character of `line`, before its line break. */
  private lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line]);
  }

  /** The position of `offset` (clamped to the text); an offset inside a `\r\n` counts as the line's end. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo] };
  }

  /** The offset of `position`; a column past the end of its line is the line's end, a line past the end the text's end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }
}

// The editor asks about the same few texts over and over (the open file on every keystroke):
// keep the indexes of the last few.
const recent: LineIndex[] = [];
const RECENT = 8;

/** The line index of `text`, reused while the text stays the same. */
export function lineIndex(text: string): LineIndex {
  const hit = recent.findIndex((l) => l.text === text);
  if (hit >= 0) {
    const found = recent[hit];
    if (hit > 0) {
      recent.splice(hit, 1);
      recent.unshift(found);
    }
    return found;
  }
  const created = new LineIndex(text);
  recent.unshift(created);
  if (recent.length > RECENT) recent.pop();
  return created;
}

/** 0-based line and UTF-16 column of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  return lineIndex(text).positionAt(offset);
}

/** Offset in `text` of a 0-based line and UTF-16 column. */
export function offsetAt(text: string, position: Position): number {
  return lineIndex(text).offsetAt(position);
}

/** The range of `text` between two offsets. */
export function rangeAt(text: string, start: number, end: number): Range {
  return lineIndex(text).rangeAt(start, end);
}
