import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import { cleanText } from '../../src/normalize/inline.js';
import { parseFields, parseWithMicromark, plainParagraphs } from '../../src/normalize/parse-inline.js';
import { MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

/**
 * What the converter reads of a parsed field: each paragraph's offset, and each text
 * node's offset and cleaned value (it folds whitespace runs; see cleanText).
 */
function seen(root: Root, base = 0) {
  const inline = (t: RootContent): unknown => ({
    at: (t.position?.start.offset ?? 0) - base,
    end: t.type === 'text' ? undefined : (t.position?.end.offset ?? 0) - base,
    value: t.type === 'placeholder' ? `{${t.name}}` : t.type === 'footnoteReference' ? `[^${t.label}] ${t.identifier}` : 'value' in t ? cleanText(t.value) : t.type,
    ...('children' in t ? { children: t.children.map(inline) } : {}),
  });
  return root.children.map((p) => ({
    at: (p.position?.start.offset ?? 0) - base,
    texts: 'children' in p ? p.children.map(inline) : [],
  }));
}

/** Up to `most` tokens of `alphabet`, drawn by `next`. */
function randomText(next: () => number, alphabet: readonly string[], most: number): string {
  let text = '';
  const length = Math.floor(next() * most);
  for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

/** The parser's tree, with the options of every marked-up field. */
const parsed = (text: string) => seen(parseWithMicromark([text], [])[0]!.root);

describe('fields of plain text and placeholders skip the Markdown parser with the same result', () => {
  it('gives the tree the parser gives for seeded random plain texts (spaces, tabs, line breaks, punctuation, no-break spaces)', () => {
    const next = random(42);
    const alphabet = ['a', 'b', 'Z', 'é', '1', '.', ',', ':', ';', '(', ')', '"', "'", '-', '/', '%', '’', ' ', ' ', ' ', '\t', '\n', '\u00a0', '\u2009', '#', '=', '+', '{session}', '{opening-date}', '{agenda-item:report}', '{session|genitive}', '{days|counted}', '}', '{'];
    let fast = 0;
    for (let n = 0; n < 3000; n++) {
      const text = randomText(next, alphabet, 40);
      const plain = plainParagraphs(text);
      if (!plain) continue;
      fast++;
      expect(seen(plain), JSON.stringify(text)).toEqual(parsed(text));
    }
    expect(fast).toBeGreaterThan(1000);
  });

  it('reads a placeholder and its grammatical form as the parser does, and leaves to the parser what is none', () => {
    const name80 = 'n'.repeat(80);
    for (const text of ['{session|genitive}', 'at the {days|counted}.', `{${name80}|genitive}`, `{${name80}x}`, `{session|${'g'.repeat(41)}}`, '{session|}', '{|counted}', '{a|b|c}', '{session|gen1}', '{session\\|genitive}', 'x {session} | y']) {
      const plain = plainParagraphs(text);
      if (plain) expect(seen(plain), JSON.stringify(text)).toEqual(parsed(text));
      else expect(parsed(text), JSON.stringify(text)).toBeDefined();
    }
    // What is a placeholder: a name of at most 80 characters, then at most one form of at most 40 letters.
    const isPlaceholder = (text: string) => JSON.stringify(parseWithMicromark([text], [])[0]!.root).includes('"type":"placeholder"');
    expect(['{session|genitive}', `{${name80}|${'g'.repeat(40)}}`].map(isPlaceholder)).toEqual([true, true]);
    expect(['{session|}', '{|counted}', '{a|b|c}', '{session|gen1}', `{${name80}x}`, `{session|${'g'.repeat(41)}}`].map(isPlaceholder)).toEqual([false, false, false, false, false, false]);
  });

  it('gives the tree the parser gives for seeded random texts with footnote calls, known or not', () => {
    const next = random(7);
    const ids = ['note-1', 'N2'];
    const known = new Set(ids.map((id) => id.toLowerCase()));
    const alphabet = ['a', 'b', '.', ',', ':', '(', ')', ' ', ' ', ' ', '\n', '\n\n', '{session}', '[^note-1]', '[^NOTE-1]', '[^n2]', '[^other]', '[^note-1]:', '[', ']', '^', '!', '[^', '-'];
    let fast = 0;
    for (let n = 0; n < 8000; n++) {
      const text = randomText(next, alphabet, 24);
      const plain = plainParagraphs(text, known);
      if (!plain) continue;
      fast++;
      expect(seen(plain), JSON.stringify(text)).toEqual(seen(parseWithMicromark([text], ids)[0]!.root));
    }
    expect(fast).toBeGreaterThan(600);
  });

  /**
   * Seeded random texts from `alphabet` (`most` pieces each), each that the fast path reads
   * compared with the parser's tree; returns how many it read and how many of those `counts`.
   * 4,000 texts in `npm test`; `npm run fuzz` (FUZZ_CASES=3000) tries 240,000.
   */
  function differential(seed: number, alphabet: readonly string[], most: number, counts: (text: string, plain: Root) => boolean) {
    const next = random(seed);
    const ids = ['n1'];
    const known = new Set(ids);
    let fast = 0;
    let counted = 0;
    const cases = Math.max(4_000, Number(process.env.FUZZ_CASES ?? 0) * 80);
    for (let n = 0; n < cases; n++) {
      const text = randomText(next, alphabet, most);
      const plain = plainParagraphs(text, known);
      if (!plain) continue;
      fast++;
      if (counts(text, plain)) counted++;
      expect(seen(plain), JSON.stringify(text)).toEqual(seen(parseWithMicromark([text], ids)[0]!.root));
    }
    return { cases, fast, counted };
  }

  it('gives the tree the parser gives for seeded random texts with asterisks, emphasis and what surrounds it', () => {
    const alphabet = ['*', '*', '**', ' ', ' ', '\n', '\n\n', 'a', 'Word', 'é', '7', '.', ',', ';', '!', '?', '(', ')', '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '-', '/', '\u00a0', '\t', '_', '__', 'x_y', 'ic_2022', '[^n1]', '{session}', '*Official Records*', '*a*', ' *b c* ', '(*d*)', '*e*.', 'x*y*z', '\u060c', '\u00ab', '\u00bb', '\u202f', '\u3002', '\u300a', '\u0643\u0644\u0645\u0629', '\u6807\u9898', '{', '}', '&', '~'];
    const { cases, fast, counted } = differential(1129, alphabet, 16, (_, plain) => JSON.stringify(plain).includes('"emphasis"'));
    expect(fast).toBeGreaterThan(cases / 10);
    expect(counted).toBeGreaterThan(cases / 30);
  });

  it('gives the tree the parser gives for seeded random texts with brackets, links and what surrounds them', () => {
    const alphabet = ['[en]', '[en] ', '[a b]', '[', ']', '(', ')', '(x)', ':', '!', '![', '\\', '^', '[^n1]', '[^x]', '[x](y)', '[x][y]', '[x][]', '*', '*a*', '{session}', ' ', ' ', '\n', '\n\n', 'a', 'Word', 'é', '7', '.', '-', '\u00ab', '\u060c', '[\u0639\u0631\u0628\u064a]', '[1.2]', '[a-b]'];
    const { cases, fast, counted } = differential(515, alphabet, 12, (text) => /\[[^^]/.test(text));
    expect(fast).toBeGreaterThan(cases / 10);
    expect(counted).toBeGreaterThan(cases / 20);
  });

  it('reads the mark of an untranslated text, "[en] ", as text without the parser', () => {
    for (const text of ['[en] Other matters', 'see [the annex] below', '([a])', '[\u0639\u0631\u0628\u064a] text']) {
      const plain = plainParagraphs(text);
      expect(plain, JSON.stringify(text)).toBeDefined();
      expect(seen(plain!), JSON.stringify(text)).toEqual(parsed(text));
    }
    for (const text of ['[x](y)', '[x][y]', '[x][]', '![x]', '[x]: y', '\\[x]', '[^x] y', '[x] y]', '[ x]']) {
      expect(plainParagraphs(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('gives the tree the parser gives for seeded random texts with backslash escapes', () => {
    const next = random(2024);
    const ids = ['n1'];
    const known = new Set(ids);
    const alphabet = ['\\\\', '\\*', '\\_', '\\&', '\\<', '\\!', '\\{', '\\}', '\\[', '\\]', '\\`', '\\~', '\\.', '\\é', '\\', '\\ ', '\\\n', 'a', 'b', ' ', ' ', '\n', '\n\n', '*', '*a*', '&amp;', '{session}', '[^n1]', '.', '(', ')'];
    let fast = 0;
    let escaped = 0;
    const cases = Math.max(1_000, Number(process.env.FUZZ_CASES ?? 0) * 40);
    for (let n = 0; n < cases; n++) {
      const text = randomText(next, alphabet, 14);
      const plain = plainParagraphs(text, known);
      if (!plain) continue;
      fast++;
      if (text.includes('\\')) escaped++;
      expect(seen(plain), JSON.stringify(text)).toEqual(seen(parseWithMicromark([text], ids)[0]!.root));
    }
    expect(fast).toBeGreaterThan(cases * 0.08);
    expect(escaped).toBeGreaterThan(cases * 0.05);
  });

  it('reads a text of escapes without the parser (1 MB of them took 1.2 GB in it), and leaves escaped brackets and braces to it', () => {
    const text = `x ${'\\\\\\*'.repeat(100_000)} y`;
    const plain = plainParagraphs(text);
    expect(plain?.children).toHaveLength(1);
    expect(seen(plain!)).toEqual([{ at: 0, texts: [{ at: 0, end: undefined, value: `x ${'\\*'.repeat(100_000)} y` }] }]);
    for (const t of ['\\{session}', '{session\\}', '\\[^n1]', '[^n1\\]', '\\[x](https://e.org)']) expect(plainParagraphs(t, new Set(['n1'])), t).toBeUndefined();
  });

  it('makes the paragraphs of a long plain field one at a time, the same as its whole tree', () => {
    const next = random(5);
    const words = ['a', 'Word', '*Official Records*', '{session}', '[^n1]', '\\*', 'x.', '(y)'];
    const separators = [' ', ' ', ' ', '\n', '\n\n', '\n \n\n'];
    let text = '';
    while (text.length <= 70_000) text += `${words[Math.floor(next() * words.length)]}${separators[Math.floor(next() * separators.length)]}`;
    const [lazy] = parseFields([text], ['n1']);
    expect(lazy!.each, 'a long plain field is not kept as a tree').toBeDefined();
    expect(lazy!.root.children).toEqual([]);
    const made: RootContent[] = [];
    lazy!.each!((block) => made.push(block));
    expect(made).toEqual(plainParagraphs(text, new Set(['n1']))!.children);
    expect(made.length).toBeGreaterThan(100);
    // A long field with other markup goes to the parser, as before.
    expect(parseFields([`${text} [x](https://e.org)`], ['n1'])[0]!.each).toBeUndefined();
  });

  it.runIf(process.env.FUZZ_CASES)('builds 5 MB of 400,000 short paragraphs within a 320 MB heap (their tree alone took 400 MB)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-paragraphs-'));
    try {
      const file = join(dir, 'paragraphs.yaml');
      writeFileSync(file, MINIMAL.replace('title: Adoption of the agenda', `title: Adoption of the agenda\n    annotation: |\n${'      *a* b\n\n'.repeat(400_000)}`));
      const r = spawnSync(process.execPath, ['--max-old-space-size=320', join(repoRoot, 'bin/agenda.js'), 'build', file, '--format', 'md', '--out', dir], { encoding: 'utf8', timeout: 300_000 });
      expect({ status: r.status, signal: r.signal }, r.stderr.slice(0, 500)).toEqual({ status: 0, signal: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  // `npm run fuzz` only: a child process building the largest definition allowed, 5 MB of escapes (test/core/text-memory.test.ts builds 1 MB).
  it.runIf(process.env.FUZZ_CASES)('builds 5 MB of backslash escapes in one annotation within a 128 MB heap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-escapes-'));
    try {
      const file = join(dir, 'escapes.yaml');
      writeFileSync(file, MINIMAL.replace('title: Adoption of the agenda', `title: Adoption of the agenda\n    annotation: |\n      x ${'\\\\'.repeat(2_550_000)} y`));
      const r = spawnSync(process.execPath, ['--max-old-space-size=128', join(repoRoot, 'bin/agenda.js'), 'build', file, '--format', 'md', '--out', dir], { encoding: 'utf8', timeout: 300_000 });
      expect({ status: r.status, signal: r.signal }, r.stderr.slice(0, 500)).toEqual({ status: 0, signal: null });
      expect(readFileSync(join(dir, 'escapes.md'), 'utf8')).toContain(`x ${'\\\\'.repeat(2_550_000)} y`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('sets simple emphasis without the parser, and leaves the rest of the asterisks to it', () => {
    // Punctuation and spaces of every script around it: an Arabic comma, French guillemets with
    // narrow no-break spaces, Chinese title marks and full stop, a no-break space.
    for (const text of ['The *Official Records* of the General Assembly', '*Seventy-seventh Session, Supplement No. 25* (A/77/25)', '(*a*)', '\u201c*b*\u201d', 'x\n*y*\nz', 'ويمكن أن تكون *خلاصة القضايا*، التي', '\u00ab\u202f*Documents officiels*\u202f\u00bb', '\u300a*\u6807\u9898*\u300b\u3002', '\u00a0*a*', 'a.*b*?']) {
      const plain = plainParagraphs(text);
      expect(JSON.stringify(plain), JSON.stringify(text)).toContain('"emphasis"');
      expect(seen(plain!), JSON.stringify(text)).toEqual(parsed(text));
    }
    for (const text of ['a*b*', '*a*b', '* a*', '*a *', '**a**', '*a_b*', '*a\nb*', '*{session}*', '*a*[^n]', '*[^n]*', '\u2018*[^n]*', '[^n]*a*', '*.*', '*a.*', '*a* *']) {
      expect(plainParagraphs(text, new Set(['n'])), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('leaves markup, hard breaks, carriage returns, controls and empty text to the parser', () => {
    for (const text of ['* a*', '_a_', 'a_ b', 'a _b', 'é_a', 'a_é', '*a_b*', '[x](https://e.org)', 'see [^n]', '{ not a placeholder }', 'a\\b', '&amp;', '<https://e.org>', 'a\r\nb', 'hard  \nbreak', 'a\u0000b', '', ' \n\t ']) {
      expect(plainParagraphs(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('reads underscores inside a word as text, as the parser does (a run there neither opens nor closes emphasis)', () => {
    for (const text of ['a_b', 'ic_2022', 'www.unodc.org/constructive_dialogues/ic_2022.html.', 'x__y', 'a_b_c d_e']) {
      const plain = plainParagraphs(text);
      expect(plain, JSON.stringify(text)).toBeDefined();
      expect(seen(plain!), JSON.stringify(text)).toEqual(parsed(text));
    }
  });

  it('splits paragraphs at blank lines as the parser does', () => {
    for (const text of ['a\n\nb', 'a\n \t\nb', '\n\nfirst\n\n\n  second {session}\n \n', 'one  \n\ntwo']) {
      const plain = plainParagraphs(text);
      expect(plain, JSON.stringify(text)).toBeDefined();
      expect(seen(plain!), JSON.stringify(text)).toEqual(parsed(text));
    }
  });

  it('gives the same tree, offsets, lines and columns when long fields are parsed in batches of paragraphs', () => {
    const next = random(99);
    const alphabet = ['a', 'bc', ' ', ' ', '\n', '\n\n', '\n \n\n', '*a*', '_b_', '**c**', '[l](https://e.org)', '\\*', '&amp;', '{session}', '[^n1]', '<https://e.org>', '  \n', '*', '['];
    const texts = Array.from({ length: 8 }, (_, i) => randomText(next, alphabet, i % 4 ? 40 : 600));
    const whole = parseWithMicromark(texts, ['n1'], Infinity);
    for (const batch of [1, 200]) {
      const batched = parseWithMicromark(texts, ['n1'], batch);
      texts.forEach((text, i) => {
        const strip = (r: Root, base: number) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'offset' ? v - base : k === 'line' || k === 'column' ? undefined : v)));
        expect(strip(batched[i]!.root, 0), `${batch} ${JSON.stringify(text)}`).toEqual(strip(whole[i]!.root, whole[i]!.base));
        // Lines and columns are the field's own.
        const points = JSON.stringify(batched[i]!.root).match(/\{"line":\d+,"column":\d+,"offset":\d+\}/g) ?? [];
        for (const p of points) {
          const { line, column, offset } = JSON.parse(p) as { line: number; column: number; offset: number };
          const before = text.slice(0, offset).split('\n');
          expect([line, column], `${batch} ${i} ${offset}`).toEqual([before.length, before.at(-1)!.length + 1]);
        }
      });
    }
  });

  it('keeps each field’s own offsets when plain and marked-up fields are parsed together', () => {
    const texts = ['  Opening of the session', 'Adoption of the *agenda*', 'line one\n  line two', 'x\n\ny'];
    const out = parseFields(texts, []);
    texts.forEach((text, i) => expect(seen(out[i]!.root, out[i]!.base), JSON.stringify(text)).toEqual(parsed(text)));
    expect(out[0]!.root.children[0]!.position?.start.offset).toBe(2);
  });
});
