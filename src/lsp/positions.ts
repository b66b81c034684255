/**
 * Places in the checked text as the protocol counts them: lines and UTF-16 characters from 0.
 * The core counts lines and columns from 1 in the text as the compiler read it (line feeds
 * for every CRLF); the lines are the editor's lines, so its places carry over unchanged.
 */
import type { Position, Range } from 'vscode-languageserver/node.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** The line starts of a text, for offset → position. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - this.starts[lo]! };
  }

  offset(line: number, character: number): number {
    const start = this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)]!;
    const end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    return Math.min(start + Math.max(character, 0), end);
  }
}

/**
 * A diagnostic's range: from its line and column to its end where the core knows it (a text
 * rule's span, a fix's range); otherwise the word it points at (a key, a value's first word, a
 * quoted string), so that the editor underlines something.
 */
export function diagnosticRange(d: Diagnostic, source: string, lines: LineIndex): Range {
  const start = lines.offset(d.line - 1, d.column - 1);
  let end = start;
  if (d.endLine !== undefined && d.endColumn !== undefined) end = lines.offset(d.endLine - 1, d.endColumn - 1);
  else if (d.fix && d.fix.start === start) end = d.fix.end;
  else {
    const quote = source[start];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, start + 1);
      const eol = source.indexOf('\n', start);
      end = close >= 0 && (eol < 0 || close < eol) ? close + 1 : start;
    }
    if (end === start) while (end < source.length && !/[\s:,#[\]{}]/.test(source[end]!)) end++;
  }
  return { start: lines.position(start), end: lines.position(Math.max(start, end)) };
}
