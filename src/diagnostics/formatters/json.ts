import { count, type FileReport, type FormatContext } from './types.js';

/** The JSON report; its shape is documented in docs/diagnostics.md and only grows. */
export function formatJson(reports: readonly FileReport[], context: FormatContext): string {
  const files = reports.map((r) => ({
    file: r.file,
    ...(r.profile ? { profile: r.profile } : {}),
    errorCount: r.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: r.diagnostics.filter((d) => d.severity === 'warning').length,
    infoCount: r.diagnostics.filter((d) => d.severity === 'info').length,
    fixableCount: r.diagnostics.filter((d) => d.fix).length,
    diagnostics: r.diagnostics.map((d) => ({
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      severity: d.severity,
      code: d.code,
      ...(d.rule ? { rule: d.rule } : {}),
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
      ...(d.fix ? { fix: { start: d.fix.start, end: d.fix.end, replacement: d.fix.replacement } } : {}),
    })),
  }));
  const report = {
    version: 1,
    tool: { name: 'agenda', version: context.version },
    errorCount: count(reports, 'error'),
    warningCount: count(reports, 'warning'),
    infoCount: count(reports, 'info'),
    ...(context.configFiles ? { configFiles: context.configFiles } : {}),
    files,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
