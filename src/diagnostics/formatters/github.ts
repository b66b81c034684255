import { reportPath } from './paths.js';
import type { FileReport, FormatContext } from './types.js';
import { visibleControls } from './visible.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Escaping of a workflow command's message (GitHub's toolkit: escapeData): %, CR and LF.
 * Other control characters are made visible first: the runner would pass an ESC to the log.
 */
export const escapeData = (s: string) => visibleControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping of a workflow command's properties (escapeProperty): also ':' and ','. */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request. */
export function formatGithub(reports: readonly FileReport[], context: FormatContext): string {
  const lines = reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const props = [`file=${escapeProperty(reportPath(d.file, context.cwd))}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined && d.endColumn !== undefined) props.push(`endLine=${d.endLine}`, `endColumn=${d.endColumn}`);
      props.push(`title=${escapeProperty(d.rule ? `${d.code} ${d.rule}` : d.code)}`);
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message)}`;
    }),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}
