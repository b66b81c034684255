import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../types.js';
import { reportPath } from './paths.js';
import { RULES_DOC_URL, ruleAnchor, type FileReport, type FormatContext } from './types.js';
import { visibleControls } from './visible.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as GitHub code scanning and other viewers read it. */
export function formatSarif(reports: readonly FileReport[], context: FormatContext): string {
  const ruleIndex = new Map(context.rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) =>
    report.diagnostics.map((d) => {
      const index = ruleIndex.get(d.code);
      const region: Record<string, number> = { startLine: d.line, startColumn: d.column };
      if (d.endLine !== undefined && d.endColumn !== undefined) Object.assign(region, { endLine: d.endLine, endColumn: d.endColumn });
      return {
        ruleId: d.code,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: LEVEL[d.severity],
        // JSON.stringify escapes controls in the file, but a viewer decodes them and shows them raw: make them visible.
        message: { text: visibleControls(d.hint ? `${d.message}. ${d.hint}` : d.message) },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(reportPath(d.file, context.cwd)), region } }],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agenda',
            version: context.version,
            informationUri: RULES_DOC_URL,
            rules: context.rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} Source: ${r.source}.` },
              helpUri: `${RULES_DOC_URL}#${ruleAnchor(r.id, r.name)}`,
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { category: r.category, source: r.source },
            })),
          },
        },
        // The working folder as a file URI ('#', '?' and a drive letter as a URI takes them), ending in '/' so that paths resolve inside it.
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd).href.replace(/\/?$/, '/') } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Where a file is: relative to the working folder (%SRCROOT%), or, outside it, its own file URI. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path) || /^[A-Za-z]:\//.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: relativeUri(path), uriBaseId: '%SRCROOT%' };
}

/**
 * A report path as a URI reference: encodeURI's, with '#' and '?' percent-encoded too ('a#b.yaml'
 * is no fragment), and a ':' in the first segment of a relative path ('ab:c.yaml' would read as
 * an absolute URI of the scheme 'ab').
 */
export function relativeUri(path: string): string {
  const uri = encodeURI(path).replace(/[?#]/g, encodeURIComponent);
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return uri;
  const slash = uri.indexOf('/');
  const first = slash < 0 ? uri : uri.slice(0, slash);
  return first.replaceAll(':', '%3A') + (slash < 0 ? '' : uri.slice(slash));
}
