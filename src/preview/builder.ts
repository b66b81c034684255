/**
 * The preview's builds: the definition built to HTML in memory through the core library, the
 * last good page kept when a save brings errors, and the PDF of that page made only when asked
 * for. The session reads through a file system that notes every path it reads or looks for:
 * those are what a save must rebuild for (the definition, its translation, the configuration
 * file and the folders where one would be found, the emblem), without this layer knowing how
 * the core finds them.
 */
import { relative, isAbsolute, sep } from 'node:path';
import { buildDefinition, nodeFileSystem, Session, unreadableDiagnostic, type BuildResult, type FileSystem } from '../core/index.js';
import type { PreviewState, ShownDiagnostic } from './page.js';

type Diagnostic = BuildResult['diagnostics'][number];
type Language = NonNullable<Exclude<Parameters<typeof buildDefinition>[2]['languages'], 'all'>>[number];

export interface PreviewOptions {
  /** The definition, as an absolute path. */
  file: string;
  /** The language version to show (its translation beside the definition); the original by default. */
  language?: Language;
  profile?: string;
  config?: string | false;
  /** Paths in diagnostics are shown relative to this folder. */
  cwd: string;
}

/** Refuses writes: the preview builds in memory. */
function recordingFileSystem(fs: FileSystem, seen: Set<string>): FileSystem {
  const refuse = () => {
    throw new Error('the preview writes no file');
  };
  return {
    read: (path) => (seen.add(path), fs.read(path)),
    exists: (path) => (seen.add(path), fs.exists(path)),
    stat: (path) => (seen.add(path), fs.stat(path)),
    write: refuse,
    writeAll: refuse,
  };
}

export class PreviewBuilder {
  /** Every path the builds read or looked for, in the order first met. */
  readonly seen = new Set<string>();
  private readonly session: Session;
  private version = 0;
  private good = 0;
  /** The last good build: its HTML, and the definition's text it was made from (for its PDF). */
  private page?: { html: string; text: string; version: number };
  private pdf?: { version: number; made: Promise<Uint8Array | { problem: string }> };
  state: PreviewState = { version: 0, good: 0, ok: false, at: '', diagnostics: [] };

  constructor(private readonly options: PreviewOptions) {
    this.session = new Session({ fs: recordingFileSystem(nodeFileSystem, this.seen) });
  }

  /** The HTML of the last good build, if there has been one. */
  get html(): string | undefined {
    return this.page?.html;
  }

  /**
   * Builds the definition as it is now. The first build lets an unreadable definition throw
   * (the command reports it and ends); later ones show it as a diagnostic, as the file may
   * be between an editor's writes.
   */
  async build(changed: readonly string[] = [], first = false): Promise<PreviewState> {
    // A configuration file saved, created or removed is read again.
    this.session.invalidate(changed);
    const version = ++this.version;
    let diagnostics: Diagnostic[];
    try {
      const text = this.session.readText(this.options.file);
      const result = await this.buildText(text, 'html');
      diagnostics = [...result.check.configDiagnostics, ...result.diagnostics];
      const html = result.outputs?.find((o) => o.format === 'html')?.data;
      if (typeof html === 'string') {
        this.page = { html, text, version };
        this.good = version;
      }
    } catch (err) {
      if (first || !isUnreadable(err)) throw err;
      diagnostics = [unreadableDiagnostic(err)];
    }
    const ok = this.good === version;
    const order = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    const shown = [...diagnostics].sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3)).map((d) => this.shown(d));
    this.state = { version, good: this.good, ok, at: new Date().toTimeString().slice(0, 8), diagnostics: shown };
    return this.state;
  }

  /** The PDF of the last good page, made on the first request after each good build (undefined: no page yet). */
  pdfOfPage(): Promise<Uint8Array | { problem: string }> | undefined {
    const page = this.page;
    if (!page) return undefined;
    if (this.pdf?.version !== page.version) {
      const made = this.buildText(page.text, 'pdf').then((result) => {
        const data = result.outputs?.find((o) => o.format === 'pdf')?.data;
        if (data instanceof Uint8Array) return data;
        const first = result.diagnostics.find((d) => d.severity === 'error');
        return { problem: first ? `${this.where(first)}: ${first.message}` : 'the PDF could not be made' };
      });
      this.pdf = { version: page.version, made };
      // A PDF that failed is made again on the next request, not served failed until the next build.
      made.catch(() => {
        if (this.pdf?.made === made) this.pdf = undefined;
      });
    }
    return this.pdf.made;
  }

  private buildText(text: string, format: 'html' | 'pdf'): Promise<BuildResult> {
    const { file, language, profile, config } = this.options;
    return buildDefinition(this.session, file, { text, formats: [format], profile, config, ...(language ? { languages: [language] } : {}) });
  }

  private where(d: Diagnostic): string {
    const path = isAbsolute(d.file) ? relative(this.options.cwd, d.file) : d.file;
    const name = path.startsWith('..') || isAbsolute(path) ? d.file : path;
    return `${name.split(sep).join('/')}:${d.line}:${d.column}`;
  }

  private shown(d: Diagnostic): ShownDiagnostic {
    return { where: this.where(d), severity: d.severity, code: d.code, message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
  }
}

/**
 * The error the core's file system throws for a file it cannot read (missing, not a regular
 * file, too large, not UTF-8), told by its shape: this layer imports the core alone.
 */
function isUnreadable(err: unknown): err is Error & { file: string; hint?: string; at?: { line: number; column: number } } {
  return err instanceof Error && typeof (err as { file?: unknown }).file === 'string';
}
