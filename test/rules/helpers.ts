import { checkSource, type CheckOptions } from '../../src/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';

/** Checks YAML given inline, without looking for a configuration file. */
export const check = (yaml: string, options: CheckOptions = {}) => checkSource('meeting.yaml', yaml, options, { diagnostics: [] });

/** The diagnostics of one rule. */
export const found = (yaml: string, code: string, options: CheckOptions = {}) => check(yaml, options).diagnostics.filter((d) => d.code === code);

/** The source text at a diagnostic's line and column (what it points at). */
export const textAt = (yaml: string, d: Pick<Diagnostic, 'line' | 'column'>) => yaml.split('\n')[d.line - 1]!.slice(d.column - 1);

/** A definition of `n` items, each with an annotation that has three fixes to make (a time, "percent", "1(a)"). */
export const manyItems = (n: number) =>
  exampleDefinition({
    items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: Adoption of the agenda and organization of work
${Array.from({ length: n }, (_, i) => `  - id: x${i}\n    title: Topic ${i}\n    annotation: It resumes at 10:00 with 70 percent of the reviews, see paragraph 1(a).`).join('\n')}
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
  });
