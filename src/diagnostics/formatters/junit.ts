import type { Diagnostic } from '../types.js';
import { count, type FileReport, type FormatContext } from './types.js';
import { visibleControls } from './visible.js';

/**
 * Text for XML 1.0, which cannot hold most control characters even as character
 * references: they are written as visible escapes ("\x1B"), not dropped without a trace.
 * Then the five markup characters.
 */
const escapeXml = (s: string) =>
  visibleControls(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Text content: a parser turns a raw CR (or CR LF) there into a line feed (XML 1.0, 2.11). */
const escapeText = (s: string) => escapeXml(s).replace(/\r/g, '&#13;');

/** An attribute's value: a parser turns a raw tab or line break there into a space (XML 1.0, 3.3.3). */
const escapeAttribute = (s: string) => escapeXml(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

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
    const file = escapeAttribute(r.file);
    const failed = r.diagnostics.filter((d) => d.severity !== 'info').length;
    out.push(`  <testsuite name="${file}" tests="${Math.max(1, r.diagnostics.length)}" failures="${failed}" errors="0">`);
    if (!r.diagnostics.length) out.push(`    <testcase classname="${file}" name="agenda check"/>`);
    for (const d of r.diagnostics) {
      const body = `${d.file}:${d.line}:${d.column}: ${d.message}${d.hint ? `\n${d.hint}` : ''}`;
      out.push(`    <testcase classname="${file}" name="${escapeAttribute(caseName(d))}">`);
      if (d.severity === 'info') out.push(`      <system-out>${escapeText(body)}</system-out>`);
      else out.push(`      <failure type="${d.severity}" message="${escapeAttribute(d.message)}">${escapeText(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
