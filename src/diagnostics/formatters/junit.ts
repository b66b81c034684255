import type { Diagnostic } from '../types.js';
import { count, type FileReport, type FormatContext } from './types.js';

/** XML 1.0 cannot hold most control characters even escaped: they are dropped. */
const escapeXml = (s: string) =>
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const caseName = (d: Diagnostic) => `${d.rule ? `${d.code} ${d.rule}` : d.code} at ${d.line}:${d.column}`;

/**
 * JUnit XML for CI test reports: one testsuite per file; one testcase per
 * diagnostic (errors and warnings fail, information passes with its text), and
 * one passing testcase for a clean file.
 */
export function formatJunit(reports: readonly FileReport[], _context: FormatContext): string {
  const failures = count(reports, 'error') + count(reports, 'warning');
  const tests = reports.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="agenda check" tests="${tests}" failures="${failures}" errors="0">`];
  for (const r of reports) {
    const file = escapeXml(r.file);
    const failed = r.diagnostics.filter((d) => d.severity !== 'info').length;
    out.push(`  <testsuite name="${file}" tests="${Math.max(1, r.diagnostics.length)}" failures="${failed}" errors="0">`);
    if (!r.diagnostics.length) out.push(`    <testcase classname="${file}" name="agenda check"/>`);
    for (const d of r.diagnostics) {
      const body = `${d.file}:${d.line}:${d.column}: ${d.message}${d.hint ? `\n${d.hint}` : ''}`;
      out.push(`    <testcase classname="${file}" name="${escapeXml(caseName(d))}">`);
      if (d.severity === 'info') out.push(`      <system-out>${escapeXml(body)}</system-out>`);
      else out.push(`      <failure type="${d.severity}" message="${escapeXml(d.message)}">${escapeXml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
