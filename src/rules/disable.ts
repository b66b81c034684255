/**
 * Silencing one diagnostic in the YAML itself, with a reason:
 *
 *     # agenda-disable-next-line AG028 -- the quotation keeps the speaker's wording
 *
 * The comment covers the next line that is not blank or a comment, and, when that
 * line starts a field, every diagnostic inside the field (a block of annotation
 * text cannot hold a comment). A comment without a reason silences nothing.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { RuleDiagnostic } from './engine.js';
import type { SourcePositions } from './types.js';

export interface DisableDirective {
  line: number;
  column: number;
  /** Rule ids or names; empty for every rule. */
  rules: string[];
  reason?: string;
  /** The line the directive covers. */
  target: number;
}

const DIRECTIVE = /#\s*agenda-disable-next-line\b([^\n]*)$/;

export function parseDirectives(source: string): DisableDirective[] {
  const lines = source.split('\n');
  // The next line with content after each line, computed backwards in one pass.
  const nextContent = new Array<number>(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) nextContent[i] = /^\s*(?:#.*)?$/.test(lines[i]!) ? nextContent[i + 1]! : i;
  const out: DisableDirective[] = [];
  lines.forEach((text, i) => {
    if (!text.includes('agenda-disable')) return;
    const m = DIRECTIVE.exec(text);
    if (!m) return;
    const [spec = '', ...rest] = m[1]!.split('--');
    const reason = rest.join('--').trim();
    out.push({ line: i + 1, column: m.index + 1, rules: spec.split(/[\s,]+/).filter(Boolean), reason: reason || undefined, target: nextContent[i + 1]! + 1 });
  });
  return out;
}

/** Drops silenced diagnostics; reports directives without a reason and directives that silence nothing. */
export function applyDirectives(file: string, source: string, diagnostics: RuleDiagnostic[], locator: Pick<SourcePositions, 'keyStart'>): Diagnostic[] {
  const directives = parseDirectives(source);
  if (!directives.length) return diagnostics;
  const used = new Set<DisableDirective>();
  const kept: Diagnostic[] = diagnostics.filter((d) => {
    const hit = directives.find((x) => x.reason && (x.rules.length === 0 || x.rules.includes(d.code) || (d.rule !== undefined && x.rules.includes(d.rule))) && (d.line === x.target || (d.path.length > 0 && locator.keyStart(d.path).line === x.target)));
    if (hit) used.add(hit);
    return !hit;
  });
  for (const x of directives) {
    if (!x.reason) {
      kept.push({ file, line: x.line, column: x.column, severity: 'warning', code: 'disable-without-reason', message: 'this agenda-disable-next-line comment gives no reason, so it silences nothing', hint: "add the reason after ' -- ': # agenda-disable-next-line AG028 -- quoted from the decision" });
    } else if (!used.has(x)) {
      kept.push({ file, line: x.line, column: x.column, severity: 'warning', code: 'unused-disable', message: `this agenda-disable-next-line comment silences nothing on line ${x.target}`, hint: 'remove it, or check the rule id and the line' });
    }
  }
  return kept;
}
