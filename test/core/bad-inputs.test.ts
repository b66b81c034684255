import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../src/load/source.js';
import { compileFile } from '../../src/pipeline.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

const dir = join(repoRoot, 'test/fixtures/bad');
type Expected = { code: string; line: number; column?: number } | { unreadable: string; line?: number; column?: number };
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;

describe('named bad inputs (test/fixtures/bad)', () => {
  it.each(Object.entries(expected))('%s gives its diagnostic at its place', async (name, want) => {
    const file = join(dir, name);
    if ('unreadable' in want) {
      const err = await compileFile(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UnreadableInputError);
      expect((err as UnreadableInputError).message).toContain(want.unreadable);
      expect((err as UnreadableInputError).hint).toBeTruthy();
      if (want.line !== undefined) expect((err as UnreadableInputError).at).toEqual({ line: want.line, column: want.column });
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

describe('bad inputs made in the test (too big to commit)', () => {
  const minimal = readFileSync(join(repoRoot, 'examples/minimal.yaml'), 'utf8');

  it('an input over the size limit is refused before it is parsed', async () => {
    const { decodeSource, MAX_INPUT_BYTES } = await import('../../src/load/source.js');
    const bytes = Buffer.from(`${minimal}# ${'x'.repeat(MAX_INPUT_BYTES)}\n`);
    const started = performance.now();
    expect(() => decodeSource('big.yaml', bytes)).toThrow(/bytes long; the limit is/);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(decodeSource('ok.yaml', Buffer.from(minimal))).toBe(minimal);
  });

  it('aliases that multiply a long text (100 kB × 120) are refused at the first alias, not expanded', () => {
    const big = 'word '.repeat(20_000);
    const yaml = `${MINIMAL.replace('body: Ad Hoc Committee on Example Matters', `body: &big "${big}"`)}${Array.from({ length: 120 }, (_, i) => `  - {id: a${i}, title: *big}\n`).join('')}`;
    const started = performance.now();
    const { diagnostics, model } = compileYaml(yaml);
    expect(performance.now() - started, 'refused fast').toBeLessThan(5000);
    expect(model).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml-aliases', line: 11, column: 21 })]);
  });

  it('a text of 20,000 control characters is refused once, at the first', () => {
    const started = performance.now();
    const { diagnostics } = compileYaml(MINIMAL.replace('title: Adoption of the agenda', `title: "${'a\\x01'.repeat(20_000)}"`));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'control-character', line: 10, column: 14 })]);
  });

  it('an unknown footnote called 200 times is listed 20 times and counted', () => {
    const { diagnostics } = compileYaml(MINIMAL.replace('title: Adoption of the agenda', `title: Adoption of the agenda\n    annotation: "${'x[^gone] '.repeat(200)}"`));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-footnote');
    expect(unknown).toHaveLength(21);
    expect(unknown.some((d) => /180 more problems/.test(d.message))).toBe(true);
  });

  it('20,000 wrong entries give 100 schema diagnostics and a count, found in linear time', () => {
    const started = performance.now();
    const { diagnostics } = compileYaml(`${MINIMAL}organization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [${Array(20_000).fill('7').join(',')}]\n`);
    expect(performance.now() - started, 'was 10 s for 4,000 entries (every error compared with every oneOf)').toBeLessThan(5000);
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics.map((d) => d.message)).toContain('19900 more problems with the form of the definition are not listed');
  });

  it('4,000 unknown items in the organization of work: 100 listed with a short hint, then a count', () => {
    const items = Array.from({ length: 4000 }, (_, i) => `  - {id: i${i}, title: Item ${i}}\n`).join('');
    const slot = Array.from({ length: 4000 }, (_, i) => `x${i}`).join(', ');
    const { diagnostics } = compileYaml(`${MINIMAL}${items}organization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [${slot}]\n`);
    expect(diagnostics.filter((d) => d.code === 'unknown-item')).toHaveLength(101);
    expect(diagnostics.map((d) => d.message)).toContain('3900 more problems of this kind in other places are not listed');
    expect(Math.max(...diagnostics.map((d) => d.hint?.length ?? 0))).toBeLessThan(200); // was every id, 27,000 characters, in each
  });

  it('a wrong value is quoted short in the message, not a whole page of it', () => {
    const { diagnostics } = compileYaml(MINIMAL.replace('symbol: A/AC.999/2025/1', `symbol: "${'a '.repeat(50_000)}"`));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'schema', line: 2, column: 11 })]);
    expect(diagnostics[0]!.message.length).toBeLessThan(150);
  });

  it('a no-break space is the author\'s: kept, not folded into a plain space', () => {
    const { model, diagnostics } = compileYaml(MINIMAL.replace('title: Adoption of the agenda', 'title: "Adoption of\\u00a0the agenda"').replace('venue: New York', 'venue: "New\\u00a0York"'));
    expect(diagnostics).toEqual([]);
    expect(model!.agenda.items[0]!.title).toMatchObject([{ type: 'text', value: 'Adoption of\u00a0the agenda' }]);
    expect(model!.meeting.placeAndDates).toContain('New\u00a0York');
  });

  it('a name written as a block keeps no line breaks (they would open new paragraphs in Markdown)', () => {
    const { model, diagnostics } = compileYaml(MINIMAL.replace('body: Ad Hoc Committee on Example Matters', 'body: |\n  Ad Hoc Committee\n\n  on Example Matters\n'));
    expect(diagnostics).toEqual([]);
    expect(model!.meeting.body).toBe('Ad Hoc Committee on Example Matters');
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
    ['mixed LF, CRLF and CR line endings', Buffer.from(minimal.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3]!))],
    ['tabs between keys and values, inside text and before comments', Buffer.from(minimal.replace('venue: New York', 'venue:\tNew York\t# the venue').replace('symbol: A/AC.999/2025/1', 'symbol:\t\tA/AC.999/2025/1'))],
    ['a UTF-8 BOM and CRLF together', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal.replace(/\n/g, '\r\n'))])],
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

describe('tabs in text', () => {
  it('are whitespace: a title with tabs reads as with spaces', () => {
    const { model, diagnostics } = compileYaml(MINIMAL.replace('title: Adoption of the agenda', 'title: "Adoption\\tof the\\t\\tagenda"'));
    expect(diagnostics).toEqual([]);
    expect(model!.agenda.items[0]!.title).toMatchObject([{ type: 'text', value: 'Adoption of the agenda' }]);
  });
});
