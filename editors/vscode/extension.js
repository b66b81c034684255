// The VS Code side of agenda's editor support: it starts `agenda lsp --stdio` and hands it the
// YAML files of the workspace. Everything else (which files are meeting definitions, the
// diagnostics, fixes, hovers, completion, outline) is the language server's.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** The command that starts the server: the setting, the workspace's installed agenda, or agenda on the PATH. */
function serverCommand() {
  const settings = workspace.getConfiguration('agenda');
  let path = settings.get('server.path') || '';
  if (!path) {
    const name = process.platform === 'win32' ? 'agenda.cmd' : 'agenda';
    const local = (workspace.workspaceFolders || []).map((f) => join(f.uri.fsPath, 'node_modules', '.bin', name)).find((p) => existsSync(p));
    path = local || 'agenda';
  }
  // A clone's launcher (bin/agenda.js) runs with Node, not with the editor's own runtime.
  if (path.endsWith('.js')) return { command: settings.get('server.node') || 'node', args: [path, 'lsp', '--stdio'] };
  return { command: path, args: ['lsp', '--stdio'], options: { shell: process.platform === 'win32' } };
}

function activate(context) {
  const server = { ...serverCommand(), transport: TransportKind.stdio };
  client = new LanguageClient('agenda', 'agenda', server, {
    // The server answers for meeting definitions and their translations and leaves other YAML alone.
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    // A configuration file or a definition saved outside the editor: the server checks the open files again.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
