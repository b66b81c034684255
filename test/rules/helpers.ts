import { checkSource, type CheckOptions } from '../../src/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

/** Checks YAML given inline, without looking for a configuration file. */
export const check = (yaml: string, options: CheckOptions = {}) => checkSource('meeting.yaml', yaml, options, { diagnostics: [] });

/** The diagnostics of one rule. */
export const found = (yaml: string, code: string, options: CheckOptions = {}) => check(yaml, options).diagnostics.filter((d) => d.code === code);

/** The source text at a diagnostic's line and column (what it points at). */
export const textAt = (yaml: string, d: Pick<Diagnostic, 'line' | 'column'>) => yaml.split('\n')[d.line - 1]!.slice(d.column - 1);
