/**
 * The contract of a rule module. A rule reads the normalized model (its `sources`:
 * items numbered as printed, dates, slots, author texts) and reports problems through
 * its context by message id; it never prints and never throws on purpose (the engine
 * turns a throw into an internal-rule diagnostic).
 */
import type { Position } from '../diagnostics/types.js';
import { ITEM_ROLES, type AgendaDocument, type Path } from '../model.js';
import type { LanguageCode } from '../locale/types.js';

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
  /** The texts a text may be, when it names one of a fixed set (an item's role). */
  enum?: readonly string[];
}

/** A number of days before a session: whole, and no more than ten years. */
export const DAYS: ParameterSchema = { type: 'integer', minimum: 0, maximum: 3650 };
/** A text. */
export const TEXT: ParameterSchema = { type: 'string' };
/** A list of texts: wordings, or 'a => b' pairs. */
export const TEXTS: ParameterSchema = { type: 'array', items: TEXT };
/** A list of lists of texts: wordings for each of several places. */
export const TEXT_LISTS: ParameterSchema = { type: 'array', items: TEXTS };
/** An item's role (model.ts, ITEM_ROLES). */
export const ROLE: ParameterSchema = { type: 'string', enum: ITEM_ROLES };
/** A list of roles. */
export const ROLES: ParameterSchema = { type: 'array', items: ROLE };
/** A list of lists of roles: the roles each of several places may have. */
export const ROLE_LISTS: ParameterSchema = { type: 'array', items: ROLES };

/** A certain correction: replace `length` characters at `offset` of the string at `path`. */
export interface TextFix {
  offset: number;
  length: number;
  replacement: string;
}

/** The values of a message's {placeholders}. */
export type MessageData = Record<string, string | number>;

export interface RuleReport<M extends string = string, H extends string = string> {
  /** Where in the definition: the path of the field, plus an offset inside its string for text rules. */
  path: Path;
  offset?: number;
  /** How many characters the problem spans (text rules). */
  length?: number;
  /** Which of the rule's `messages`; the engine fills its {placeholders} from `data`. */
  messageId: M;
  /** The values of the {placeholders} of both the message and the hint. */
  data?: MessageData;
  /** Which of the rule's `hints` says what to do; the engine fills it from `data` as it fills the message. */
  hintId?: H;
  fix?: TextFix;
  /**
   * A severity for this report other than the rule's, where one finding of a rule weighs more
   * than its others (a missing closing item is an error, a misplaced one a warning). It
   * applies unless a profile or the configuration sets the rule's severity, which then is
   * every report's.
   */
  severity?: Severity;
  /**
   * What fact the report is about, when several rules can report the same fact (the lead
   * time of the agenda): of the reports of one fact the engine keeps only the most severe.
   */
  fact?: string;
}

/**
 * Where things stand in the source, as the engine needs it to place a report: the YAML
 * locator of src/load provides it, and a test can pass any other.
 */
export interface SourcePositions {
  /** Where the value at the path starts. */
  valueStart(path: Path): Position;
  /** Where character `offset` of the string value at the path stands. */
  textPosition(path: Path, offset: number): Position;
  /** Where the key of the path's last segment stands. */
  keyStart(path: Path): Position;
}

export interface RuleContext<P extends Parameters = Parameters, M extends string = string, H extends string = string> {
  file: string;
  model: AgendaDocument;
  params: P;
  profile: string;
  report(problem: RuleReport<M, H>): void;
}

export interface Rule<P extends Parameters = Parameters, M extends string = string, H extends string = string> {
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
  /** The JSON Schema of every parameter, as ESLint's `meta.schema`: what a configuration may set it to. */
  parameterSchemas?: { [K in keyof P]: ParameterSchema };
  /**
   * The messages the rule reports, by id, as ESLint's `meta.messages`: "{name}" stands for
   * the report's `data.name`. One place for every wording, so it can be tested and translated.
   */
  messages: Record<M, string>;
  /**
   * What to do about each problem (the line printed under a diagnostic), by id, with the
   * same {placeholders} as the messages, filled from the same `data`. Declared beside the
   * messages for the same reasons: rule code never writes wording.
   */
  hints: Record<H, string>;
  /** Whether `agenda check --fix` can correct some of its findings. */
  fixable?: boolean;
  /**
   * The languages whose text the rule reads, when it reads wording of one language (English
   * dates, "per cent", "a.m."): the engine runs it only on definitions in these languages.
   * A rule without it holds in every language (symbols, dates as values, roles).
   */
  languages?: readonly LanguageCode[];
  /** Minimal YAML definitions (complete, so that tests can compile them). */
  examples: { failing: string; passing: string };
  check(context: RuleContext<P, M, H>): void;
}

/** Declares a rule with its parameter types inferred from the defaults, its message ids from `messages` and its hint ids from `hints`. */
export const defineRule = <P extends Parameters, M extends string, H extends string>(rule: Rule<P, M, H>): Rule<P, M, H> => rule;

/** A message or hint with its {placeholders} filled; a placeholder without a value stays as written. */
export const formatMessage = (message: string, data: MessageData | undefined): string =>
  data ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole)) : message;
