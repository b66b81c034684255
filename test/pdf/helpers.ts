import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { AgendaDocument } from '../../src/model.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import { compileSource } from '../../src/pipeline.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers/reference.js';

/** Compiles a definition (path relative to the repository) into the model. */
export function modelOf(path: string): AgendaDocument {
  const r = compileSource(path, readFileSync(resolve(repoRoot, path), 'utf8'));
  if (!r.model) throw new Error(`${path} does not compile: ${JSON.stringify(r.diagnostics)}`);
  return r.model;
}

const built = new Map<string, Promise<Uint8Array>>();
/** The PDF of a definition, rendered once per test file. */
export function pdfOf(path: string): Promise<Uint8Array> {
  let p = built.get(path);
  if (!p) built.set(path, (p = renderPdf(modelOf(path))));
  return p;
}

export interface TextRun {
  str: string;
  x: number;
  /** Baseline, PDF coordinates (from the bottom). */
  y: number;
  width: number;
  size: number;
  fontName: string;
  /** The innermost marked-content tag: a structure type, or "Artifact"; undefined when untagged. */
  tag?: string;
  /** Marked-content id, to look up in the structure tree. */
  id?: string;
}

export interface PageText {
  runs: TextRun[];
  structIds: Set<string>;
  /** Marked-content ids in the structure tree's order, and whether each lies inside a Note. */
  structOrder: { id: string; inNote: boolean }[];
  roles: Set<string>;
  width: number;
  height: number;
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** Text runs of every page with their positions and tags, and each page's structure tree. */
export async function readPdf(data: Uint8Array): Promise<PageText[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: { tag?: string; id?: string; softHyphen?: true }[] = [];
    const runs: TextRun[] = [];
    for (const item of content.items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        const id = (item.id as string | null) ?? undefined;
        const top = stack[stack.length - 1];
        // A Span without an id inside tagged content: the painter's replacement text for the
        // hyphen a line break added (/ActualText of U+00AD, which pdf.js does not read): its
        // text belongs to the element around it, and reads as a soft hyphen.
        if (item.tag === 'Span' && id === undefined && top?.id !== undefined) stack.push({ ...top, softHyphen: true });
        else stack.push({ tag: item.tag as string, id });
      } else if (item.type === 'endMarkedContent') {
        stack.pop();
      } else if (typeof item.str === 'string') {
        const t = item.transform as number[];
        if (!item.str.trim()) continue;
        const top = stack[stack.length - 1];
        const str = top?.softHyphen && item.str === '-' ? SOFT_HYPHEN : item.str;
        runs.push({ str, x: t[4]!, y: t[5]!, width: item.width as number, size: Math.hypot(t[2]!, t[3]!), fontName: item.fontName as string, tag: top?.tag, id: top?.id });
      }
    }
    const tree = (await page.getStructTree()) as StructNode | null;
    const structIds = new Set<string>();
    const structOrder: { id: string; inNote: boolean }[] = [];
    const roles = new Set<string>();
    const walk = (node: StructNode, inNote: boolean) => {
      if (node.role) roles.add(node.role);
      if (node.type === 'content' && node.id) {
        structIds.add(node.id);
        structOrder.push({ id: node.id, inNote });
      }
      node.children?.forEach((c) => walk(c, inNote || node.role === 'Note'));
    };
    if (tree) walk(tree, false);
    const [, , w, h] = page.view;
    pages.push({ runs, structIds, structOrder, roles, width: w!, height: h! });
  }
  await pdf.destroy();
  return pages;
}

/** Superscript footnote calls: set well below the body size. */
export const isMarker = (r: TextRun) => r.size < 7 && /^\d+$/.test(r.str.trim());

/** The hyphen a line break added, as the PDF's text reads it. */
export const SOFT_HYPHEN = '\u00ad';

/**
 * Joins runs into words as a reader sees them: a space where there is a gap or a
 * new line, none where two runs touch ("(" + italic "continued" + ")"), none
 * after a web address broken at a slash at the end of a line, and a word hyphenated
 * at the end of a line joined again without its soft hyphen.
 */
export function wordsOf(runs: TextRun[]): string[] {
  let text = '';
  let prev: TextRun | undefined;
  for (const r of runs) {
    if (prev) {
      const sameLine = Math.abs(r.y - prev.y) < 1;
      const gap = r.x - (prev.x + prev.width);
      const touch = sameLine && gap < 0.8 && gap > -0.8;
      const hyphenated = !sameLine && prev.str === SOFT_HYPHEN;
      if (hyphenated) text = text.slice(0, -SOFT_HYPHEN.length);
      else if (!touch && !(!sameLine && prev.str.endsWith('/'))) text += ' ';
    }
    text += r.str;
    prev = r;
  }
  return text.split(/\s+/).filter(Boolean);
}

export function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A CFF table alone, in the smallest OpenType file fontkit reads (no other table: no vmtx either). */
export function cffOnlyFile(cff: Uint8Array): Buffer {
  const file = Buffer.alloc(28 + cff.length);
  file.write('OTTO', 0, 'latin1');
  file.writeUInt16BE(1, 4);
  file.write('CFF ', 12, 'latin1');
  file.writeUInt32BE(28, 20);
  file.writeUInt32BE(cff.length, 24);
  file.set(cff, 28);
  return file;
}
