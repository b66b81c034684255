/**
 * No network and no code: a build of every example runs with the network unplugged (a
 * preload makes every socket, DNS, HTTP and fetch call throw) and gives the same bytes as
 * a build in this process; and loading YAML never constructs anything but plain data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/load/load.js';
import { compileSource } from '../../src/pipeline.js';
import { FORMATS } from '../../src/core/formats.js';
import { renderAll } from '../../src/core/render-all.js';
import { repoRoot } from '../helpers/reference.js';
import { translationName } from '../../src/translate/load.js';

const run = promisify(execFile);
const preload = join(repoRoot, 'test/network/deny-network.mjs');
const cli = join(repoRoot, 'bin/agenda.js');
const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f));
const unplugged = (args: string[]) => run(process.execPath, ['--import', preload, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });

describe('the network is never touched', () => {
  it('the preload does unplug it (fetch, DNS, sockets all throw)', async () => {
    const probe = `
      const tries = [
        () => fetch('http://192.0.2.1/'),
        () => require('node:dns').lookup('example.org', () => {}),
        () => require('node:net').connect(80, '192.0.2.1'),
        () => require('node:https').get('https://192.0.2.1/'),
      ];
      let denied = 0;
      for (const t of tries) { try { t(); } catch (e) { if (/NETWORK ATTEMPT/.test(e.message)) denied++; } }
      console.log(denied);`;
    const { stdout } = await unplugged(['-e', probe]);
    expect(stdout.trim()).toBe('4');
  });

  // One unplugged process builds every example (a process start and the code's loading, once).
  const out = mkdtempSync(join(tmpdir(), 'agenda-offline-'));
  let stderr = '';
  beforeAll(async () => {
    ({ stderr } = await unplugged([cli, 'build', ...examples.map((name) => join(repoRoot, 'examples', name)), '--format', 'md,html,pdf', '--out', out]));
  }, 60_000);

  it.each(examples)('building %s in md, html and pdf works unplugged and gives the same bytes', async (name) => {
    const file = join(repoRoot, 'examples', name);
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    const stem = name.replace(/\.yaml$/, '');
    const compiled = compileSource(file, readFileSync(file, 'utf8'));
    const formats = [FORMATS.md!, FORMATS.html!, FORMATS.pdf!];
    const outcome = await renderAll(compiled.model!, formats, file, compiled.loaded.locator);
    if (!outcome.ok) throw new Error(outcome.diagnostic.message);
    formats.forEach((format, i) => {
      const written = readFileSync(join(out, `${stem}.${format.extension}`));
      expect(written.equals(Buffer.from(outcome.outputs[i]!)), `${stem}.${format.extension}`).toBe(true);
    });
  }, 60_000);
});

describe('loading a definition never runs or constructs anything', () => {
  it.each([
    ['!!js/function', 'body: !!js/function "function () { globalThis.pwned = 1 }"'],
    ['!!js/undefined', 'body: !!js/undefined ""'],
    ['!!js/regexp', 'body: !!js/regexp /x/'],
    ['a local tag', 'body: !foo x'],
    ['a verbatim tag', 'body: !<tag:example.org,2025:Thing> x'],
    ['!!binary', 'body: !!binary aGVsbG8='],
    ['!!set', 'body: !!set {a, b}'],
    ['!!omap', 'body: !!omap [a: 1]'],
    ['!!timestamp', 'body: !!timestamp 2025-01-01'],
    ['a tag on a mapping', 'meeting: !!map-of-things {venue: V}'],
  ])('%s is refused with a diagnostic at the tag', (_, line) => {
    const loaded = loadDefinition('meeting.yaml', `document: {symbol: A/1, date: 2025-01-10}\n${line}\n`);
    expect(loaded.data).toBeUndefined();
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-tag', line: 2, severity: 'error' })]);
    expect(loaded.diagnostics[0]!.column).toBe(line.indexOf('!') + 1);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('plain data tags (!!str, !!int ...) are fine: they construct nothing but text and numbers', () => {
    const loaded = loadDefinition('meeting.yaml', 'body: !!str 2025\nn: !!int "7"\nitems: !!seq [a]\n');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.data).toEqual({ body: '2025', n: 7, items: ['a'] });
  });

  it('a %YAML 1.1 directive changes nothing: dates stay text, "yes" stays a word (no timestamps, no booleans)', () => {
    const loaded = loadDefinition('meeting.yaml', '%YAML 1.1\n---\ndate: 2025-01-10\nvenue: yes\nbody: !!binary aGk=\n');
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-tag', line: 5, column: 7 })]);
    const plain = loadDefinition('meeting.yaml', '%YAML 1.1\n---\ndate: 2025-01-10\nvenue: yes\n');
    expect(plain.data).toEqual({ date: '2025-01-10', venue: 'yes' });
  });

  it('a key named __proto__ stays a key, and pollutes nothing', () => {
    const loaded = loadDefinition('meeting.yaml', '__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n');
    expect(Object.keys(loaded.data as object)).toEqual(['__proto__', 'constructor']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(loaded.data)).toBe(Object.prototype);
  });
});
