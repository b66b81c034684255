import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../types.js';
import { visibleControls } from './visible.js';
import type { FileReport, FormatContext } from './types.js';

/**
 * Human-readable diagnostics, grouped by file: "file:line:col: error message [code]"
 * (editors open the place on click), the hint on the next line, counts at the end.
 * Colour only when the caller says the stream is a terminal and NO_COLOR is unset.
 */
export function formatStylish(reports: readonly FileReport[], context: Pick<FormatContext, 'color'> & { totals?: boolean }): string {
  const c: ChalkInstance = new Chalk({ level: context.color ? 1 : 0 });
  const groups: string[] = [];
  for (const r of reports) {
    if (!r.diagnostics.length) continue;
    groups.push(r.diagnostics.map((d) => line(d, c)).join('\n'));
  }
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const infos = all.filter((d) => d.severity === 'info').length;
  const fixable = all.filter((d) => d.fix).length;
  const out = groups.join('\n\n');
  if (context.totals === false || (!errors && !warnings && !infos)) return out ? `${out}\n` : '';
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${infos} info` : ''}`;
  const colored = errors ? c.red.bold(summary) : warnings ? c.yellow.bold(summary) : c.bold(summary);
  const fix = fixable ? `\n${c.dim(`${fixable} of them can be fixed with 'agenda check --fix'`)}` : '';
  return `${out}\n\n${colored}${fix}\n`;
}

function line(d: Diagnostic, c: ChalkInstance): string {
  const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const code = d.rule ? `${d.code} ${d.rule}` : d.code;
  const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}: ${sev} ${onTerminal(d.message)} ${c.dim(`[${code}]`)}`;
  return d.hint ? `${head}\n  ${c.dim('→')} ${onTerminal(d.hint)}` : head;
}

/**
 * A message as a terminal may show it: the controls visible.ts lists, and a carriage return
 * or line feed quoted from the definition (a key "bo\rdy"), written as escapes. A raw
 * carriage return would send the cursor back and overwrite the line's beginning.
 */
const onTerminal = (text: string) => visibleControls(text).replace(/\r/g, '\\r').replace(/\n/g, '\\n');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A problem with a file that is not a diagnostic of its content (unreadable, refused,
 * not writable), in the stylish layout: "file[:line:col]: error message", the hint below.
 */
export function formatFileError(file: string, error: { message: string; hint?: string; at?: { line: number; column: number } }): string {
  const place = error.at ? `${file}:${error.at.line}:${error.at.column}` : file;
  return `${place}: error ${error.message}${error.hint ? `\n  → ${error.hint}` : ''}\n`;
}
