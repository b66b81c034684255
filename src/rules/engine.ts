/**
 * Runs the rules over a compiled definition: resolves each rule's severity and
 * parameters (rule defaults < profile < project configuration), turns reports into
 * diagnostics with YAML positions, and contains a failing rule.
 */
import type { Diagnostic, SourceFix } from '../diagnostics/types.js';
import type { AgendaDocument, Path } from '../model.js';
import { RULES } from './index.js';
import { DEFAULT_PROFILE, findProfile, type RuleOverride } from './profiles.js';
import { formatMessage, type Parameters, type Rule, type RuleReport, type SeveritySetting, type SourcePositions, type TextFix } from './types.js';

export interface ActiveRule {
  rule: Rule<Parameters>;
  severity: SeveritySetting;
  params: Parameters;
  /** Whether a profile or the configuration set the severity: every report then has it, whatever the rule says of one. */
  severitySet?: boolean;
}

/** Overrides by rule id or name, as a project configuration gives them. */
export type RuleOverrides = Record<string, RuleOverride>;

const override = (overrides: RuleOverrides | undefined, rule: Rule<Parameters>) => overrides?.[rule.id] ?? overrides?.[rule.name];

/** Every rule with the severity and parameters it has under the profile and configuration. */
export function activeRules(profileName: string = DEFAULT_PROFILE, config?: RuleOverrides): ActiveRule[] {
  const profile = findProfile(profileName) ?? findProfile(DEFAULT_PROFILE)!;
  return RULES.map((rule) => {
    const fromProfile = profile.rules[rule.id] ?? profile.rules[rule.name];
    const fromConfig = override(config, rule);
    const base: SeveritySetting = rule.category === 'procedure' && !profile.procedure ? 'off' : rule.severity;
    return {
      rule,
      severity: fromConfig?.severity ?? fromProfile?.severity ?? base,
      severitySet: (fromConfig?.severity ?? fromProfile?.severity) !== undefined,
      params: { ...rule.parameters, ...fromProfile?.params, ...fromConfig?.params },
    };
  });
}

export interface RuleInput {
  file: string;
  source: string;
  model: AgendaDocument;
  locator: SourcePositions;
  profile: string;
}

/** A rule diagnostic with the path it was reported at (for disable comments and --fix). */
export interface RuleDiagnostic extends Diagnostic {
  path: Path;
  /** The fix in the string's own offsets, beside its place in the source (`fix`). */
  valueFix?: TextFix;
}

/**
 * Reports of one rule in one field beyond this many are counted, not listed: a
 * position inside a text costs a walk over the text, so unbounded reports on a
 * pathological text would make the check quadratic, and nobody reads them anyway.
 */
export const MAX_REPORTS_PER_FIELD = 20;

/**
 * The message id each rule diagnostic was made from. Kept beside the diagnostic, not in
 * it, so that the diagnostics a check prints stay as they were; tests read it.
 */
export const messageIds = new WeakMap<Diagnostic, string>();
/** The hint id of each rule diagnostic that has a hint, kept aside as `messageIds` is. */
export const hintIds = new WeakMap<Diagnostic, string>();
/** The fact a rule diagnostic reports, when several rules may report it (RuleReport.fact). */
const facts = new WeakMap<Diagnostic, string>();

export function runRules(input: RuleInput, rules: readonly ActiveRule[]): RuleDiagnostic[] {
  const out: RuleDiagnostic[] = [];
  const lineStarts = lineStartOffsets(input.source);
  let raw: Map<string, string> | undefined; // the author texts by path, for fixes: made when one is first offered
  const rawAt = (path: Path) => (raw ??= new Map(input.model.sources.texts.map((t) => [JSON.stringify(t.origin.path), t.raw]))).get(JSON.stringify(path));
  for (const { rule, severity, params, severitySet } of rules) {
    if (severity === 'off') continue;
    // A rule that reads one language's wording says so; the model's `lang` is the definition's language.
    if (rule.languages && !rule.languages.some((l) => l === input.model.lang)) continue;
    const perField = new Map<string, { count: number; path: Path }>();
    const report = (r: RuleReport) => {
      const key = JSON.stringify(r.path);
      const seen = perField.get(key) ?? { count: 0, path: r.path };
      perField.set(key, seen);
      if (++seen.count > MAX_REPORTS_PER_FIELD) return;
      // A report's own severity counts unless a profile or the configuration set the rule's: then that one is every report's.
      const d = toDiagnostic(input, rule, r.severity !== undefined && !severitySet ? r.severity : severity, r, lineStarts, rawAt);
      out.push(d);
      if (r.fact !== undefined) facts.set(d, r.fact);
    };
    try {
      rule.check({ file: input.file, model: input.model, params, profile: input.profile, report });
    } catch (err) {
      out.push({
        file: input.file,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'internal-rule',
        message: `rule ${rule.id} (${rule.name}) failed: ${(err as Error)?.message ?? String(err)}`,
        hint: 'this is a bug in agenda: report it with the input file; switch the rule off in agenda.config.yaml meanwhile',
        path: [],
      });
    }
    for (const { count, path } of perField.values()) {
      if (count <= MAX_REPORTS_PER_FIELD) continue;
      const at = input.locator.valueStart(path);
      out.push({ file: input.file, ...at, severity, code: rule.id, rule: rule.name, message: `${count - MAX_REPORTS_PER_FIELD} more problems of this kind in this field are not listed`, hint: 'correct the ones listed and check again', path });
    }
  }
  return out;
}

const WEIGHT = { error: 3, warning: 2, info: 1 } as const;

/**
 * One fact, one diagnostic: of the reports several rules make of the same fact (an agenda
 * dated too late for the rules of procedure, for the six-week rule and for the ten-week
 * submission) only the most severe stays, the first of equals. Applied after the disable
 * comments, so that silencing one report of a fact lets the next one speak.
 */
export function oneDiagnosticPerFact<D extends Diagnostic>(diagnostics: D[]): D[] {
  const kept = new Map<string, D>();
  for (const d of diagnostics) {
    const fact = facts.get(d);
    if (fact === undefined) continue;
    const best = kept.get(fact);
    if (!best || WEIGHT[d.severity] > WEIGHT[best.severity]) kept.set(fact, d);
  }
  return kept.size ? diagnostics.filter((d) => !facts.has(d) || kept.get(facts.get(d)!) === d) : diagnostics;
}

function toDiagnostic(input: RuleInput, rule: Rule<Parameters>, severity: Exclude<SeveritySetting, 'off'>, r: RuleReport, lineStarts: number[], rawAt: (path: Path) => string | undefined): RuleDiagnostic {
  const { locator } = input;
  const template = (rule.messages as Record<string, string>)[r.messageId];
  if (template === undefined) throw new Error(`no message '${r.messageId}'`);
  const hints = rule.hints as Record<string, string>;
  if (r.hintId !== undefined && !Object.hasOwn(hints, r.hintId)) throw new Error(`no hint '${r.hintId}'`);
  const start = r.offset === undefined ? locator.valueStart(r.path) : locator.textPosition(r.path, r.offset);
  const end = r.offset !== undefined && r.length ? locator.textPosition(r.path, r.offset + r.length) : undefined;
  const d: RuleDiagnostic = { file: input.file, ...start, severity, code: rule.id, rule: rule.name, message: formatMessage(template, r.data), hint: r.hintId === undefined ? undefined : formatMessage(hints[r.hintId]!, r.data), path: r.path };
  messageIds.set(d, r.messageId);
  if (r.hintId !== undefined) hintIds.set(d, r.hintId);
  if (end && (end.line > start.line || end.column > start.column)) {
    d.endLine = end.line;
    d.endColumn = end.column;
  }
  if (r.fix && r.offset !== undefined && fixWithinReport(r)) {
    d.fix = sourceFix(input, r, lineStarts, rawAt(r.path));
    if (d.fix) d.valueFix = r.fix;
  }
  return d;
}

/**
 * A fix may change only what its diagnostic names: the characters the report spans
 * (an insertion at either end included). A rule that offers more gets no fix.
 */
function fixWithinReport(r: RuleReport): boolean {
  const fix = r.fix!;
  const start = r.offset!;
  const end = start + (r.length ?? 0);
  return fix.length >= 0 && fix.offset >= start && fix.offset + fix.length <= end;
}

/**
 * Where a text fix lands in the source. The value (an author text of the model, as the
 * YAML gives it) may differ from the source (escapes, folded lines); a fix is kept only
 * when the source characters are the value's characters, so it can never corrupt the file.
 */
function sourceFix(input: RuleInput, r: RuleReport, lineStarts: number[], value: string | undefined): SourceFix | undefined {
  const fix = r.fix!;
  if (value === undefined) return undefined;
  const at = input.locator.textPosition(r.path, fix.offset);
  const start = (lineStarts[at.line - 1] ?? 0) + at.column - 1;
  const original = value.slice(fix.offset, fix.offset + fix.length);
  if (input.source.slice(start, start + fix.length) !== original) return undefined;
  return { start, end: start + fix.length, replacement: fix.replacement };
}

/** The value at a path of a parsed definition, or undefined (--fix reads the fixed text's values with it). */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

export function lineStartOffsets(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
