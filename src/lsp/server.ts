/**
 * `agenda lsp --stdio`: the language server (LSP 3.17, through vscode-languageserver). A thin
 * front end over the core, as the CLI is: the editor's text is checked by the core's `check`
 * with the configuration of the file's folder, through one Session per workspace folder;
 * quick fixes are the fixes of `agenda check --fix`; the outline, completion and
 * go-to-definition read the YAML as typed (core/editor.ts). It writes nothing but protocol
 * messages on standard output.
 */
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node.js';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  Hover,
  InitializeResult,
  Location,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, definitionOutline, editorFileKind, fix, isConfigFile, itemIdAt, originalOf, ruleDocumentation, Session, UnreadableInputError, unreadableDiagnostic, type CheckResult, type DefinitionOutline, type EditorItem } from '../core/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { EditorFileSystem } from './files.js';
import { escapeMarkdown, hoverMarkdown } from './hover.js';
import { diagnosticRange, LineIndex } from './positions.js';

const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind, DiagnosticSeverity, SymbolKind, CompletionItemKind, MarkupKind, StreamMessageReader, StreamMessageWriter, TextDocumentEdit, DidChangeWatchedFilesNotification } = lsp;

/** How long typing pauses before a document is checked again. */
export const CHECK_DELAY_MS = 200;

/** The kind of the code action that applies every certain fix, as `agenda check --fix`. */
const FIX_ALL = `${CodeActionKind.SourceFixAll}.agenda`;

/** What the last check of a document found, for code actions and hovers. */
interface Checked {
  version: number;
  source: string;
  lines: LineIndex;
  /** Each published diagnostic beside the core's. */
  found: { lsp: LspDiagnostic; d: Diagnostic }[];
}

/** Starts the server on the given streams (standard input and output); it runs until the client ends it. */
export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const files = new EditorFileSystem();
  /** Workspace folders (paths ending in the separator), longest first, and the session of each; '' for files outside them. */
  let folders: string[] = [];
  const sessions = new Map<string, Session>();
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();

  const sessionFor = (file: string): Session => {
    const folder = folders.find((f) => file.startsWith(f)) ?? '';
    let session = sessions.get(folder);
    if (!session) sessions.set(folder, (session = new Session({ fs: files })));
    return session;
  };

  /** Whether the editor fills in an action's edit when it is chosen (codeAction/resolve). */
  let resolvesEdits = false;
  /** Whether the editor watches files for the server when asked (VS Code's extension asks for it itself). */
  let registersWatchers = false;
  connection.onInitialize((params): InitializeResult => {
    resolvesEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    registersWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri).replace(/[\\/]*$/, sep))
      .sort((a, b) => b.length - a.length);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', '[', ',', ' '] },
        definitionProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'agenda' },
    };
  });

  const fileOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

  /** Checks one document now and publishes what it found (nothing, for YAML that is no definition). */
  const validate = (uri: string): void => {
    const doc = documents.get(uri);
    const file = fileOf(uri);
    if (!doc || !file) return;
    const kind = editorFileKind(file, doc.getText(), (p) => files.exists(p));
    if (!kind) {
      checked.delete(uri);
      // A configuration file: its own problems at their lines (the definitions it applies to say them at their top too).
      const own = isConfigFile(file) ? sessionFor(file).configFor(join(dirname(file), 'meeting.yaml'), undefined).diagnostics.filter((d) => d.file === file) : [];
      const text = doc.getText();
      const lines = new LineIndex(text);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: own.map((d) => toLsp(d, diagnosticRange(d, text, lines))) });
      return;
    }
    let result: CheckResult;
    try {
      result = check(file, { session: sessionFor(file) });
    } catch (err) {
      // A text the compiler refuses to read (a NUL character, too large): said where it is.
      let message = 'the check failed: an internal error (see the output of the agenda language server)';
      let position: Position = { line: 0, character: 0 };
      if (err instanceof UnreadableInputError) {
        message = err.hint ? `${err.message}\n${err.hint}` : err.message;
        if (err.at) position = { line: err.at.line - 1, character: err.at.column - 1 };
      } else {
        connection.console.error(`agenda: checking ${file} failed: ${(err as Error)?.stack ?? String(err)}`);
      }
      checked.delete(uri);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [{ range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: 'agenda', message }] });
      return;
    }
    const lines = new LineIndex(result.source);
    const found: Checked['found'] = [];
    for (const d of result.diagnostics) {
      if (d.file !== file) continue;
      found.push({ d, lsp: toLsp(d, diagnosticRange(d, result.source, lines)) });
    }
    const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // A translation whose original does not compile: the original's errors are said once, here.
    const elsewhere = result.diagnostics.filter((d) => d.file !== file && d.severity === 'error');
    if (kind === 'translation' && elsewhere.length) {
      const first = elsewhere[0]!;
      found.push({ d: first, lsp: { range: top, severity: DiagnosticSeverity.Error, source: 'agenda', code: first.code, message: `the original definition does not compile, so this translation cannot be checked: ${first.file}:${first.line}:${first.column} ${first.message}` } });
    }
    // A translation beside the definition that cannot be read (UTF-16, a FIFO): said at the top, naming it.
    for (const err of result.unreadable ?? []) {
      const d = unreadableDiagnostic(err);
      found.unshift({ d, lsp: { range: top, severity: DiagnosticSeverity.Error, source: 'agenda', code: d.code, message: `the translation ${err.file} cannot be read: it ${err.message}${err.hint ? `\n${err.hint}` : ''}` } });
    }
    // A configuration that cannot be used: said first, at the top of each definition it applies to.
    for (const d of [...result.configDiagnostics].reverse()) {
      found.unshift({ d, lsp: { range: top, severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: 'agenda', code: d.code, message: `the configuration ${d.file}:${d.line}:${d.column}: ${d.message}${d.hint ? `\n${d.hint}` : ''}` } });
    }
    checked.set(uri, { version: doc.version, source: result.source, lines, found });
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: found.map((f) => f.lsp) });
  };

  const schedule = (uri: string, delay = CHECK_DELAY_MS): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        try {
          validate(uri);
        } catch (err) {
          connection.console.error(`agenda: ${(err as Error).stack ?? String(err)}`);
        }
      }, delay),
    );
  };

  /**
   * The other open documents an edit of this one may change the diagnostics of: for a
   * configuration file, all of them (it applies to the folders below its own); otherwise a
   * definition's translations and a translation's original (not every file of the folder).
   */
  const neighbours = (uri: string): string[] => {
    const file = fileOf(uri);
    if (!file) return [];
    const all = isConfigFile(file);
    const original = originalOf(file);
    return documents.keys().filter((other) => {
      const path = fileOf(other);
      if (other === uri || path === undefined) return false;
      return all || path === original || originalOf(path) === file;
    });
  };
  /** A configuration file opened or closed in the editor may be one the sessions found no file for, or the last place one stood. */
  const forget = (uri: string): void => {
    const file = fileOf(uri);
    if (file && isConfigFile(file)) for (const session of sessions.values()) session.invalidate([file]);
  };

  /** The version each document was opened at: its first content event is the opening, checked at once. */
  const opened = new Map<string, number>();
  documents.onDidOpen((e) => {
    const file = fileOf(e.document.uri);
    if (file) files.set(file, e.document.getText());
    opened.set(e.document.uri, e.document.version);
    forget(e.document.uri);
    schedule(e.document.uri, 0);
    for (const other of neighbours(e.document.uri)) schedule(other);
  });
  documents.onDidChangeContent((e) => {
    if (opened.get(e.document.uri) === e.document.version) return;
    opened.delete(e.document.uri);
    const file = fileOf(e.document.uri);
    if (file) files.set(file, e.document.getText());
    schedule(e.document.uri);
    for (const other of neighbours(e.document.uri)) schedule(other);
  });
  documents.onDidClose((e) => {
    const file = fileOf(e.document.uri);
    if (file) files.set(file, undefined);
    forget(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    opened.delete(e.document.uri);
    checked.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    for (const other of neighbours(e.document.uri)) schedule(other);
  });
  // A file changed on the disk (a configuration saved elsewhere, a branch switched): check everything open again.
  // A configuration file created or deleted on the disk, or a definition, translation or emblem
  // changed there, changes the diagnostics of open files: editors other than VS Code (whose
  // extension watches them) are asked to say so.
  connection.onInitialized(() => {
    if (!registersWatchers) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/{agenda.config.yaml,.agendarc.yaml,*.yaml,*.yml,*.svg,*.png,*.pdf}' }] }).catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.map((c) => fileOf(c.uri)).filter((f): f is string => f !== undefined);
    for (const session of sessions.values()) session.invalidate(changed);
    for (const uri of documents.keys()) schedule(uri);
  });

  /**
   * The items a document's ids refer to, and the file they stand in: its own, or for a
   * translation its original's (a translated text refers to the original's items).
   */
  const itemsFor = (file: string, text: string): { outline: DefinitionOutline; uri: string; text: string } | undefined => {
    const uri = pathToFileURL(file).href;
    if (editorFileKind(file, text, (p) => files.exists(p)) !== 'translation') return { outline: definitionOutline(file, text), uri, text };
    const original = originalOf(file);
    if (!original) return undefined;
    try {
      const originalText = new TextDecoder().decode(files.read(original).bytes);
      const originalUri = documents.keys().find((k) => fileOf(k) === original) ?? pathToFileURL(original).href;
      return { outline: definitionOutline(original, originalText), uri: originalUri, text: originalText };
    } catch {
      return undefined; // unreadable: nothing to offer
    }
  };

  connection.onCodeAction((params): CodeAction[] => {
    const state = checked.get(params.textDocument.uri);
    const doc = documents.get(params.textDocument.uri);
    if (!state || !doc || state.version !== doc.version) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const versioned = { uri: doc.uri, version: state.version };
    if (wants(CodeActionKind.QuickFix)) {
      for (const { d, lsp: diagnostic } of state.found) {
        if (!d.fix || !overlaps(diagnostic.range, params.range)) continue;
        const edit: TextEdit = { range: { start: state.lines.position(d.fix.start), end: state.lines.position(d.fix.end) }, newText: d.fix.replacement };
        const from = state.source.slice(d.fix.start, d.fix.end);
        actions.push({
          title: `Replace '${from}' with '${d.fix.replacement}' (${d.code})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { documentChanges: [TextDocumentEdit.create(versioned, [edit])] },
        });
      }
    }
    if (wants(FIX_ALL) && state.found.some((f) => f.d.fix)) {
      // Asked for on every move of the cursor (no `only`): the fixes, several checks, are made
      // when the action is chosen, where the editor can resolve it; asked for by kind, at once.
      if (!only && resolvesEdits) actions.push({ title: 'Fix every certain problem, as agenda check --fix', kind: FIX_ALL, data: versioned });
      else {
        const action = fixAll(doc.uri, state);
        if (action) actions.push(action);
      }
    }
    return actions;
  });

  /** The fixes of `agenda check --fix`, each proved by checking the result: only those that hold. */
  const fixAll = (uri: string, state: NonNullable<ReturnType<typeof checked.get>>): CodeAction | undefined => {
    const file = fileOf(uri)!;
    const plan = fix(file, { session: sessionFor(file) });
    if (!plan.changes.length) return undefined;
    const edits = plan.changes.map((c): TextEdit => ({ range: { start: state.lines.position(c.start), end: state.lines.position(c.end) }, newText: c.replacement }));
    return { title: `Fix every certain problem (${plan.applied.length}), as agenda check --fix`, kind: FIX_ALL, edit: { documentChanges: [TextDocumentEdit.create({ uri, version: state.version }, edits)] } };
  };

  connection.onCodeActionResolve((action): CodeAction => {
    const target = action.data as { uri?: string; version?: number } | undefined;
    const state = target?.uri ? checked.get(target.uri) : undefined;
    const doc = target?.uri ? documents.get(target.uri) : undefined;
    // The document changed since the action was offered: nothing to apply (the editor asks again).
    if (action.kind !== FIX_ALL || !state || !doc || state.version !== target?.version || doc.version !== state.version) return action;
    return fixAll(doc.uri, state) ?? action;
  });

  connection.onHover((params): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (!doc || !file) return null;
    const text = doc.getText();
    const offset = doc.offsetAt(params.position);
    const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, (text.indexOf('\n', offset) + 1 || text.length + 1) - 1);
    const column = params.position.character;
    // A rule named in a disable comment, or in a configuration file.
    if (line.includes('agenda-disable') || isConfigFile(file)) {
      const words = [...line.matchAll(/[A-Za-z0-9-]+/g)];
      const word = words.find((m) => m.index! <= column && column <= m.index! + m[0].length);
      const rule = word && !word[0].startsWith('agenda-disable') ? ruleDocumentation(word[0]) : undefined;
      if (rule) return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(rule) } };
    }
    // An item reference or an item id: the item's title.
    const at = itemIdAt(file, text, offset);
    if (at && at.id) {
      const item = itemsFor(file, text)?.outline.byId.get(at.id);
      if (item) return { contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(at.id)}**${item.title ? `: ${escapeMarkdown(item.title)}` : ''}` }, range: { start: doc.positionAt(at.range.start), end: doc.positionAt(at.range.end) } };
    }
    // A diagnostic of a rule: the rule's documentation.
    const state = checked.get(params.textDocument.uri);
    const here = state?.found.find((f) => /^AG\d+$/.test(f.d.code) && contains(f.lsp.range, params.position));
    const rule = here && ruleDocumentation(here.d.code);
    if (rule) return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(rule) }, range: here.lsp.range };
    return null;
  });

  connection.onCompletion((params): CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (!doc || !file) return [];
    const text = doc.getText();
    const at = itemIdAt(file, text, doc.offsetAt(params.position));
    if (!at) return [];
    const range: Range = { start: doc.positionAt(at.range.start), end: doc.positionAt(at.range.end) };
    const items = itemsFor(file, text);
    if (!items) return [];
    return allItems(items.outline).map((item, i) => ({
      label: item.id!,
      kind: CompletionItemKind.Reference,
      detail: item.title,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: item.id! },
    }));
  });

  connection.onDefinition((params): Location | null => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (!doc || !file) return null;
    const text = doc.getText();
    const at = itemIdAt(file, text, doc.offsetAt(params.position));
    const items = at?.id ? itemsFor(file, text) : undefined;
    const item = items?.outline.byId.get(at!.id);
    if (!items || !item) return null;
    const place = items.uri === doc.uri ? doc : TextDocument.create(items.uri, 'yaml', 0, items.text);
    return { uri: items.uri, range: { start: place.positionAt(item.idRange.start), end: place.positionAt(item.idRange.end) } };
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const doc = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (!doc || !file || !editorFileKind(file, doc.getText(), (p) => files.exists(p))) return [];
    const outline = definitionOutline(file, doc.getText());
    const range = (r: { start: number; end: number }): Range => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });
    const itemSymbol = (item: EditorItem): DocumentSymbol => ({
      name: item.title || item.id || '(item)',
      detail: item.id,
      kind: item.path.length > 2 ? SymbolKind.Field : SymbolKind.Class,
      range: range(item.range),
      selectionRange: range(item.idRange),
      children: item.items.map(itemSymbol),
    });
    // A group of items (`group_heading`) is a symbol of its own, holding the items it groups.
    const symbols: DocumentSymbol[] = [];
    let group: DocumentSymbol | undefined;
    for (const item of outline.items) {
      if (item.groupHeading) {
        group = { name: item.groupHeading.text.trim() || '(group)', kind: SymbolKind.Namespace, range: range(item.range), selectionRange: range(item.groupHeading.range), children: [] };
        symbols.push(group);
      }
      const symbol = itemSymbol(item);
      if (!group) symbols.push(symbol);
      else {
        group.children!.push(symbol);
        group.range = { start: group.range.start, end: symbol.range.end };
      }
    }
    for (const day of outline.days) {
      symbols.push({
        name: day.date ?? '(day)',
        kind: SymbolKind.Event,
        range: range(day.range),
        selectionRange: range(day.range),
        children: day.slots.map((slot) => ({
          name: slot.time ?? '(slot)',
          detail: slot.entries.map((e) => e.id ?? e.title ?? '').join(', '),
          kind: SymbolKind.Event,
          range: range(slot.range),
          selectionRange: range(slot.range),
        })),
      });
    }
    return symbols;
  });

  documents.listen(connection);
  connection.listen();
}

/** Every item with an id, in the order of the definition (sub-items after their item). */
function allItems(outline: DefinitionOutline): EditorItem[] {
  const out: EditorItem[] = [];
  const walk = (items: EditorItem[]) => {
    for (const item of items) {
      if (item.id !== undefined && outline.byId.get(item.id) === item) out.push(item);
      walk(item.items);
    }
  };
  walk(outline.items);
  return out;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

function toLsp(d: Diagnostic, range: Range): LspDiagnostic {
  return { range, severity: SEVERITY[d.severity], source: 'agenda', code: d.code, message: d.hint ? `${d.message}\n${d.hint}` : d.message };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const overlaps = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);
const contains = (r: Range, p: Position) => before(r.start, p) && before(p, r.end);
