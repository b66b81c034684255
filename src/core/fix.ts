/**
 * Fixing a definition: rewrite what is certain in the YAML text itself, keeping
 * comments, layout, line endings and the byte-order mark, in passes as ESLint's
 * fixer does, and write the file through the session's file system.
 */
import type { SourceFix } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import type { Path } from '../load/locator.js';
import { decodeSource } from '../load/source.js';
import { applyEdits, EditMap, lastAtOrBefore, mergeRanges, type Edit, type Side } from '../rules/apply-fixes.js';
import { lineStartOffsets, valueAt } from '../rules/engine.js';
import type { TextFix } from '../rules/types.js';
import { FileChangedError } from '../util/atomic-write.js';
import { appendAll } from '../util/append.js';
import { analyse, checkSource, withTranslationsBeside, type Analysis, type CheckOptions, type CheckResult, type ConfigInUse, type Located } from './check.js';
import type { FileVersion } from './fs.js';
import type { Session } from './session.js';

/** The most passes --fix makes: each pass fixes what the previous one made fixable (as ESLint). */
export const MAX_FIX_PASSES = 10;

/** One fix that was applied, in the text as it was read. */
export interface AppliedFix {
  code: string;
  /** Where the diagnostic stood in the text as read (1-based). */
  line: number;
  column: number;
  /** The range of the diagnostic in the text as read: the fix changed nothing outside it. */
  start: number;
  end: number;
  /** What was replaced (in the text of its pass) and by what. */
  from: string;
  to: string;
  pass: number;
}

/** A fix that was offered but not applied, and why. */
export interface SkippedFix {
  code: string;
  line: number;
  column: number;
  from: string;
  to: string;
  reason: string;
}

export interface FixPlan {
  /** The fixed text (line feeds, no byte-order mark: the text as the compiler reads it). */
  text: string;
  /** What changed between the text as read and `text`: sorted, disjoint ranges of the text as read. */
  changes: Edit[];
  applied: AppliedFix[];
  skipped: SkippedFix[];
  passes: number;
  /** How many times the definition was compiled and checked (the first check included). */
  checks: number;
  /** The check of `text`. */
  result: CheckResult;
}

type Fixable = Located & { fix: SourceFix; valueFix: TextFix; path: Path };

/**
 * --fix on a text, in memory: the fixes of every pass are applied together, the result
 * is checked again, and a fix is dropped when the result does not compile, when its field
 * does not read as the fix meant, or when it raises a diagnostic that was not there (in
 * its place or its field) before; the next pass fixes what the previous one made
 * fixable, up to MAX_FIX_PASSES. In the usual case a pass costs one check.
 */
export function fixSource(file: string, source: string, options: CheckOptions, config: ConfigInUse, session?: Session): FixPlan {
  let current = analyse(file, source, options, config, true, session);
  let checks = 1;
  const maps: EditMap[] = [];
  const applied: AppliedFix[] = [];
  const skipped: SkippedFix[] = [];
  const refused = new Set<string>();
  const sourceLines = lineStartOffsets(source);
  // Offsets of the text of pass k (or of the current pass), back to the text as read.
  const backTo = (k: number, q: number, side: Side) => {
    for (let j = k - 1; j >= 0; j--) q = maps[j]!.backward(q, side);
    return q;
  };
  const back = (q: number, side: Side) => backTo(maps.length, q, side);
  const position = (offset: number) => {
    const line = lastAtOrBefore(sourceLines, offset) + 1;
    return { line, column: offset - sourceLines[line - 1]! + 1 };
  };
  const identity = (f: Fixable, text: string) => `${f.d.code}\0${f.field}\0${text.slice(f.fix.start, f.fix.end)}\0${f.fix.replacement}`;

  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const text = current.source;
    const offered = current.located.filter((l): l is Fixable => l.fix !== undefined && l.valueFix !== undefined && l.path !== undefined && !refused.has(identity(l as Fixable, text)));
    const chosen = chooseFixes(offered);
    if (!chosen.length) break;
    const trial = settle(file, current, chosen, options, config, session);
    checks += trial.checks;
    for (const { fix: f, reason } of trial.dropped) {
      refused.add(identity(f, text));
      const at = position(back(f.start, 'start'));
      skipped.push({ code: f.d.code, ...at, from: text.slice(f.fix.start, f.fix.end), to: f.fix.replacement, reason });
    }
    // Fixes set aside for overlapping a dropped one get their turn: every drop refuses one
    // more fix for good, so this ends.
    if (!trial.kept.length) {
      if (trial.dropped.length) continue;
      break;
    }
    passes++;
    for (const f of trial.kept) {
      const start = back(f.start, 'start');
      applied.push({ code: f.d.code, ...position(start), start, end: back(f.end, 'end'), from: text.slice(f.fix.start, f.fix.end), to: f.fix.replacement, pass: passes });
    }
    maps.push(new EditMap(trial.kept.map((f) => f.fix)));
    current = trial.after;
  }

  // A fix that was refused is not offered as one in the report of the result.
  for (const l of current.located) if (l.fix && l.valueFix && l.path && refused.has(identity(l as Fixable, current.source))) delete l.d.fix;

  // What changed, in the text as read: every edit of every pass taken back, merged.
  const ranges = mergeRanges(maps.flatMap((m, k) => m.edits.map((e) => ({ start: backTo(k, e.start, 'start'), end: backTo(k, e.end, 'end') }))));
  const forward = (p: number, side: Side) => maps.reduce((q, m) => m.forward(q, side), p);
  const changes = ranges.map((r) => ({ ...r, replacement: current.source.slice(forward(r.start, 'start'), forward(r.end, 'end')) }));
  return { text: current.source, changes, applied, skipped, passes, checks, result: current.result };
}

/** Fixes that do not overlap, in text order; the others wait for the next pass. */
function chooseFixes(offered: Fixable[]): Fixable[] {
  const sorted = [...offered].sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const chosen: Fixable[] = [];
  for (const f of sorted) {
    const previous = chosen[chosen.length - 1];
    // Two edits at one place (an insertion and a replacement) would depend on their order.
    if (previous && (f.fix.start < previous.fix.end || f.fix.start === previous.fix.start)) continue;
    chosen.push(f);
  }
  return chosen;
}

interface Trial {
  after: Analysis;
  /** Fixes that broke something, each with the reason. */
  culprits: Map<Fixable, string>;
  /** Something broke that no single fix can be blamed for (a diagnostic elsewhere). */
  unexplained?: string;
}

const DIFFERENTLY = 'would change the text differently in the YAML';

/** Applies `fixes` to the text of `before` and judges the result against `before`. */
function tryFixes(file: string, before: Analysis, fixes: Fixable[], options: CheckOptions, config: ConfigInUse, session?: Session): Trial {
  const edits = fixes.map((f) => f.fix);
  const map = new EditMap(edits);
  const after = analyse(file, applyEdits(before.source, edits), options, config, true, session);
  const culprits = new Map<Fixable, string>();
  const blame = (i: number, reason: string) => {
    if (!culprits.has(fixes[i]!)) culprits.set(fixes[i]!, reason);
  };
  const compiled = after.result.compiled;
  if (!compiled.model || !compiled.definition || hasErrors(compiled.diagnostics)) {
    // The fixes on the lines of the errors are to blame; when none stands there, the search narrows them down.
    for (const l of after.located) {
      if (l.d.severity !== 'error') continue;
      for (const i of map.outputsMeeting(lineStart(after.source, l.start), lineEnd(after.source, l.end))) blame(i, `would make the file fail to compile (${l.d.message})`);
    }
    return { after, culprits, unexplained: culprits.size ? undefined : 'would make the file fail to compile' };
  }

  // Each field reads as its fixes meant: the YAML around a fix did not change its sense.
  let unexplained: string | undefined;
  const byField = new Map<string, number[]>();
  fixes.forEach((f, i) => {
    const list = byField.get(f.field);
    if (list) list.push(i);
    else byField.set(f.field, [i]);
  });
  for (const indices of byField.values()) {
    const path = fixes[indices[0]!]!.path;
    const was = valueAt(before.result.compiled.definition, path);
    const now = valueAt(compiled.definition, path);
    const meant = typeof was === 'string' ? applyEdits(was, indices.map((i) => ({ start: fixes[i]!.valueFix.offset, end: fixes[i]!.valueFix.offset + fixes[i]!.valueFix.length, replacement: fixes[i]!.valueFix.replacement }))) : undefined;
    if (meant !== undefined && now === meant) continue;
    // One fix in the field is to blame; which one of several, the search narrows down.
    if (indices.length === 1) blame(indices[0]!, DIFFERENTLY);
    else unexplained ??= DIFFERENTLY;
  }

  // Diagnostics after that were not there before. One untouched by the edits is the same
  // diagnostic at its new place; one at an edit is new unless a diagnostic of the same
  // rule in the same field stood at that place before (a problem the fix did not solve).
  const carried = new Map<string, number>();
  const kindsAt = new Map<number, Set<string>>();
  const kinds = new Set<string>();
  for (const l of before.located) {
    const kind = `${l.d.code}\0${l.field}`;
    kinds.add(kind);
    const touched = map.inputsMeeting(l.start, l.end);
    if (!touched.length) {
      const key = `${kind}\0${map.forward(l.start, 'start')}`;
      carried.set(key, (carried.get(key) ?? 0) + 1);
    }
    for (const i of touched) kindsAt.set(i, (kindsAt.get(i) ?? new Set()).add(kind));
  }
  for (const l of after.located) {
    const kind = `${l.d.code}\0${l.field}`;
    const key = `${kind}\0${l.start}`;
    const left = carried.get(key) ?? 0;
    if (left > 0) {
      carried.set(key, left - 1);
      continue;
    }
    const raised = `would raise ${l.d.code} (${l.d.message})`;
    const at = map.outputsMeeting(l.start, l.end);
    if (at.length) {
      for (const i of at) if (!kindsAt.get(i)?.has(kind)) blame(i, raised);
    } else if (!kinds.has(kind)) {
      // Elsewhere in a field that was fixed: its fixes; elsewhere altogether: unknown yet.
      const inField = byField.get(l.field);
      if (inField) for (const i of inField) blame(i, raised);
      else unexplained ??= raised;
    }
  }
  return { after, culprits, unexplained };
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number) => {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
};

/**
 * The fixes of one pass that can stay. The fixes to blame are dropped and the rest tried
 * again; when something broke that no fix can be blamed for, the fixes are halved until
 * the fix that breaks it is found (a few extra checks per bad fix, none in the usual case).
 */
function settle(file: string, before: Analysis, chosen: Fixable[], options: CheckOptions, config: ConfigInUse, session?: Session): { kept: Fixable[]; dropped: { fix: Fixable; reason: string }[]; after: Analysis; checks: number } {
  const dropped: { fix: Fixable; reason: string }[] = [];
  let checks = 0;
  const attempt = (fixes: Fixable[]) => {
    checks++;
    return tryFixes(file, before, fixes, options, config, session);
  };
  let fixes = chosen;
  for (let round = 0; round < 3 && fixes.length; round++) {
    const trial = attempt(fixes);
    if (!trial.culprits.size && !trial.unexplained) return { kept: fixes, dropped, after: trial.after, checks };
    if (!trial.culprits.size) break;
    for (const [fix, reason] of trial.culprits) dropped.push({ fix, reason });
    fixes = fixes.filter((f) => !trial.culprits.has(f));
  }
  // Halving: accept a half when the fixes accepted so far plus the half pass, else split it.
  let after = before;
  const accepted: Fixable[] = [];
  const accept = (part: Fixable[]) => {
    if (!part.length) return;
    const trial = attempt(mergeSorted(accepted, part));
    if (!trial.culprits.size && !trial.unexplained) {
      appendAll(accepted, part);
      accepted.sort((a, b) => a.fix.start - b.fix.start);
      after = trial.after;
      return;
    }
    if (part.length === 1) {
      dropped.push({ fix: part[0]!, reason: trial.culprits.get(part[0]!) ?? trial.unexplained ?? 'would raise a new diagnostic' });
      return;
    }
    const mid = part.length >> 1;
    accept(part.slice(0, mid));
    accept(part.slice(mid));
  };
  accept(fixes);
  return { kept: accepted, dropped, after, checks };
}

const mergeSorted = (a: Fixable[], b: Fixable[]) => [...a, ...b].sort((x, y) => x.fix.start - y.fix.start);

export interface FixOutcome {
  /** What was changed, one line each: "12:31 AG028 'percent' → 'per cent'" (positions in the file as it was). */
  applied: string[];
  /** Fixes offered but not applied, one line each with the reason. */
  skipped: string[];
  /** Why nothing was written although fixes were found. */
  refused?: string;
  /** The fixed text could not be written (the system refused it): exit 2, as for a file that cannot be read. */
  unwritable?: boolean;
  /** The check of the file as it is now on disk. */
  result: CheckResult;
  /** The fixing in detail (absent when the file was not read). */
  plan?: FixPlan;
}

/**
 * Applies every certain fix (see fixSource) and writes the file through the session's file
 * system: on the disk a symbolic link stays a link and its target is fixed; mode, owner, hard
 * links, line endings (CRLF) and a byte-order mark are kept. The write is atomic (see
 * writeFileThrough), and refused when the file changed since it was read.
 */
export function fixDefinition(session: Session, file: string, options: CheckOptions = {}): FixOutcome {
  const outcome = fixOnly(session, file, options);
  // The translations beside it are checked as a plain check checks them (their texts are not fixed).
  return { ...outcome, result: withTranslationsBeside(outcome.result, session, options) };
}

function fixOnly(session: Session, file: string, options: CheckOptions): FixOutcome {
  const config = session.configFor(file, options.config);
  const read = readForFix(session, file);
  const plan = fixSource(file, read.source, options, config, session);
  const applied = plan.applied.map((a) => `${a.line}:${a.column} ${a.code} '${a.from}' → '${a.to}'`);
  const skipped = plan.skipped.map((s) => `${s.line}:${s.column} ${s.code} '${s.from}' → '${s.to}' not applied: it ${s.reason}`);
  if (!plan.changes.length) return { applied: [], skipped, result: plan.result, plan };
  const raw = rawText(read.raw, plan.changes);
  const unchanged = () => checkSource(file, read.source, options, config, session);
  if (raw.replace(/\r\n?/g, '\n') !== plan.text) {
    return { applied: [], skipped, refused: 'the fixed text could not be mapped back onto the file, so it was left unchanged (this is a bug: please report it)', result: unchanged(), plan };
  }
  try {
    session.fs.write(file, read.bom ? `\uFEFF${raw}` : raw, read.version);
  } catch (err) {
    if (err instanceof FileChangedError) return { applied: [], skipped, refused: 'the file changed while it was being fixed, so it was left as it is now; run again', result: unchanged(), plan };
    const code = (err as NodeJS.ErrnoException)?.code;
    if (!code) throw err;
    // Said as a --fix problem, not as an output folder's: the definition itself could not be rewritten.
    const reason = `${String((err as Error).message).replace(`${code}: `, '').replace(/, \w+ '[^']*'$/, '')} (${code})`;
    const refused = `the fixed text could not be written: ${reason}; the file is left as it was (--fix needs to write the file; when its folder may not be written, it keeps the copy of the previous content in the system's temporary folder)`;
    return { applied: [], skipped, refused, unwritable: true, result: unchanged(), plan };
  }
  return { applied, skipped, result: plan.result, plan };
}

/** A definition as --fix reads it: the text the compiler sees, and the text as stored. */
function readForFix(session: Session, file: string): { source: string; raw: string; bom: boolean; version: FileVersion } {
  const { bytes, version } = session.fs.read(file);
  const source = decodeSource(file, bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom ? 3 : 0);
  return { source, raw, bom, version };
}

/**
 * The stored text with the changes (offsets of the compiler's text, where every CRLF
 * and lone CR is one line feed) applied: the line endings stay as they were.
 */
function rawText(raw: string, changes: readonly Edit[]): string {
  if (!raw.includes('\r')) return applyEdits(raw, changes);
  // Line feeds of the compiler's text that were a CRLF: each adds one character before what follows it.
  const crlf: number[] = [];
  for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) crlf.push(i - crlf.length);
  let k = 0;
  const toRaw = (o: number) => {
    while (k < crlf.length && crlf[k]! < o) k++;
    return o + k;
  };
  const ending = crlf.length ? '\r\n' : '\n';
  const edits = changes.map((c) => {
    const start = toRaw(c.start);
    return { start, end: toRaw(c.end), replacement: c.replacement.replace(/\n/g, ending) };
  });
  return applyEdits(raw, edits);
}
