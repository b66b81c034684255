import type { Diagnostic } from '../types.js';

/** One checked file and what was found in it. */
export interface FileReport {
  file: string;
  /** The profile its rules ran under. */
  profile?: string;
  diagnostics: Diagnostic[];
}

/** What formatters need to know about a rule (SARIF's rule table, JUnit names). */
export interface RuleInfo {
  id: string;
  name: string;
  description: string;
  source: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
}

export interface FormatContext {
  /** Whether the output goes to a terminal that wants colour (stylish only). */
  color: boolean;
  rules: readonly RuleInfo[];
  version: string;
  /** Paths in SARIF and GitHub annotations are made relative to this folder. */
  cwd: string;
  /** The configuration files that applied (JSON's `configFiles`; empty: none did). */
  configFiles?: readonly string[];
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export const count = (reports: readonly FileReport[], severity: Diagnostic['severity']) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);

/** Where each rule is documented; anchors follow GitHub's heading slugs. */
export const RULES_DOC_URL = 'https://agenda.tools/docs/rules.md';
export const ruleAnchor = (id: string, name: string) => `${id}-${name}`.toLowerCase();
