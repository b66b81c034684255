/**
 * The preview server without a browser: what it listens on, what each path serves, the
 * rebuilds a save of the definition or of its translation brings, and the command's start
 * and clean stop as a process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hostIsLoopback, PortError, PREVIEW_HOST, startPreview, type Preview } from '../../src/preview/server.js';
import { escapeHtml, previewPage } from '../../src/preview/page.js';
import { repoRoot } from '../helpers/reference.js';
import { copyExample, copyFrom, edit, removeScratches, withTimeout } from './helpers.js';

afterAll(removeScratches);

let preview: Preview | undefined;
afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

async function start(file: string, options: { language?: 'fr' } = {}): Promise<Preview> {
  preview = await startPreview({ file, cwd: dirname(file), ...options });
  return preview;
}

/** A GET with a Host header of our choosing (fetch will not send another). */
function get(url: string, host?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const refused = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.on('connect', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(true));
  });

async function pdfText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
  await pdf.destroy();
  return text;
}

describe('agenda preview: the server', () => {
  it('listens on 127.0.0.1 alone and answers only requests that name the loopback', async () => {
    const p = await start(copyExample('minimal.yaml'));
    expect(p.url).toBe(`http://127.0.0.1:${p.port}/`);
    expect((await get(p.url)).status).toBe(200);
    expect((await get(p.url, `localhost:${p.port}`)).status).toBe(200);
    // Another interface of this machine is not listened on.
    const other = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (other) expect(await refused(other.address, p.port)).toBe(true);
    // A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) is refused.
    const rebound = await get(p.url, `attacker.example:${p.port}`);
    expect(rebound.status).toBe(403);
    expect(hostIsLoopback(`127.0.0.1:${p.port + 1}`, p.port)).toBe(false);
    // On port 80 a browser sends the name alone; on any other port the name alone is not the preview.
    expect(hostIsLoopback('localhost', 80)).toBe(true);
    expect(hostIsLoopback('127.0.0.1', 80)).toBe(true);
    expect(hostIsLoopback('127.0.0.1', p.port)).toBe(false);
    expect(hostIsLoopback('attacker.example', 80)).toBe(false);
    expect(PREVIEW_HOST).toBe('127.0.0.1');
  });

  it('says so when the port asked for is in use', async () => {
    const file = copyExample('minimal.yaml');
    const p = await start(file);
    const second = startPreview({ file, cwd: dirname(file), port: p.port });
    await expect(second).rejects.toBeInstanceOf(PortError);
    await expect(second).rejects.toMatchObject({ code: 'EADDRINUSE', message: `port ${p.port} is in use` });
  });

  it('serves its page under a policy that loads nothing from elsewhere, and the HTML as build writes it', async () => {
    const file = copyExample('minimal.yaml');
    const p = await start(file);
    const page = await get(p.url);
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self';/);
    expect(page.body.toString()).not.toMatch(/https?:\/\//);
    expect(page.body.toString()).not.toMatch(/<script>|<style>| on\w+=/); // nothing inline
    const html = await get(`${p.url}document.html`);
    expect(html.status).toBe(200);
    const { buildSource } = await import('../../src/core/build.js');
    const built = await buildSource(file, readFileSync(file, 'utf8'), { formats: ['html'] }, { diagnostics: [] });
    expect(html.body.toString()).toBe(built.outputs![0]!.data);
    // No script of the preview's in the document.
    expect(html.body.toString()).not.toContain('preview.js');
    expect((await get(`${p.url}nothing`)).status).toBe(404);
  });

  it('serves the PDF at its own path, made again after a save', async () => {
    const file = copyExample('minimal.yaml');
    const p = await start(file);
    const first = await get(`${p.url}document.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(new Uint8Array(first.body))).toContain('Adoption of the agenda');
    await edit(p, file, 'title: Adoption of the agenda', 'title: Adoption of the revised agenda');
    expect(await pdfText(new Uint8Array((await get(`${p.url}document.pdf`)).body))).toContain('Adoption of the revised agenda');
  });

  it('keeps the last good page when a save brings errors, and reports them with line and column', async () => {
    const file = copyExample('minimal.yaml');
    const p = await start(file);
    const broken = await edit(p, file, 'dates: 2025-03-03', 'dates: 2025-13-03');
    expect(broken.ok).toBe(false);
    expect(broken.good).toBe(1);
    expect(broken.diagnostics[0]).toMatchObject({ where: 'minimal.yaml:9:10', severity: 'error' });
    expect((await get(`${p.url}document.html`)).body.toString()).toContain('Adoption of the agenda');
    const fixed = await edit(p, file, 'dates: 2025-13-03', 'dates: 2025-03-04');
    expect(fixed).toMatchObject({ ok: true, good: fixed.version, diagnostics: [] });
  });

  it('starts on a definition with errors, with no page until a save fixes them', async () => {
    const file = copyExample('minimal.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dates: 2025-03-03', 'dates: 2025-13-03'));
    const p = await start(file);
    expect(p.state).toMatchObject({ version: 1, good: 0, ok: false });
    expect(p.state.diagnostics.map((d) => d.where)).toEqual(['minimal.yaml:9:10']);
    expect((await get(`${p.url}document.html`)).status).toBe(404);
    expect((await get(`${p.url}document.pdf`)).status).toBe(404);
    const fixed = await edit(p, file, 'dates: 2025-13-03', 'dates: 2025-03-03');
    expect(fixed).toMatchObject({ version: 2, good: 2, ok: true });
    expect((await get(`${p.url}document.html`)).status).toBe(200);
  });

  it('builds the language version asked for, and rebuilds when its translation is saved', async () => {
    const file = copyExample('ctoc-cop-wg3-2023.yaml', 'ctoc-cop-wg3-2023.fr.yaml');
    const p = await start(file, { language: 'fr' });
    const html = (await get(`${p.url}document.html`)).body.toString();
    expect(html).toMatch(/<html[^>]* lang="fr"/);
    expect(html).toContain('Vienne');
    const state = await edit(p, file.replace('.yaml', '.fr.yaml'), 'text: Vienne', 'text: Vienne (Autriche)');
    expect(state.ok).toBe(true);
    expect((await get(`${p.url}document.html`)).body.toString()).toContain('Vienne (Autriche)');
  });

  it('rebuilds when a configuration file appears beside the definition, and applies it', async () => {
    const file = copyExample('minimal.yaml');
    const p = await start(file);
    const next = p.nextBuild();
    writeFileSync(join(dirname(file), 'agenda.config.yaml'), 'rules:\n  no-such-rule: error\n');
    const state = await withTimeout(next, 10_000, 'no rebuild after the configuration file was created');
    expect(state.diagnostics).toMatchObject([{ where: 'agenda.config.yaml:2:3', severity: 'error', code: 'config', message: "unknown rule 'no-such-rule'" }]);
  });

  it('rebuilds when a file the definition names is saved (the emblem)', async () => {
    const file = copyFrom('test/fixtures/emblem', 'with-emblem.yaml', 'emblem.svg');
    const p = await start(file);
    const before = (await get(`${p.url}document.html`)).body.toString();
    const state = await edit(p, join(dirname(file), 'emblem.svg'), 'r="46"', 'r="40"');
    expect(state.ok).toBe(true);
    const after = (await get(`${p.url}document.html`)).body.toString();
    expect(after).not.toBe(before);
    expect(after.replace(/data:image\/svg\+xml;base64,[^"]*/g, '')).toBe(before.replace(/data:image\/svg\+xml;base64,[^"]*/g, ''));
  });

  it('shows a deleted definition as an error, and the page again when it is back', async () => {
    const file = copyExample('minimal.yaml');
    const p = await start(file);
    const text = readFileSync(file, 'utf8');
    const gone = p.nextBuild();
    const { rmSync } = await import('node:fs');
    rmSync(file);
    const state = await withTimeout(gone, 10_000, 'no rebuild after the deletion');
    expect(state.ok).toBe(false);
    expect(state.diagnostics[0]).toMatchObject({ where: 'minimal.yaml:1:1', code: 'unreadable' });
    const back = p.nextBuild();
    writeFileSync(file, text);
    expect((await withTimeout(back, 10_000, 'no rebuild after the file came back')).ok).toBe(true);
  });

  it('escapes the name of the definition in its page', () => {
    const page = previewPage('<img src=x onerror=alert(1)>.yaml', false);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.yaml');
    expect(page).not.toContain('<img');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});

describe('agenda preview: the command', () => {
  const bin = join(repoRoot, 'bin/agenda.js');
  const built = existsSync(join(repoRoot, 'dist/cli.js'));

  it.runIf(process.platform !== 'win32' && built)('prints its address, serves the page, and ends with exit 0 on Ctrl+C', async () => {
    const file = copyExample('minimal.yaml');
    const child = spawn('node', [bin, 'preview', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await withTimeout(
      new Promise<string>((found) => child.stdout.on('data', (d: Buffer) => /^http:\/\/127\.0\.0\.1:\d+\/\n/.test((out += d.toString())) && found(out.trim()))),
      15_000,
      'no address printed',
    );
    expect((await get(url)).status).toBe(200);
    child.kill('SIGINT');
    expect(await withTimeout(exited, 10_000, 'still running after Ctrl+C')).toBe(0);
    expect(err).toContain('previewing');
    expect(err).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it.runIf(built)('refuses a port that is not a number, a definition that is not there and a --config file that is not there (exit 2)', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const child = spawn('node', [bin, 'preview', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => done({ code, err }));
      });
    const port = await run([copyExample('minimal.yaml'), '--port', '80000']);
    expect(port).toMatchObject({ code: 2 });
    expect(port.err).toContain("--port takes a port number from 0 to 65535, not '80000'");
    const missing = await run([join(dirname(copyExample('minimal.yaml')), 'absent.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/absent\.yaml/);
    expect(missing.err).not.toMatch(/internal error/);
    // A --config path that leads to no file, as build refuses it.
    const config = await run([copyExample('minimal.yaml'), '--config', join(dirname(copyExample('minimal.yaml')), 'nope.yaml')]);
    expect(config.code).toBe(2);
    expect(config.err).toMatch(/nope\.yaml:1:1: error cannot read the configuration: file not found \[config\]\n {2}→ check the path given to --config/);
  });
});
