// The VS Code extension (editors/vscode/extension.js) loaded as VS Code loads it, with the
// editor's API and the language client stood in for: what it starts, and with what.
import Module, { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('../../editors/vscode/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Started {
  id: string;
  server: { command: string; args: string[]; transport: number };
  client: { documentSelector: unknown[] };
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const realLoad = moduleInternals._load;
afterEach(() => {
  moduleInternals._load = realLoad;
});

/** Activates the extension with these settings; returns the language client it started. */
async function activate(settings: Record<string, string>, workspaceFolders: string[] = []): Promise<Started> {
  const started: Started[] = [];
  class LanguageClient {
    constructor(id: string, _name: string, server: Started['server'], client: Started['client']) {
      started.push({ id, server, client });
    }
    start() {
      return Promise.resolve();
    }
    stop() {
      return Promise.resolve();
    }
  }
  const vscode = {
    workspace: {
      getConfiguration: () => ({ get: (key: string) => settings[key] }),
      workspaceFolders: workspaceFolders.map((fsPath) => ({ uri: { fsPath } })),
      createFileSystemWatcher: (glob: string) => ({ glob }),
    },
  };
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return { LanguageClient, TransportKind: { stdio: 0 } };
    return realLoad.call(this, request, parent, isMain);
  };
  const require = createRequire(join(folder, 'extension.js'));
  const path = require.resolve('./extension.js');
  delete require.cache[path];
  const extension = require(path) as { activate(context: { subscriptions: unknown[] }): Promise<void> };
  await extension.activate({ subscriptions: [] });
  expect(started).toHaveLength(1);
  return started[0]!;
}

describe('the VS Code extension', () => {
  it('is a package VS Code and vsce 3.x (Node 20) accept', () => {
    expect(existsSync(join(folder, manifest.main))).toBe(true);
    expect(manifest.activationEvents).toEqual(['onLanguage:yaml']);
    expect(manifest.dependencies['vscode-languageclient']).toBe('9.0.1');
    expect(manifest.devDependencies['@vscode/vsce']).toMatch(/^3\.\d+\.\d+$/);
    expect(manifest.scripts.package).toMatch(/^vsce package /);
  });

  it('starts agenda lsp --stdio for the YAML files of the workspace', async () => {
    const { id, server, client } = await activate({});
    expect(id).toBe('agenda');
    expect([server.command, ...server.args]).toEqual(['agenda', 'lsp', '--stdio']);
    expect(client.documentSelector).toEqual([{ scheme: 'file', language: 'yaml' }]);
  });

  it('runs a clone’s bin/agenda.js with Node, and the agenda installed in the workspace first', async () => {
    const { server } = await activate({ 'server.path': '/src/agenda/bin/agenda.js', 'server.node': '/opt/node20/bin/node' });
    expect([server.command, ...server.args]).toEqual(['/opt/node20/bin/node', '/src/agenda/bin/agenda.js', 'lsp', '--stdio']);
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // This clone: its own launcher.
    const clone = await activate({}, ['/nowhere', root]);
    expect([clone.server.command, ...clone.server.args]).toEqual(['node', join(root, 'bin', 'agenda.js'), 'lsp', '--stdio']);
    // A project with agenda installed: that one, before a clone's.
    const project = mkdtempSync(join(tmpdir(), 'agenda-vscode-'));
    try {
      mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
      const bin = join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'agenda.cmd' : 'agenda');
      writeFileSync(bin, '');
      const installed = await activate({}, [root, project]);
      expect([installed.server.command, ...installed.server.args]).toEqual([bin, 'lsp', '--stdio']);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
