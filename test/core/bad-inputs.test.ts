import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../src/load/source.js';
import { compileFile } from '../../src/pipeline.js';
import { repoRoot } from '../helpers/reference.js';

const dir = join(repoRoot, 'test/fixtures/bad');
type Expected = { code: string; line: number; column?: number } | { unreadable: string };
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;

describe('named bad inputs (test/fixtures/bad)', () => {
  it.each(Object.entries(expected))('%s gives its diagnostic at its place', async (name, want) => {
    const file = join(dir, name);
    if ('unreadable' in want) {
      await expect(compileFile(file)).rejects.toThrow(UnreadableInputError);
      await expect(compileFile(file)).rejects.toThrow(want.unreadable);
      return;
    }
    const started = performance.now();
    const { diagnostics, model } = await compileFile(file);
    expect(performance.now() - started, 'bad input must be refused fast').toBeLessThan(5000);
    expect(model).toBeUndefined();
    const d = diagnostics.find((x) => x.code === want.code);
    expect(d, JSON.stringify(diagnostics)).toBeDefined();
    expect(d!.line).toBe(want.line);
    if (want.column !== undefined) expect(d!.column).toBe(want.column);
    expect(d!.message.length).toBeGreaterThan(10);
  });
});

describe('encodings and line endings that are accepted', () => {
  const minimal = readFileSync(join(repoRoot, 'examples/minimal.yaml'), 'utf8');
  const compile = async (bytes: Buffer) => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'agenda-enc-')), 'meeting.yaml');
    writeFileSync(file, bytes);
    return compileFile(file);
  };
  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal)])],
    ['CRLF line endings', Buffer.from(minimal.replace(/\n/g, '\r\n'))],
    ['CR line endings', Buffer.from(minimal.replace(/\n/g, '\r'))],
  ])('%s', async (_, bytes) => {
    const { diagnostics, model } = await compile(bytes);
    expect(diagnostics).toEqual([]);
    expect(model!.masthead.symbol).toBe('A/AC.999/2025/1');
  });

  it('normalizes text to NFC, so the same words give the same bytes', async () => {
    const decomposed = minimal.replace('Ad Hoc Committee', 'Comite\u0301 ad hoc').replace('Adoption of the agenda', 'Adoption de l\u2019ordre du jour e\u0301tabli');
    const { model } = await compile(Buffer.from(decomposed));
    expect(model!.meeting.body ?? model!.masthead.organ).toBe('Comit\u00e9 ad hoc on Example Matters');
    const title = model!.agenda.items[0]!.title[0];
    expect(title).toMatchObject({ type: 'text', value: 'Adoption de l\u2019ordre du jour \u00e9tabli' });
  });
});

describe('text a renderer cannot render', () => {
  it('is a diagnostic at the character, not an internal error', async () => {
    const { main } = await import('../../src/cli.js');
    const { mkdtempSync, writeFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'agenda-glyph-'));
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, readFileSync(join(repoRoot, 'examples/minimal.yaml'), 'utf8').replace('title: Adoption of the agenda', 'title: Adoption of the agenda ★'));
    let err = '';
    const code = await main(['node', 'agenda', 'build', file, '--format', 'md,pdf', '--out', join(dir, 'out')], { out: () => {}, err: (t) => (err += t), color: false });
    expect(code).toBe(1);
    expect(err).toContain(`${file}:12:35: error pdf: the PDF font (Tinos) cannot draw the character "★" (U+2605)`);
    expect(err).toContain('[unsupported-character]');
    expect(readdirSync(dir)).toEqual(['meeting.yaml']); // all or nothing: not even the Markdown
  });
});
