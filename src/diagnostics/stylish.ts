import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from './types.js';

/**
 * Human-readable diagnostics: "file:line:col  error  message  code", the hint on the
 * next line, counts at the end. Colour only when the stream is a terminal and
 * NO_COLOR is unset (chalk's own detection).
 */
export function formatStylish(diagnostics: readonly Diagnostic[], color: boolean): string {
  const c: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  for (const d of diagnostics) {
    const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
    out.push(`${c.bold(`${d.file}:${d.line}:${d.column}`)}: ${sev} ${d.message} ${c.dim(`[${d.code}]`)}`);
    if (d.hint) out.push(`  ${c.dim('→')} ${d.hint}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors || warnings) out.push(c.bold(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`));
  return out.length ? `${out.join('\n')}\n` : '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
