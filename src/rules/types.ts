/**
 * The contract of a rule module. A rule reads the normalized model and the
 * definition, and reports problems through its context; it never prints and never
 * throws on purpose (the engine turns a throw into an internal-rule diagnostic).
 */
import type { MeetingDefinition } from '../definition.js';
import type { Path, SourceLocator } from '../load/locator.js';
import type { AgendaDocument } from '../model.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Procedural rules depend on the body's rules of procedure; editorial rules hold for every UN document. */
export type RuleCategory = 'procedure' | 'editorial';

/** A parameter value: what a profile or `agenda.config.yaml` may set. */
export type ParameterValue = number | string | boolean | string[] | string[][];
export type Parameters = Record<string, ParameterValue>;

/**
 * The JSON Schema of a parameter's value, as an ESLint rule declares `meta.schema`: what
 * agenda.config.yaml may set it to. Parameters that declare none get one from the type of
 * their default (a text, a list of texts, ...); a number must declare its range.
 */
export interface ParameterSchema {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  minimum?: number;
  maximum?: number;
  items?: ParameterSchema;
}

/** A number of days before a session: whole, and no more than ten years. */
export const DAYS: ParameterSchema = { type: 'integer', minimum: 0, maximum: 3650 };

/** A certain correction: replace `length` characters at `offset` of the string at `path`. */
export interface TextFix {
  offset: number;
  length: number;
  replacement: string;
}

export interface RuleReport {
  /** Where in the definition: the path of the field, plus an offset inside its string for text rules. */
  path: Path;
  offset?: number;
  /** How many characters the problem spans (text rules). */
  length?: number;
  message: string;
  hint?: string;
  fix?: TextFix;
}

export interface RuleContext<P extends Parameters = Parameters> {
  file: string;
  definition: MeetingDefinition;
  model: AgendaDocument;
  locator: SourceLocator;
  params: P;
  profile: string;
  report(problem: RuleReport): void;
}

export interface Rule<P extends Parameters = Parameters> {
  /** "AG012" */
  id: string;
  /** "annex-covers-items" */
  name: string;
  description: string;
  /** The rule of procedure or Editorial Manual section it enforces. */
  source: string;
  category: RuleCategory;
  severity: Severity;
  parameters: P;
  /** One line per parameter, for docs/rules.md. */
  parameterDocs?: { [K in keyof P]: string };
  /** The schema of parameters whose default's type says too little (every number: its range). */
  parameterSchemas?: { [K in keyof P]?: ParameterSchema };
  /** Whether `agenda check --fix` can correct some of its findings. */
  fixable?: boolean;
  /** Minimal YAML definitions (complete, so that tests can compile them). */
  examples: { failing: string; passing: string };
  check(context: RuleContext<P>): void;
}

/** Declares a rule with its parameter types inferred from the defaults. */
export const defineRule = <P extends Parameters>(rule: Rule<P>): Rule<P> => rule;
