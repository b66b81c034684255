// The VS Code side of agenda's editor support: it starts `agenda lsp --stdio` and hands it the
// YAML files of the workspace. Everything else (which files are meeting definitions, the
// diagnostics, fixes, hovers, completion, outline) is the language server's.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** Whether a folder is a clone of agenda itself (its launcher is bin/agenda.js). */
function isClone(folder) {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    return Boolean(manifest.bin && manifest.bin.agenda === 'bin/agenda.js') && existsSync(join(folder, 'bin', 'agenda.js'));
  } catch {
    return false;
  }
}

/**
 * The command that starts the server: the setting; else the agenda installed in a workspace
 * folder (node_modules/.bin), or the folder's own launcher when it is a clone of agenda; else
 * agenda on the PATH.
 */
function serverCommand() {
  const settings = workspace.getConfiguration('agenda');
  let path = settings.get('server.path') || '';
  if (!path) {
    const name = process.platform === 'win32' ? 'agenda.cmd' : 'agenda';
    const folders = (workspace.workspaceFolders || []).map((f) => f.uri.fsPath);
    const installed = folders.map((f) => join(f, 'node_modules', '.bin', name)).find((p) => existsSync(p));
    const clone = folders.find(isClone);
    path = installed || (clone ? join(clone, 'bin', 'agenda.js') : 'agenda');
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
