/**
 * Building a definition: the same check as `check`, then every format asked for rendered
 * in memory. Nothing is written here unless asked: the batch writes its outputs itself
 * (its folders, its manifest), a library user may only want the bytes.
 */
import { join } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import type { LanguageCode } from '../locale/types.js';
import { LANGUAGES, translationFile } from '../translate/load.js';
import { compileVersion, originalLanguage } from '../translate/version.js';
import { renderAll } from './render-all.js';
import { FORMATS, type OutputFormat, type PdfProfile, type RenderOptions } from './formats.js';
import { checkSource, type CheckOptions, type CheckResult, type ConfigInUse } from './check.js';
import type { Session } from './session.js';
import { withEmblem } from './emblem.js';
import { pdfEmblemAsSvg } from './pdf-emblem.js';
import type { AgendaDocument, Origin } from '../model.js';
import { nodeFileSystem, type FileSystem } from './fs.js';

export interface BuildOptions extends CheckOptions {
  /** Format names: md, html, pdf. */
  formats: readonly string[];
  /** Render even when the rules report errors (the errors are still reported). */
  allowErrors?: boolean;
  /**
   * The language versions to build: the original's language is the original, any other its
   * translation (`translations`); "all" for the languages the document is issued in
   * (`document.languages`, else the six). By default the original alone.
   */
  languages?: readonly LanguageCode[] | 'all';
  /** The translation files' texts by language, as the caller read them (translationsBeside). */
  translations?: Translations;
  /** Issue a version whose translation lacks texts with those texts in the original language (warnings instead of errors). */
  allowUntranslated?: boolean;
  /**
   * The text of the file an output was written to before, for the formats that read it
   * (`readsPrevious`: the calendar's SEQUENCE); undefined when there is none.
   */
  previousOutput?: (output: { extension: string; language?: LanguageCode }) => string | undefined;
  /** The PDF's archival profile (`a3`: PDF/A-3 with the definition and translation inside); by default the plain PDF. */
  pdfProfile?: PdfProfile;
}

export type Translations = Partial<Record<LanguageCode, { file: string; source: string }>>;

export interface BuiltOutput {
  format: string;
  extension: string;
  data: string | Uint8Array;
  /** The language of a translated version (written as <stem>.<language>.<extension>); absent for the original. */
  language?: LanguageCode;
}

export interface BuildResult {
  /** The check the build ran (compile, rules, configuration). */
  check: CheckResult;
  /** The definition's diagnostics, with the renderer's when one could not render a text. */
  diagnostics: Diagnostic[];
  /** In the order of the formats asked for; absent when the definition was not built. */
  outputs?: BuiltOutput[];
}

/** Checks and renders a text under a configuration already read. */
export async function buildSource(file: string, source: string, options: BuildOptions, config: ConfigInUse | LoadedConfig, session?: Session): Promise<BuildResult> {
  const formats = formatsOf(options.formats);
  const checked = checkSource(file, source, options, config, session);
  const { model, loaded } = checked.compiled;
  if (!model || (hasErrors(checked.diagnostics) && !options.allowErrors)) return { check: checked, diagnostics: checked.diagnostics };
  const definition = checked.compiled.definition!;
  // An emblem given as a PDF file is drawn from the SVG made of it (pdf-emblem.ts), in every version.
  let emblemSvg: Uint8Array | undefined;
  const given = model.masthead.emblem;
  if (given?.format === 'pdf' && given.data) {
    const made = await pdfEmblemAsSvg(given.data);
    if ('problem' in made) {
      const at = given.origin ? loaded.locator.keyStart(given.origin.path) : { line: 1, column: 1 };
      const diagnostic: Diagnostic = { file: given.origin ? file : (checked.configFile ?? file), ...at, severity: 'error', code: 'emblem', message: `the emblem file '${given.file}' ${made.problem}`, hint: 'give an SVG file (drawn as vectors) or a PNG file' };
      return { check: checked, diagnostics: sortDiagnostics([...checked.diagnostics, diagnostic]) };
    }
    emblemSvg = new TextEncoder().encode(made.svg);
  }
  const withSvg = (m: AgendaDocument): AgendaDocument => (emblemSvg && m.masthead.emblem ? { ...m, masthead: { ...m.masthead, emblem: { ...m.masthead.emblem, format: 'svg', data: emblemSvg } } } : m);
  const original = originalLanguage(definition);
  const languages = options.languages === 'all' ? (definition.document.languages ?? LANGUAGES) : (options.languages ?? [original]);
  const outputs: BuiltOutput[] = [];
  const diagnostics = [...checked.diagnostics];
  for (const language of languages) {
    let version = withSvg(model);
    let place: ((origin: Origin) => { file: string; line: number; column: number }) | undefined;
    if (language !== original) {
      const compiled = compileVersion({ file, definition, model, locator: loaded.locator }, language, options.translations?.[language], options.allowUntranslated);
      diagnostics.push(...compiled.diagnostics);
      if (!compiled.model) continue;
      place = compiled.place;
      // The emblem the original's check read, with its description in the version's language.
      const emblem = withEmblem(compiled.model, file, loaded.locator, config, session?.fs ?? nodeFileSystem);
      version = withSvg('model' in emblem ? emblem.model : compiled.model);
    }
    const versionLanguage = language === original ? {} : { language };
    const previous = options.previousOutput;
    const shared = renderOptions(file, source, options, language === original ? undefined : options.translations?.[language]);
    const optionsFor = (f: OutputFormat): RenderOptions | undefined => (previous && f.readsPrevious ? { ...shared, ...previousCalendar(previous({ extension: f.extension, ...versionLanguage })) } : shared);
    const rendered = await renderAll(version, formats, file, loaded.locator, optionsFor, place);
    if (!rendered.ok) {
      diagnostics.push(rendered.diagnostic);
      continue;
    }
    formats.forEach((f, i) => outputs.push({ format: f.name, extension: f.extension, data: rendered.outputs[i]!, ...versionLanguage }));
  }
  // All versions or none: a set of documents issued under one symbol is never half updated.
  if (hasErrors(diagnostics.slice(checked.diagnostics.length))) return { check: checked, diagnostics: sortDiagnostics(diagnostics) };
  return { check: checked, diagnostics: sortDiagnostics(diagnostics), outputs };
}

/**
 * What the renderers are given besides the model: the PDF profile and, for an archival PDF,
 * the files the version was made from (the definition, then its translation), as read.
 */
function renderOptions(file: string, source: string, options: BuildOptions, translation?: { file: string; source: string }): RenderOptions | undefined {
  if (!options.pdfProfile) return undefined;
  const encode = (text: string) => new TextEncoder().encode(text);
  const name = (path: string) => path.replace(/^.*[\\/]/, '');
  const sources = [{ name: name(file), data: encode(source) }, ...(translation ? [{ name: name(translation.file), data: encode(translation.source) }] : [])];
  return { pdfProfile: options.pdfProfile, sources };
}

/** The translation files beside a definition (meeting.fr.yaml beside meeting.yaml), read through `read`; those that do not exist are left out. */
export function translationsBeside(file: string, exists: (path: string) => boolean, read: (path: string) => string): Translations {
  const out: Translations = {};
  for (const language of LANGUAGES) {
    const path = translationFile(file, language);
    if (exists(path)) out[language] = { file: path, source: read(path) };
  }
  return out;
}

/** The file an output is written to: <stem>.<extension>, or <stem>.<language>.<extension> for a translated version. */
export const outputName = (stem: string, output: Pick<BuiltOutput, 'extension' | 'language'>): string => `${stem}${output.language ? `.${output.language}` : ''}.${output.extension}`;

/**
 * Checks and renders a definition, its text as given or read through the session; with
 * `outDir`, writes the outputs there as `<stem>.<extension>`, all or none (the folder
 * must exist). An unreadable file throws UnreadableInputError; a failed write, the
 * system's error (see errors.ts).
 */
export async function buildDefinition(session: Session, file: string, options: BuildOptions & { text?: string; outDir?: string; stem?: string }): Promise<BuildResult & { written?: string[] }> {
  const source = options.text ?? session.readText(file);
  const translations = options.translations ?? (options.languages ? translationsBeside(file, (p) => session.fs.exists(p), (p) => session.readText(p)) : undefined);
  const stem = options.stem ?? file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const outDir = options.outDir;
  const previousOutput = options.previousOutput ?? (outDir === undefined ? undefined : previousOutputIn(session.fs, outDir, stem));
  const result = await buildSource(file, source, { ...options, ...(translations ? { translations } : {}), ...(previousOutput ? { previousOutput } : {}) }, session.configFor(file, options.config), session);
  if (!result.outputs || options.outDir === undefined) return result;
  const files = result.outputs.map((o) => [join(options.outDir!, outputName(stem, o)), o.data] as const);
  session.fs.writeAll(files);
  return { ...result, written: files.map(([path]) => path) };
}

/** The outputs written before in a folder, as `BuildOptions.previousOutput` reads them: a file that is not there or cannot be read is none. */
export function previousOutputIn(fs: FileSystem, outDir: string, stem: string): NonNullable<BuildOptions['previousOutput']> {
  return (output) => {
    const path = join(outDir, outputName(stem, output));
    if (fs.stat(path)?.kind !== 'file') return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(fs.read(path).bytes);
    } catch {
      return undefined; // unreadable, too large or not UTF-8: not a calendar this tool wrote
    }
  };
}

/** The options of a format that reads its previous output. */
const previousCalendar = (text: string | undefined): RenderOptions => (text === undefined ? {} : { previousCalendar: text });

function formatsOf(names: readonly string[]): OutputFormat[] {
  return names.map((name) => {
    if (!Object.hasOwn(FORMATS, name)) throw new RangeError(`unknown format: ${name} (choose from ${Object.keys(FORMATS).join(', ')})`);
    return FORMATS[name]!;
  });
}
