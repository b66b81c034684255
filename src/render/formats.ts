import type { AgendaDocument } from '../model.js';

/**
 * The output formats. Each renderer is loaded only when asked for, so that
 * `agenda check` and a Markdown-only build never load the PDF library.
 */
export interface OutputFormat {
  name: string;
  extension: string;
  render(doc: AgendaDocument): Promise<Uint8Array | string>;
}

export const FORMATS: Record<string, OutputFormat> = {
  md: {
    name: 'md',
    extension: 'md',
    render: async (doc) => (await import('./markdown.js')).renderMarkdown(doc),
  },
  html: {
    name: 'html',
    extension: 'html',
    render: async (doc) => (await import('./html/index.js')).renderHtml(doc),
  },
  pdf: {
    name: 'pdf',
    extension: 'pdf',
    render: async (doc) => (await import('./pdf/index.js')).renderPdf(doc),
  },
};

export const FORMAT_NAMES = Object.keys(FORMATS);

/** Parses "md,html,pdf" or "all"; returns the unknown names as well. */
export function parseFormats(list: string): { formats: OutputFormat[]; unknown: string[] } {
  const names = list === 'all' ? FORMAT_NAMES : [...new Set(list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const unknown = names.filter((n) => !(n in FORMATS));
  return { formats: names.filter((n) => n in FORMATS).map((n) => FORMATS[n]!), unknown };
}
