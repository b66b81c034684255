/**
 * The masthead's emblem: the file the definition (`document.emblem`) or the project
 * configuration (`emblem:`) names, read here, where files are read, and checked before any
 * renderer sees it: an SVG or PDF file (drawn as vectors) or a PNG file. A file that cannot be
 * read, is of another kind or is not well formed is a diagnostic at the `emblem` key.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { SourceLocator } from '../load/locator.js';
import { UnreadableInputError } from '../load/source.js';
import { getLocale } from '../locale/index.js';
import type { AgendaDocument, Emblem } from '../model.js';
import type { FileSystem } from './fs.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The model with its emblem's file read in, or the diagnostic that says why it cannot be. */
export function withEmblem(model: AgendaDocument, file: string, locator: SourceLocator, config: LoadedConfig, fs: FileSystem): ({ model: AgendaDocument } | { diagnostic: Diagnostic }) & { read?: string } {
  const written = model.masthead.emblem;
  const configured = config.config?.emblem;
  let named: { emblem: Emblem; path: string; at: { file: string; line: number; column: number } };
  if (written) {
    named = { emblem: written, path: resolve(dirname(file), written.file), at: { file, ...locator.keyStart(written.origin?.path ?? ['document', 'emblem']) } };
  } else if (configured && config.config) {
    const alt = getLocale(model.lang)?.messages.format('emblemAlt') ?? '';
    named = { emblem: { file: configured.file, alt }, path: resolve(dirname(config.config.file), configured.file), at: { file: config.config.file, line: configured.line, column: configured.column } };
  } else return { model };
  // `read`: the file the outputs depend on, which a batch build watches for changes (manifest.ts).
  const problem = (message: string, hint: string) => ({ diagnostic: { ...named.at, severity: 'error' as const, code: 'emblem', message, hint }, read: named.path });
  let bytes: Uint8Array;
  try {
    bytes = fs.read(named.path).bytes;
  } catch (err) {
    const reason = err instanceof UnreadableInputError ? err.message : (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return problem(`cannot read the emblem file '${named.emblem.file}': ${reason}`, 'check the path: it is relative to the file that names it');
  }
  const kind = emblemKind(bytes);
  if ('problem' in kind) return problem(`the emblem file '${named.emblem.file}' ${kind.problem}`, 'give an SVG or PDF file (drawn as vectors) or a PNG file');
  return { model: { ...model, masthead: { ...model.masthead, emblem: { ...named.emblem, format: kind.format, data: bytes } } }, read: named.path };
}

/** What the file is, by its content: a PNG image, an SVG drawing, or what is wrong with it. */
export function emblemKind(bytes: Uint8Array): { format: 'svg' | 'png' | 'pdf' } | { problem: string } {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngProblem(bytes) ?? { format: 'png' };
  // A PDF file is turned into an SVG drawing by the build (pdf-emblem.ts), which reports what it cannot draw.
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) {
    return new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF') ? { format: 'pdf' } : { problem: 'is a PDF file that ends before its end (%%EOF)' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'is neither a PNG image nor an SVG drawing (SVG is UTF-8 text)' };
  }
  return svgProblem(text) ?? { format: 'svg' };
}

/** A PNG file's header and chunks: IHDR first with a size, IDAT, and IEND at the end. */
function pngProblem(bytes: Uint8Array): { problem: string } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  let at = 8;
  const chunks: string[] = [];
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    chunks.push(type(at));
    if (chunks.length === 1 && (type(at) !== 'IHDR' || length < 13 || view.getUint32(at + 8) === 0 || view.getUint32(at + 12) === 0)) break;
    at += 12 + length;
  }
  if (chunks[0] !== 'IHDR' || !chunks.includes('IDAT') || chunks[chunks.length - 1] !== 'IEND' || at !== bytes.length) return { problem: 'is not a complete PNG image' };
  return undefined;
}

/**
 * An SVG drawing: well-formed XML (sax's strict parser, which also refuses text after the root
 * element and attributes without quotes) whose root element is svg. Entities that the file's
 * DOCTYPE declares (as drawing programs write them) are known. The PDF exporter parses it
 * again to draw it; this catches the files it would draw wrongly or not at all.
 */
function svgProblem(text: string): { problem: string } | undefined {
  const sax = (saxModule ??= createRequire(import.meta.url)('sax') as typeof import('sax'));
  const parser = sax.parser(true);
  let problem: string | undefined;
  let root: string | undefined;
  parser.ondoctype = (doctype) => {
    for (const m of doctype.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^"']*)\2/g)) parser.ENTITIES[m[1]!] = m[3]!;
  };
  parser.onopentag = (node) => {
    root ??= node.name;
  };
  parser.onerror = (err) => {
    // sax counts lines from 0; only the first flaw is told.
    problem ??= `is not well-formed XML (line ${parser.line + 1}, column ${Math.max(1, parser.column)}: ${err.message.split('\n')[0]!.toLowerCase().replace(/\.$/, '')})`;
    parser.error = null as unknown as Error;
  };
  parser.write(text.replace(/^\uFEFF/, '')).close();
  if (problem) return { problem };
  if (root === undefined || root.replace(/^[\w.-]+:/, '') !== 'svg') return { problem: 'is not an SVG drawing (its root element is not <svg>)' };
  return undefined;
}

/** sax, loaded on the first SVG emblem: most definitions have none. */
let saxModule: typeof import('sax') | undefined;
