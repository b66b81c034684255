// The language server as an editor meets it: `agenda lsp --stdio` (the built CLI, dist/)
// spawned and spoken to over its standard streams by the protocol's own client library.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  RegistrationRequest,
  type Registration,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A definition with three mistakes, each with a certain fix: "percent", and two ranges written with hyphens. */
const DEFINITION = `# yaml-language-server: $schema=../schemas/meeting.schema.json
${MINIMAL}  - id: report
    title: Report on 50 percent of cases
    annotation: The meeting will run from 10 a.m. - 1 p.m. on 5-7 March, see {agenda-item:adoption}.
    items:
      - id: draft
        title: Draft report
organization_of_work:
  - date: 2025-03-03
    slots:
      - time: 10:00-13:00
        items: [adoption, report]
`;

let dir: string;
let child: ChildProcess;
let connection: ProtocolConnection;
const published: PublishDiagnosticsParams[] = [];
const waiting: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

/** The diagnostics the server publishes for a version of a document. */
function diagnosticsOf(uri: string, version: number, from = 0): Promise<PublishDiagnosticsParams> {
  const found = published.slice(from).find((p) => p.uri === uri && p.version === version);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => waiting.push({ uri, version, resolve }));
}

const docs = new Map<string, TextDocument>();

/** Opens a document in the server and returns what it publishes for it. */
async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = pathToFileURL(join(dir, name)).href;
  docs.set(uri, TextDocument.create(uri, 'yaml', 1, text));
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return { uri, diagnostics: (await diagnosticsOf(uri, 1)).diagnostics };
}

/** Applies a code action's edits as an editor does, sends the change and returns the diagnostics of the new version. */
async function apply(action: CodeAction): Promise<Diagnostic[]> {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  const doc = docs.get(change.textDocument.uri)!;
  expect(change.textDocument.version).toBe(doc.version);
  const text = TextDocument.applyEdits(doc, change.edits);
  const next = TextDocument.update(doc, [{ text }], doc.version + 1);
  docs.set(doc.uri, next);
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: next.version }, contentChanges: [{ text }] });
  return (await diagnosticsOf(doc.uri, next.version)).diagnostics;
}

/** The position of the `n`-th character of `needle` in a document's text. */
function at(uri: string, needle: string, n = 0): { line: number; character: number } {
  const doc = docs.get(uri)!;
  const i = doc.getText().indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  return doc.positionAt(i + n);
}

beforeAll(async () => {
  // The server runs from the build, as an editor starts it (npm test builds it first: pretest).
  if (!existsSync(join(root, 'dist/agenda.js'))) throw new Error('dist/agenda.js is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'agenda-lsp-'));
  child = spawn(process.execPath, [join(root, 'bin/agenda.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiting.filter((x) => x.uri === p.uri && x.version === p.version)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(p);
    }
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'meetings' }] });
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(() => {
  child?.kill();
  connection?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('agenda lsp --stdio', () => {
  let uri: string;

  it('publishes the three mistakes of a definition at their ranges, as the check reports them', async () => {
    const opened = await open('meeting.yaml', DEFINITION);
    uri = opened.uri;
    expect(opened.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range }))).toEqual([
      { code: 'AG028', severity: 1, range: { start: { line: 12, character: 24 }, end: { line: 12, character: 31 } } },
      { code: 'AG027', severity: 2, range: { start: { line: 13, character: 49 }, end: { line: 13, character: 52 } } },
      { code: 'AG024', severity: 2, range: { start: { line: 13, character: 63 }, end: { line: 13, character: 64 } } },
    ]);
    expect(opened.diagnostics[0]!.message).toBe("'percent' should be written 'per cent'\nwrite 'per cent'");
    expect(opened.diagnostics[0]!.source).toBe('agenda');
  });

  it('offers the fix of one diagnostic as a quick fix, and the check of the fixed text drops it', async () => {
    const percent = at(uri, 'percent');
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: percent, end: percent }, context: { diagnostics: [], only: ['quickfix'] } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(["Replace 'percent' with 'per cent' (AG028)"]);
    const after = await apply(actions[0]!);
    expect(docs.get(uri)!.getText()).toContain('Report on 50 per cent of cases');
    expect(after.map((d) => d.code)).toEqual(['AG027', 'AG024']);
  });

  it('fixes every certain problem at once, as agenda check --fix, and then publishes none', async () => {
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('source.fixAll.agenda');
    const after = await apply(actions[0]!);
    expect(docs.get(uri)!.getText()).toContain('from 10 a.m.–1 p.m. on 5–7 March');
    expect(after).toEqual([]);
  });

  it('shows a rule’s documentation on its code in a disable comment', async () => {
    const { uri: other } = await open('disabled.yaml', DEFINITION.replace('  - id: report\n', '  # agenda-disable-next-line AG028 -- quoted from the decision\n  - id: report\n'));
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: at(other, 'AG028', 2) });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toMatch(/^\*\*AG028 per-cent\*\* · editorial rule · error by default · fixable by `agenda check --fix`/);
    expect(value).toContain('Source: ');
    // On a diagnostic of a rule, the same documentation.
    const onDiagnostic = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: at(other, '5-7', 1) });
    expect((onDiagnostic!.contents as MarkupContent).value).toMatch(/^\*\*AG024 date-range\*\*/);
    // On a rule's name in a configuration file.
    const { uri: config } = await open('elsewhere/agenda.config.yaml', 'rules:\n  per-cent: warning\n');
    const inConfig = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: config }, position: at(config, 'per-cent', 3) });
    expect((inConfig!.contents as MarkupContent).value).toMatch(/^\*\*AG028 per-cent\*\*/);
    // On an item reference, the item's title.
    const onReference = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: at(other, '{agenda-item:adoption}', 16) });
    expect((onReference!.contents as MarkupContent).value).toBe('**adoption**: Adoption of the agenda');
    // Elsewhere, nothing.
    expect(await connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: at(other, 'Ad Hoc') })).toBeNull();
  });

  it('completes item ids in an item reference and in the organization of work', async () => {
    const inReference = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at(uri, '{agenda-item:adoption}', 15) })) as CompletionItem[];
    expect(inReference.map((c) => [c.label, c.detail])).toEqual([
      ['adoption', 'Adoption of the agenda'],
      ['report', 'Report on 50 per cent of cases'],
      ['draft', 'Draft report'],
    ]);
    // The whole id is replaced, not only what stands before the cursor.
    const edit = inReference[0]!.textEdit as { range: { start: { character: number }; end: { character: number } } };
    expect(edit.range.end.character - edit.range.start.character).toBe('adoption'.length);
    const inSlot = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at(uri, 'report]', 3) })) as CompletionItem[];
    expect(inSlot.map((c) => c.label)).toEqual(['adoption', 'report', 'draft']);
    // In a title, none.
    expect(await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at(uri, 'Draft report', 3) })).toEqual([]);
  });

  it('goes from a reference to its item', async () => {
    const location = (await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at(uri, '{agenda-item:adoption}', 16) })) as Location;
    expect(location).toEqual({ uri, range: { start: at(uri, 'adoption\n'), end: at(uri, 'adoption\n', 8) } });
    const fromSlot = (await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at(uri, 'report]', 1) })) as Location;
    expect(fromSlot.range.start).toEqual(at(uri, 'report\n'));
  });

  it('gives the outline: items with their sub-items, days with their slots', async () => {
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const shape = (s: DocumentSymbol): unknown => [s.name, s.detail ?? null, (s.children ?? []).map(shape)];
    expect(symbols.map(shape)).toEqual([
      ['Adoption of the agenda', 'adoption', []],
      ['Report on 50 per cent of cases', 'report', [['Draft report', 'draft', []]]],
      ['2025-03-03', null, [['10:00-13:00', 'adoption, report', []]]],
    ]);
  });

  it('gives a group of items a symbol of its own, which holds the items it groups', async () => {
    const text = readFileSync(join(repoRoot, 'test/fixtures/group-headings.yaml'), 'utf8');
    const { uri: grouped } = await open('grouped.yaml', text);
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: grouped } })) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.detail)])).toEqual([
      ['Election of officers', []],
      ['Adoption of the agenda and other organizational matters', []],
      ['Operational segment[^joint]', ['policy']],
      ['Normative segment', ['treaties', 'trends']],
      ['Other matters of the session', ['other', 'report']],
    ]);
    // Its range runs from its first item to its last; the heading is what it selects.
    const normative = symbols[3]!;
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    expect([normative.range.start.line, normative.selectionRange.start.line, normative.range.end.line]).toEqual([lineOf('- id: treaties'), lineOf('Normative segment'), lineOf('- id: other')]);
  });

  it('reports a schema mistake at the key, and ignores YAML that is not a definition', async () => {
    const { diagnostics } = await open('typo.yaml', DEFINITION.replace('  venue:', '  venu:'));
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([['schema', { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } }]]);
    // A text the compiler refuses to read: said at the character, not as a failure of the server.
    const { diagnostics: nul } = await open('nul.yaml', DEFINITION.replace('New York', 'New\u0000York'));
    expect(nul).toHaveLength(1);
    expect(nul[0]!.range.start).toEqual({ line: 6, character: 12 });
    expect(nul[0]!.message).toMatch(/NUL|null/i);
    const { diagnostics: none } = await open('workflow.yaml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    expect(none).toEqual([]);
  });

  it('checks under the configuration of the file’s folder, as typed in the editor', async () => {
    const sub = join(dir, 'quiet');
    mkdirSync(sub);
    writeFileSync(join(sub, 'agenda.config.yaml'), 'rules:\n  AG028: off\n');
    const { diagnostics } = await open('quiet/meeting.yaml', DEFINITION);
    expect(diagnostics.map((d) => d.code)).toEqual(['AG027', 'AG024']);
    // The configuration's unsaved text counts: a broken one is said at the top of the definition.
    const from = published.length;
    const config = await open('quiet/agenda.config.yaml', 'rules:\n  AG028: sometimes\n');
    // In the configuration file itself, at its place.
    expect(config.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message.split('\n')[0]])).toEqual([['config', 1, 9, "'sometimes' is not a severity"]]);
    const again = (await diagnosticsOf(pathToFileURL(join(sub, 'meeting.yaml')).href, 1, from)).diagnostics;
    // No rule runs under it, as in the CLI (exit 2): run with defaults, they would say what it meant to change. The mistake is said at the top.
    expect(again.map((d) => [d.code, d.range.start.line])).toEqual([['config', 0]]);
    expect(again[0]!.message).toMatch(/^the configuration .*agenda\.config\.yaml:2:10: 'sometimes' is not a severity/);
  });

  it('says at the top of a definition that a translation beside it cannot be read, naming it', async () => {
    const sub = join(dir, 'utf16');
    mkdirSync(sub);
    writeFileSync(join(sub, 'meeting.fr.yaml'), Buffer.from('\ufefflanguage: fr\n', 'utf16le'));
    const { diagnostics } = await open('utf16/meeting.yaml', DEFINITION);
    const first = diagnostics[0]!;
    expect([first.code, first.range.start.line, first.severity]).toEqual(['unreadable', 0, 1]);
    expect(first.message).toBe(`the translation ${join(sub, 'meeting.fr.yaml')} cannot be read: it is encoded in UTF-16\nsave the file as UTF-8`);
    // The definition's own diagnostics still stand.
    expect(diagnostics.map((d) => d.code)).toContain('AG028');
  });

  it('finds a configuration file created in the editor after the definition was checked', async () => {
    const sub = join(dir, 'later');
    mkdirSync(join(sub, 'deeper'), { recursive: true });
    const { uri: later, diagnostics } = await open('later/deeper/meeting.yaml', DEFINITION);
    expect(diagnostics.map((d) => d.code)).toEqual(['AG028', 'AG027', 'AG024']);
    const from = published.length;
    await open('later/agenda.config.yaml', 'rules:\n  time-range: off\n');
    expect((await diagnosticsOf(later, 1, from)).diagnostics.map((d) => d.code)).toEqual(['AG028', 'AG024']);
  });

  it('places a translation’s diagnostics at its own lines', async () => {
    writeFileSync(join(dir, 'meeting.yaml'), DEFINITION);
    const { diagnostics } = await open('meeting.fr.yaml', 'language: fr\ntexts:\n  items[adoption].title:\n    text: Adoption de l’ordre du jour\n    source: abcdefghij\n  items[nope].title:\n    text: Rien\n');
    const lines = diagnostics.map((d) => [d.code, d.range.start.line]);
    expect(lines).toContainEqual(['translation-outdated', 4]);
    expect(lines).toContainEqual(['translation-extra', 5]);
  });

  it('completes and follows item ids in a translation to its original’s items', async () => {
    const { uri: es } = await open('meeting.es.yaml', 'language: es\ntexts:\n  items[report].annotation:\n    text: Véase el {agenda-item:adoption}.\n    source: abcdefghij\n');
    const items = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: es }, position: at(es, '{agenda-item:', 13) })) as CompletionItem[];
    expect(items.map((c) => c.label)).toEqual(['adoption', 'report', 'draft']);
    const location = (await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: es }, position: at(es, 'adoption}', 2) })) as Location;
    expect(location.uri).toBe(uri);
    expect(location.range.start).toEqual(at(uri, 'adoption\n'));
  });

  it('checks again only once typing pauses: of quick successive versions, only the last is published', async () => {
    const { uri: typed } = await open('typed.yaml', DEFINITION);
    const doc = docs.get(typed)!;
    let text = doc.getText();
    for (const version of [2, 3, 4]) {
      text = text.replace('50 per', `5${version} per`).replace('50 percent', `5${version} percent`);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: typed, version }, contentChanges: [{ text }] });
    }
    const last = await diagnosticsOf(typed, 4);
    expect(last.diagnostics.map((d) => d.code)).toEqual(['AG028', 'AG027', 'AG024']);
    expect(published.filter((p) => p.uri === typed).map((p) => p.version)).toEqual([1, 4]);
  });

  it('places diagnostics and fixes of a file with CRLF line ends at the editor’s lines and characters', async () => {
    const { uri: crlf, diagnostics } = await open('crlf.yaml', DEFINITION.replace(/\n/g, '\r\n'));
    expect(diagnostics[0]!.range).toEqual({ start: { line: 12, character: 24 }, end: { line: 12, character: 31 } });
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: crlf }, range: diagnostics[0]!.range, context: { diagnostics: [], only: ['quickfix'] } })) as CodeAction[];
    expect(await apply(actions[0]!)).toHaveLength(2);
    expect(docs.get(crlf)!.getText()).toContain('    title: Report on 50 per cent of cases\r\n');
  });

  it('ends when the client shuts it down', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
  });
});

describe('agenda lsp --stdio, with an editor that resolves actions when they are chosen', () => {
  it('offers "fix every certain problem" without working it out on every move of the cursor, makes its edit when chosen, and asks the editor to watch the configuration files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'agenda-lsp-resolve-'));
    const server = spawn(process.execPath, [join(root, 'bin/agenda.js'), 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
    const client = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    try {
      const file = join(folder, 'meeting.yaml');
      writeFileSync(file, DEFINITION);
      const uri = pathToFileURL(file).href;
      const diagnostics = new Promise<void>((resolve) => client.onNotification(PublishDiagnosticsNotification.type, (p) => p.uri === uri && resolve()));
      const registered: Registration[] = [];
      client.onRequest(RegistrationRequest.type, (p) => void registered.push(...p.registrations));
      client.listen();
      await client.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: null,
        capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      });
      await client.sendNotification(InitializedNotification.type, {});
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: DEFINITION } });
      await diagnostics;
      // The lightbulb's request: no `only`.
      const offered = (await client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
      const all = offered.find((a) => a.kind === 'source.fixAll.agenda')!;
      expect(all.edit).toBeUndefined();
      const chosen = await client.sendRequest(CodeActionResolveRequest.type, all);
      const edits = (chosen.edit!.documentChanges![0] as TextDocumentEdit).edits.map((e) => e.newText);
      expect(edits).toEqual(expect.arrayContaining(['per cent']));
      expect(edits.length).toBe(3);
      // An editor that can watch files for the server is asked to watch the configuration files and the definitions.
      expect(registered.map((r) => r.method)).toEqual(['workspace/didChangeWatchedFiles']);
      expect(JSON.stringify(registered[0]!.registerOptions)).toContain('agenda.config.yaml');
    } finally {
      server.kill();
      client.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
