import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { fixFile } from '../../src/commands/fix.js';
import { compileSource } from '../../src/pipeline.js';
import { hasErrors } from '../../src/diagnostics/types.js';
import { decodeSource, UnreadableInputError } from '../../src/load/source.js';
import { applyEdits } from '../../src/rules/apply-fixes.js';
import { checkSource } from '../../src/commands/check.js';
import { changesOutside, rangesOfDiagnostics } from '../rules/helpers.js';
import { FORMAT_NAMES } from '../../src/core/formats.js';

export interface CaseOutcome {
  code: number;
  crashed: boolean;
  output: string;
}

/** Runs `agenda build` on one input through the real CLI entry point, all formats. */
export async function runCase(source: string | Buffer): Promise<CaseOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-fuzz-'));
  try {
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, source);
    let output = '';
    const io = { out: (t: string) => (output += t), err: (t: string) => (output += t), color: false };
    const code = await main(['node', 'agenda', 'build', file, '--format', FORMAT_NAMES.join(','), '--out', join(dir, 'out')], io);
    const crashed = /internal error|\n\s+at /.test(output) || ![0, 1, 2].includes(code);
    return { code, crashed, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `agenda check --fix` (fixFile) on one input written to a file, and returns what
 * is wrong with the result: nothing for an input that cannot be read, or one whose fixed
 * file compiles, reads as the changes say, and differs from the original only inside
 * the ranges that a check of the original reports (see rangesOfDiagnostics).
 */
export async function fixCase(source: string | Buffer): Promise<{ problems: string[]; applied: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-fuzz-fix-'));
  try {
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, source);
    let before: string;
    try {
      before = decodeSource(file, readFileSync(file));
    } catch (err) {
      if (err instanceof UnreadableInputError) return { problems: [], applied: 0 };
      throw err;
    }
    let outcome;
    try {
      outcome = await fixFile(file, { config: false });
    } catch (err) {
      return { problems: [`--fix threw: ${(err as Error)?.stack ?? String(err)}`], applied: 0 };
    }
    const after = decodeSource(file, readFileSync(file));
    const plan = outcome.plan!;
    const problems: string[] = [];
    if (outcome.refused) problems.push(`refused: ${outcome.refused}`);
    if (!plan.changes.length) {
      if (after !== before) problems.push('the file changed although no fix was applied');
      return { problems, applied: 0 };
    }
    if (after !== plan.text) problems.push('the file on disk is not the fixed text');
    if (applyEdits(before, plan.changes) !== after) problems.push('the changes do not turn the original into the fixed file');
    // The ranges a change may touch come from a check of the original alone, not from the fixer.
    const allowed = rangesOfDiagnostics(before, checkSource(file, before, { config: false }, { diagnostics: [] }).diagnostics);
    for (const c of changesOutside(plan.changes, allowed)) problems.push(`a change at ${c.start}-${c.end} is outside every range that a check of the original reports`);
    if (hasErrors(compileSource(file, after).diagnostics)) problems.push('the fixed file does not compile');
    // Line ends and a byte-order mark are kept as they were.
    const rawBefore = Buffer.from(source).toString('utf8');
    const rawAfter = readFileSync(file, 'utf8');
    const ends = (t: string) => [t.split('\r\n').length, t.split('\r').length, t.startsWith('\uFEFF')].join();
    if (ends(rawAfter) !== ends(rawBefore)) problems.push('line endings or the byte-order mark changed');
    return { problems, applied: plan.applied.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
