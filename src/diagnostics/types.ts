export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column, as editors and CI systems count them. */
export interface Position {
  line: number;
  column: number;
}

/** A certain correction in the source text: replace [start, end) with `replacement`. */
export interface SourceFix {
  start: number;
  end: number;
  replacement: string;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** A stable code: "yaml-syntax", "schema", "unknown-item", or a rule id ("AG012"). */
  code: string;
  /** The rule's name ("annex-covers-items") when the code is a rule id. */
  rule?: string;
  /** What is wrong, in words a secretariat officer understands. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** What `agenda check --fix` would change. */
  fix?: SourceFix;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/** Orders diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}
