/**
 * The manifest is read back, replayed to the terminal and decides the exit code: a tampered
 * or damaged entry must cost a rebuild of its file, never a wrong exit code, a message that
 * is not the build's ("undefined:undefined"), or a control sequence sent to the terminal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MANIFEST_NAME, readManifest, sealed, type ManifestEntry } from '../../src/batch/manifest.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';

const dir = mkdtempSync(join(tmpdir(), 'agenda-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

type Raw = Record<string, unknown> & { diagnostics: Record<string, unknown>[] };

describe('a tampered manifest', () => {
  // A definition with a rule error, written anyway (--allow-errors): its exit code is 1,
  // also when a rerun finds it up to date and replays its diagnostics from the manifest.
  const file = join(dir, 'meeting.yaml');
  const out = join(dir, 'out');
  writeFileSync(file, exampleDefinition({ items: itemsWithAnnotation('Some 70 percent of it.') }));
  const build = () => run('build', file, '--out', out, '--allow-errors', '--json');
  let original = '';

  /** Each edit of the entry, and whether its digest is forged to match. */
  const tamperings: [string, (e: Raw) => unknown, boolean?][] = [
    ['severity "fatal"', (e) => (e.diagnostics[0]!.severity = 'fatal')],
    ['the error turned into a warning', (e) => (e.diagnostics.forEach((d) => (d.severity = 'warning')))],
    ['the diagnostics removed', (e) => delete e.diagnostics],
    ['line and column removed', (e) => (delete e.diagnostics[0]!.line, delete e.diagnostics[0]!.column), true],
    ['line "x"', (e) => (e.diagnostics[0]!.line = 'x'), true],
    ['line 0', (e) => (e.diagnostics[0]!.line = 0), true],
    ['column 1.5', (e) => (e.diagnostics[0]!.column = 1.5), true],
    ['severity "fatal", digest forged', (e) => (e.diagnostics[0]!.severity = 'fatal'), true],
    ['no message', (e) => delete e.diagnostics[0]!.message, true],
    ['a numeric code', (e) => (e.diagnostics[0]!.code = 5), true],
    ['an ESC sequence in the message', (e) => (e.diagnostics[0]!.message = 'all clear\u001b[2J\u001b[32m OK'), true],
    ['a C1 control in the hint', (e) => (e.diagnostics[0]!.hint = 'see \u009b31m'), true],
    ['an unknown field', (e) => (e.diagnostics[0]!.extra = 1), true],
    ['a diagnostic that is null', (e) => (e.diagnostics[0] = null as never), true],
    ['diagnostics an object', (e) => (e.diagnostics = {} as never)],
    ['an output outside the folder', (e) => (e.outputs = ['../../etc/passwd']), true],
    ['a numeric key', (e) => (e.key = 7), true],
  ];

  it.each(tamperings)('%s: costs a rebuild, never a wrong exit code or raw control characters', async (_name, edit, forge) => {
    if (!original) {
      const first = await build();
      expect(first.code).toBe(1);
      original = readFileSync(join(out, MANIFEST_NAME), 'utf8');
      // Untouched, it is trusted: up to date, the same exit code.
      const again = await build();
      expect(again.code).toBe(1);
      expect(JSON.parse(again.out).files[0].status).toBe('skipped');
    }
    const manifest = JSON.parse(original) as { entries: Record<string, Raw> };
    const entry = manifest.entries['meeting.yaml']!;
    edit(entry);
    if (forge) manifest.entries['meeting.yaml'] = sealed(entry as unknown as ManifestEntry) as unknown as Raw;
    writeFileSync(join(out, MANIFEST_NAME), JSON.stringify(manifest));

    const r = await build();
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out).files[0];
    expect(result.status).toBe('built');
    expect(result.diagnostics.map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`)).toContain('AG028 error');
    expect(r.out + r.err).not.toMatch(/undefined|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The rebuild wrote a good entry again.
    expect(readManifest(out).entries['meeting.yaml']?.diagnostics?.[0]?.code).toBe('AG028');
  });

  it('reads entries named like Object properties as entries, not as its prototype', () => {
    const folder = mkdtempSync(join(dir, 'proto-'));
    writeFileSync(join(folder, MANIFEST_NAME), JSON.stringify({ version: 3, entries: { ['__proto__']: sealed({ key: 'a'.repeat(64), outputs: ['x.md'] }), 'constructor': { key: 1 } } }));
    const m = readManifest(folder);
    expect(Object.keys(m.entries)).toEqual(['__proto__']);
    expect(m.entries.constructor).toBeUndefined();
  });
});
