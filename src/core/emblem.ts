/**
 * The masthead's emblem: the file the definition (`document.emblem`) or the project
 * configuration (`emblem:`) names, read here, where files are read, and checked before any
 * renderer sees it: an SVG or PDF file (drawn as vectors) or a PNG file. A file that cannot be
 * read, is of another kind or is not well formed is a diagnostic at the `emblem` key.
 */
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
 * An SVG drawing: one root element named svg, and elements that open and close in order.
 * (The PDF exporter parses it again to draw it; this catches the files it would draw nothing of.)
 */
function svgProblem(text: string): { problem: string } | undefined {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/i, '');
  const open: string[] = [];
  let roots = 0;
  let root = '';
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (body.slice(last, m.index).includes('<')) return { problem: 'is not well-formed XML (a "<" that starts no element)' };
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (open.pop() !== name) return { problem: `is not well-formed XML (</${name}> closes no open <${name}>)` };
    } else {
      if (open.length === 0) {
        roots++;
        root = name!;
      }
      if (!selfClosing) open.push(name!);
    }
  }
  if (body.slice(last).includes('<')) return { problem: 'is not well-formed XML (a "<" that starts no element)' };
  if (open.length) return { problem: `is not well-formed XML (<${open[open.length - 1]}> is never closed)` };
  if (roots !== 1 || root.replace(/^\w+:/, '') !== 'svg') return { problem: 'is not an SVG drawing (its root element is not <svg>)' };
  return undefined;
}
