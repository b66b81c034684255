import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/locale/en.js';
import { repoRoot } from '../helpers/reference.js';

/**
 * Nothing outside src/locale/ writes a word of the document or joins two: the normalizer
 * asks the catalogue for messages with arguments, and renderers print the model's texts.
 * These tests read the sources of the normalizer and the renderers.
 */

const SCANNED = ['src/normalize', 'src/render', 'src/typeset', 'src/export'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** The words of the English catalogue: the literal text of every message and of every branch of its selects. */
function documentWords(): string[] {
  const words = new Set<string>();
  type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
  const visit = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal) {
        for (const run of e.value!.split(/[(),]/)) {
          const phrase = run.trim().replace(/[.:]+$/, '');
          // Words that also name definition values (meeting kinds) or code ("item", "only") are caught in phrases only.
          if (/[A-Za-z]{2}/.test(phrase) && !/^(?:meeting|session|item|only)$/.test(phrase)) words.add(phrase);
        }
      }
      Object.values(e.options ?? {}).forEach((o) => visit(o.value));
      if (e.children) visit(e.children);
    }
  };
  for (const id of en.messages.ids()) visit(new IntlMessageFormat(en.messages.source(id)!, 'en').getAst() as Element[]);
  return [...words];
}

/** Element types of the ICU parser's tree (@formatjs/icu-messageformat-parser TYPE). */
const TYPE = { literal: 0 };

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Where text is for a person reading a diagnostic or the docs, not for the document. */
const DIAGNOSTIC_PROPERTIES = new Set(['error', 'hint', 'message', 'describe', 'missing']);

function inDiagnostic(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n)) {
      // report(…), new …Error(…) and super(…) in an error class's constructor.
      if (n.expression.kind === ts.SyntaxKind.SuperKeyword || /(?:^|\.)report$|Error$/.test(n.expression.getText())) return true;
    }
    if (ts.isNewExpression(n) && /Error$/.test(n.expression.getText())) return true;
    if (ts.isPropertyAssignment(n) && DIAGNOSTIC_PROPERTIES.has(n.name.getText())) return true;
  }
  return false;
}

/** Every string literal and template of a file, outside diagnostics and comments. */
function literals(file: string, text: string): { node: ts.Node; value: string; template?: ts.TemplateExpression }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { node: ts.Node; value: string; template?: ts.TemplateExpression }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    // Message ids passed to a call (format('continued')) and property names ('agenda-item': …) name things; they are not text.
    const name = ts.isStringLiteral(node) && ((MESSAGE_IDS.has(node.text) && ts.isCallExpression(node.parent)) || (ts.isPropertyAssignment(node.parent) && node.parent.name === node));
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !name && !inDiagnostic(node)) out.push({ node, value: node.text });
    if (ts.isTemplateExpression(node) && !inDiagnostic(node)) {
      out.push({ node, value: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('\u0000'), template: node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const MESSAGE_IDS = new Set<string>(en.messages.ids());

const lineOf = (node: ts.Node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;

export function fixedWords(files: { file: string; text: string }[], words: readonly string[]): Finding[] {
  // As the catalogue writes them ("Annex", not the id "annex"), whole words.
  const pattern = new RegExp(`(?<![\\w-])(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w-])`);
  // Comments of an embedded style sheet are not shown.
  return files.flatMap(({ file, text }) => literals(file, text).filter((l) => pattern.test(l.value.replace(/\/\*[^]*?\*\//g, ''))).map((l) => ({ file, line: lineOf(l.node), text: l.node.getText() })));
}

/**
 * Templates that put two computed texts side by side with only spaces or punctuation
 * between them (`${ordinal} ${kind}`, `${label} ${number} (${occurrence})`): word order and
 * punctuation belong to the catalogue.
 */
export function joinedWords(files: { file: string; text: string }[]): Finding[] {
  return files.flatMap(({ file, text }) =>
    literals(file, text)
      .filter((l) => l.template?.templateSpans.slice(0, -1).some((span) => /^[ (),.:;–-]+$/.test(span.literal.text) && /[ (]/.test(span.literal.text)))
      .filter((l) => !NOT_TEXT.has(l.node.getText()))
      .map((l) => ({ file, line: lineOf(l.node), text: l.node.getText() })),
  );
}

/** Templates that join values that are not text of the document: keys of maps, markup around text. */
const NOT_TEXT = new Set([
  '`${code} ${JSON.stringify(path)}`', // a key of the diagnostics already reported
  '`${key} ${offset}`',
  // A footnote's text, then its back links, in the list of notes.
  '`<li id="fn-${n.number}" value="${n.number}"><span class="label">${n.number} </span>${inlines(n.content)} ${backs.join(\' \')}</li>`',
]);

/** Text nodes the code makes itself (`{ type: 'text', value: ' (' }`) with anything but spaces in them. */
export function madeTextNodes(files: { file: string; text: string }[]): Finding[] {
  return files.flatMap(({ file, text }) =>
    literals(file, text)
      .filter((l) => ts.isStringLiteral(l.node) && ts.isPropertyAssignment(l.node.parent) && l.node.parent.name.getText() === 'value' && l.node.parent.initializer === l.node)
      .filter((l) => /type:\s*'text'/.test(l.node.parent.parent.getText()) && l.value.trim() !== '')
      .map((l) => ({ file, line: lineOf(l.node), text: l.node.getText() })),
  );
}

const read = (files: string[]) => files.map((file) => ({ file, text: readFileSync(join(repoRoot, file), 'utf8') }));

describe('fixed words stay in the locale', () => {
  const files = read(SCANNED.flatMap(sourceFiles));
  const words = documentWords();

  it('knows the document words to look for', () => {
    expect(words).toEqual(expect.arrayContaining(['continued', 'agenda item', 'special session', 'Distr', 'Original', 'Limited', 'United Nations', 'Back to reference', 'Provisional agenda', 'Annex']));
    expect(words).not.toContain('other'); // a select key, not text
  });

  it('finds no document word in a string of the normalizer or a renderer', () => {
    expect(fixedWords(files, words)).toEqual([]);
  });

  it('finds no template that joins two texts with a space or punctuation in the normalizer or the HTML renderer', () => {
    const scanned = files.filter((f) => f.file.startsWith('src/normalize') || f.file === join('src', 'render', 'html', 'index.ts'));
    expect(scanned.length).toBeGreaterThan(5);
    expect(joinedWords(scanned)).toEqual([]);
  });

  it('finds no text node of punctuation or words made by the normalizer', () => {
    expect(madeTextNodes(files.filter((f) => f.file.startsWith('src/normalize')))).toEqual([]);
  });

  it('would find what the normalizer used to write', () => {
    const old = [
      { file: 'a.ts', text: "title.push({ type: 'text', value: ' (' }, { type: 'emphasis', children: [{ type: 'text', value: 'continued' }] });" },
      { file: 'b.ts', text: 'const session = ordinal ? `${ordinal} ${kind}` : kind;' },
      { file: 'c.ts', text: 'const name = `${labels.backToReference} ${n.number} (${occurrence})`;' },
      { file: 'd.ts', text: "const ref = `agenda item ${number}`; report(path, 'x', `agenda item ${number} is listed twice`);" },
    ];
    expect(madeTextNodes(old).map((f) => f.text)).toEqual(["' ('", "'continued'"]);
    expect(fixedWords(old, words).map((f) => `${f.file}:${f.text}`)).toEqual(["a.ts:'continued'", 'd.ts:`agenda item ${number}`']);
    expect(joinedWords(old).map((f) => f.file)).toEqual(['b.ts', 'c.ts']);
  });
});
