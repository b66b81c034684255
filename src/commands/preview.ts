/**
 * `agenda preview meeting.yaml`: starts the preview server (src/preview/), prints its address,
 * opens it in the browser when asked, and runs until Ctrl+C (or SIGTERM, SIGHUP), which
 * closes it and ends with exit 0.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { EXIT, STOP_SIGNALS, type StopSignal } from '../exit-codes.js';
import type { LanguageCode } from '../locale/types.js';
import type { Io } from './io.js';

export interface PreviewFlags {
  port?: number;
  lang?: LanguageCode;
  open?: boolean;
  profile?: string;
  config?: string | false;
}

export async function previewCommand(file: string, flags: PreviewFlags, io: Io, signal?: AbortSignal): Promise<number> {
  // A --config path that leads to no file is a mistyped command, refused as build refuses it;
  // the mistakes inside a configuration are the page's to show, as it is edited.
  if (typeof flags.config === 'string') {
    const { readConfigFile } = await import('../config/config.js');
    const read = readConfigFile(flags.config, undefined, true);
    if (!('source' in read)) {
      const { formatStylish } = await import('../diagnostics/formatters/stylish.js');
      io.err(formatStylish([{ file: flags.config, diagnostics: read.diagnostics }], { color: io.color, totals: false }));
      return EXIT.usage;
    }
  }
  const { startPreview, PortError } = await import('../preview/server.js');
  let preview;
  try {
    preview = await startPreview({
      file: resolve(file),
      cwd: process.cwd(),
      port: flags.port,
      ...(flags.lang ? { language: flags.lang } : {}),
      profile: flags.profile,
      config: flags.config,
      log: (line) => io.err(`${visible(line)}\n`),
    });
  } catch (err) {
    if (!(err instanceof PortError)) throw err;
    io.err(`agenda: ${err.message}\n  → ${err.code === 'EADDRINUSE' ? 'choose another with --port, or leave --port out for a free one' : 'choose another port with --port'}\n`);
    return EXIT.usage;
  }
  const state = preview.state;
  io.out(`${preview.url}\n`);
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`previewing ${file}${state.ok ? '' : ` (${errors} error${errors === 1 ? '' : 's'}: shown on the page)`}; rebuilt on each save (Ctrl+C to stop)\n`);
  if (flags.open) openInBrowser(preview.url, io);

  // Until a stop signal: the server closes, the watch ends, and the exit is clean.
  await new Promise<void>((done) => {
    const handlers = new Map<StopSignal, () => void>();
    const stop = () => {
      for (const [name, handler] of handlers) process.off(name, handler);
      done();
    };
    if (signal) {
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop, { once: true });
    }
    for (const name of Object.keys(STOP_SIGNALS) as StopSignal[]) {
      const handler = () => stop();
      handlers.set(name, handler);
      process.on(name, handler);
    }
  });
  await preview.close();
  return EXIT.ok;
}

/** The system's way to open an address in the default browser; a failure is said, never fatal. */
function openInBrowser(url: string, io: Io): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => io.err(`agenda: could not open a browser (${command}); open ${url} yourself\n`));
    child.unref();
  } catch {
    io.err(`agenda: could not open a browser (${command}); open ${url} yourself\n`);
  }
}

/**
 * A line with the control characters a file name may hold written as escapes: ESC would start
 * a terminal sequence, a line feed forge a line, a bidi control show a name reversed.
 */
const visible = (line: string): string => line.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
