import { checkSource, type CheckOptions } from '../../src/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { mergeRanges } from '../../src/rules/apply-fixes.js';
import { exampleDefinition, standardItems } from '../../src/rules/example-definition.js';

/** Checks YAML given inline, without looking for a configuration file. */
export const check = (yaml: string, options: CheckOptions = {}) => checkSource('meeting.yaml', yaml, options, { diagnostics: [] });

/** The diagnostics of one rule. */
export const found = (yaml: string, code: string, options: CheckOptions = {}) => check(yaml, options).diagnostics.filter((d) => d.code === code);

/** The source text at a diagnostic's line and column (what it points at). */
export const textAt = (yaml: string, d: Pick<Diagnostic, 'line' | 'column'>) => yaml.split('\n')[d.line - 1]!.slice(d.column - 1);

/** A definition of `n` items, each with an annotation that has three fixes to make (a time, "percent", "1(a)"). */
export const manyItems = (n: number) =>
  exampleDefinition({
    items: standardItems({
      added: Array.from({ length: n }, (_, i) => `  - id: x${i}\n    title: Topic ${i}\n    annotation: It resumes at 10:00 with 70 percent of the reviews, see paragraph 1(a).`).join('\n'),
    }),
  });

/**
 * The ranges of `source` that --fix may change, taken from a check of the source alone
 * (not from the fixer): each diagnostic's reported range, as offsets, and the one full
 * stop right after it (a time that ends a sentence takes the sentence's own, so that
 * "at 10:00." becomes "at 10 a.m.", never "10 a.m.."). Sorted, merged.
 */
export function rangesOfDiagnostics(source: string, diagnostics: readonly Diagnostic[]): { start: number; end: number }[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
  const ranges = diagnostics.map((d) => {
    const start = offset(d.line, d.column);
    const end = d.endLine !== undefined && d.endColumn !== undefined ? offset(d.endLine, d.endColumn) : start;
    return { start, end: source[end] === '.' ? end + 1 : end };
  });
  return mergeRanges(ranges);
}

/** The changes (sorted, disjoint, and known to turn the source into its fixed text) that lie outside every range. */
export const changesOutside = (changes: readonly { start: number; end: number }[], ranges: readonly { start: number; end: number }[]) =>
  changes.filter((c) => !ranges.some((r) => r.start <= c.start && c.end <= r.end));
