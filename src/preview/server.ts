/**
 * `agenda preview`: an HTTP server on 127.0.0.1 that shows a definition's HTML as it is saved.
 *
 *   /               the preview page (page.ts): the HTML in a frame, the diagnostics over it
 *   /split          the same with the PDF beside the HTML
 *   /document.html  the last good HTML, the bytes `agenda build` writes
 *   /document.pdf   its PDF, made on the first request after each good build
 *   /events         server-sent events: the state after each build
 *
 * Only the loopback interface is listened on, and requests must name it in their Host header
 * (a web page elsewhere cannot reach the server through a name of its own that resolves to
 * 127.0.0.1). Saves are noticed by watching the folders of the files the build read (folder-watch.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { PreviewBuilder, type PreviewOptions } from './builder.js';
import { watchFolder, type FolderWatch } from './folder-watch.js';
import { PAGE_CSP, PREVIEW_CSS, PREVIEW_JS, previewPage, type PreviewState } from './page.js';

/** The only address the preview listens on. */
export const PREVIEW_HOST = '127.0.0.1';

export interface StartOptions extends PreviewOptions {
  /** The port to listen on; 0 (the default) for a free one. */
  port?: number;
  /** Where to say what happens (a rebuild, an internal error). */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  port: number;
  /** The state of the last build. */
  readonly state: PreviewState;
  /** Resolves after the next build ends (for tests and scripts). */
  nextBuild(): Promise<PreviewState>;
  /** Stops watching, ends the open event streams and closes the server. */
  close(): Promise<void>;
}

/** A port that is taken or not ours to use: the command says so and ends (exit 2). */
export class PortError extends Error {
  constructor(
    readonly port: number,
    readonly code: string,
  ) {
    super(code === 'EADDRINUSE' ? `port ${port} is in use` : `cannot listen on ${PREVIEW_HOST}:${port} (${code})`);
  }
}

/** Builds the definition once (an unreadable one throws), then serves it and rebuilds on each save. */
export async function startPreview(options: StartOptions): Promise<Preview> {
  const log = options.log ?? (() => undefined);
  const builder = new PreviewBuilder(options);
  await builder.build([], true);
  const name = basename(options.file);

  const streams = new Set<ServerResponse>();
  const waiting: ((state: PreviewState) => void)[] = [];
  const publish = (state: PreviewState) => {
    const event = `event: state\ndata: ${JSON.stringify(state)}\n\n`;
    for (const res of streams) res.write(event);
    for (const resolve of waiting.splice(0)) resolve(state);
  };

  let port = 0;
  const server = createServer((req, res) => {
    void respond(req, res).catch((err: unknown) => {
      log(`agenda: internal error while serving ${req.url ?? ''}: ${(err as Error)?.message ?? String(err)}. This is a bug: please report it.`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A name other than the loopback's is a page elsewhere reaching in through DNS (rebinding).
    if (!hostIsLoopback(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'the preview answers requests to 127.0.0.1 and localhost only\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    const path = new URL(req.url ?? '/', `http://${PREVIEW_HOST}`).pathname;
    switch (path) {
      case '/':
      case '/split':
        return send(res, 200, 'text/html; charset=utf-8', previewPage(name, path === '/split'), { 'Content-Security-Policy': PAGE_CSP });
      case '/preview.js':
        return send(res, 200, 'text/javascript; charset=utf-8', PREVIEW_JS);
      case '/preview.css':
        return send(res, 200, 'text/css; charset=utf-8', PREVIEW_CSS);
      case '/document.html': {
        const html = builder.html;
        // The page keeps its own policy (a meta element); the header adds that only the preview may frame it.
        if (html === undefined) return send(res, 404, 'text/plain; charset=utf-8', 'no page yet: the definition has errors\n');
        return send(res, 200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': "frame-ancestors 'self'" });
      }
      case '/document.pdf': {
        const made = builder.pdfOfPage();
        if (!made) return send(res, 404, 'text/plain; charset=utf-8', 'no PDF yet: the definition has errors\n');
        const pdf = await made;
        if (!(pdf instanceof Uint8Array)) return send(res, 500, 'text/plain; charset=utf-8', `the PDF could not be made: ${pdf.problem}\n`);
        return send(res, 200, 'application/pdf', pdf, { 'Content-Disposition': `inline; filename="${name.replace(/\.[^.]*$/, '').replace(/[^\w.-]/g, '_')}.pdf"` });
      }
      case '/events': {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        if (req.method === 'HEAD') return void res.end();
        res.write(`retry: 1000\nevent: state\ndata: ${JSON.stringify(builder.state)}\n\n`);
        streams.add(res);
        res.on('close', () => streams.delete(res));
        return;
      }
      default:
        return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new PortError(options.port ?? 0, err.code ?? err.message)));
    server.listen({ host: PREVIEW_HOST, port: options.port ?? 0, exclusive: true }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  // Saves: every path the builds read or looked for that is not a folder (a folder is looked
  // for only as the mark of a project's root). Their folders are watched, not the files: a
  // file deleted and written again, or created later (a translation, a configuration file),
  // is seen as well as one saved in place, whatever the editor does. One watcher per folder,
  // blind to everything in it but the files of interest, and reading none of it
  // (folder-watch.ts): the folders above the definition may hold thousands of entries.
  const watched = new Set<string>();
  const watchers = new Map<string, FolderWatch>();
  const watchOne = (folder: string) => {
    // A folder that cannot be watched (the system's limit of watches reached) is said; the preview goes on.
    const onError = (err: Error) => log(`agenda: cannot watch ${folder}: ${err?.message ?? String(err)}`);
    watchers.set(folder, watchFolder(folder, { watches: (p) => watched.has(p), onChange, onError }));
  };
  const watchMore = () => {
    const more = [options.file, ...builder.seen].filter((p) => !watched.has(p) && !isFolder(p));
    for (const p of more) watched.add(p);
    const folders = [...new Set(more.map((p) => dirname(p)))].filter((d) => !watchers.has(d));
    folders.forEach(watchOne);
  };
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  let closing = false;
  const drain = async () => {
    try {
      while (pending.size && !closing) {
        const changed = [...pending].sort();
        pending.clear();
        try {
          const state = await builder.build(changed);
          const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
          log(state.ok ? `${state.at} rebuilt` : `${state.at} not rebuilt: ${errors} error${errors === 1 ? '' : 's'}, the first at ${state.diagnostics[0]?.where ?? ''}`);
          publish(state);
        } catch (err) {
          // A build that throws is a bug; the preview goes on, and the next save tries again.
          log(`agenda: internal error during the rebuild: ${(err as Error)?.message ?? String(err)}. This is a bug: please report it.`);
        }
        // Not while closing: a watcher made after close() took its list would keep the process alive.
        if (!closing) watchMore();
      }
    } finally {
      running = undefined;
    }
  };
  const onChange = (path: string) => {
    if (!watched.has(path)) return;
    pending.add(path);
    running ??= drain();
  };
  watchMore();

  let closed: Promise<void> | undefined;
  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    port,
    get state() {
      return builder.state;
    },
    nextBuild: () => new Promise<PreviewState>((resolve) => waiting.push(resolve)),
    close: () =>
      (closed ??= (async () => {
        closing = true;
        // The rebuild under way first, then every watcher, those it may have added included.
        await running;
        for (const w of watchers.values()) w.close();
        for (const res of streams) res.end();
        streams.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })()),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Whether a Host header names the loopback at the preview's port (127.0.0.1 or localhost). */
export function hostIsLoopback(host: string | undefined, port: number): boolean {
  // Browsers leave the default port out of the header.
  const named = (name: string) => host === `${name}:${port}` || (port === 80 && host === name);
  return named(PREVIEW_HOST) || named('localhost');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
