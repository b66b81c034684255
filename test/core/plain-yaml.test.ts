/**
 * The fast path of loading (src/load/plain-yaml.ts) must be invisible: for any text, the
 * data and the diagnostics are those of the full loader. Checked on the examples, on
 * YAML's corners, on seeded mutations of the examples (the fuzzer's) and on generated
 * meetings; the fast path must also really be taken for plain definitions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMeeting, random } from '../../bench/generate.js';
import { loadDefinition, loadWithPlaces } from '../../src/load/load.js';
import { plainYamlReader } from '../../src/load/plain-yaml.js';
import { mutate } from '../fuzz/mutate.js';
import { repoRoot } from '../helpers/reference.js';

/** Data and diagnostics as plain JSON (key order counts; `__proto__` as an own key). */
function outcome(load: typeof loadDefinition, source: string): string {
  const r = load('x.yaml', source);
  return JSON.stringify({ data: r.data === undefined ? '(none)' : r.data, diagnostics: r.diagnostics }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

function expectSame(source: string): void {
  expect(outcome(loadDefinition, source), source).toBe(outcome(loadWithPlaces, source));
}

const fastPath = plainYamlReader({ schema: 'core', customTags: [], resolveKnownTags: false, strict: true, uniqueKeys: true }, 32);

const examples = readdirSync(join(repoRoot, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(repoRoot, 'examples', f), 'utf8'));

/** YAML's corners: scalars the core schema resolves, keys, properties, styles, documents. */
const CORNERS = [
  ...['1_000', '0b11', '0o17', '0x1F', '017', '+12', '-0', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '1e5', '1E-5', '1.', '.5', '-.5e3', '12:30', '2025-01-10', '~', 'null', 'Null', 'NULL', 'nULL', '', 'yes', 'no', 'on', 'y', 'True', 'TRUE', 'tRue', 'false', '0.1.2', '- x', '"1"', "'true'", '1 # note', 'b#c', 'a #b', '9007199254740993', '0x', '0o8'].map((v) => `a: ${v}\n`),
  '1: a\n', 'true: a\n', '~: a\n', 'null: a\n', '"1": a\n', '? k\n: v\n', '? [a]\n: v\n', '[a]: b\n', '{a: 1}: b\n', 'a: 1\na: 2\n', 'a: 1\n"a": 2\n', "a: 1\n'a': 2\n",
  '__proto__: {x: 1}\n', '__proto__:\n  polluted: true\nb: 2\n', 'constructor: 1\ntoString: 2\n', 'a:\n  __proto__: 1\n',
  'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !foo 1\n', 'a: ! 1\n', '!!map\na: 1\n', 'a: !!binary aGVsbG8=\n', 'a: &x\n  b: 1\nc: *x\n',
  '%YAML 1.1\n---\na: yes\n', '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n', '---\na: 1\n...\n', 'a: 1\n---\nb: 2\n', '---\n', '...\n', '# only a comment\n', '', '   \n',
  'a: plain\n  folded\n  over lines\n', 'a: >\n  folded\n\n  kept\n   more indented\n', 'a: |\n  literal\n\n  text\n', 'a: |+\n  keep\n\n', 'a: >-\n  strip\n', 'a: |2\n    indented\n', 'a: |\n\n  leading blank\n', 'a: >\n\n\n',
  'a: "esc \\x41 \\u00e9 \\U0001F600 \\n \\t \\/ \\_ \\N \\L \\P \\e \\0 \\ "\n', 'a: "line\n  folded\n\n  blank"\n', "a: 'it''s\n  folded'\n", 'a: "trailing  \n  spaces"\n', 'a: "\\\n  continued"\n', 'a: "unterminated\n', "a: 'unterminated\n",
  'a: [x, y, ]\n', 'a: {b: 1, c: [2, 3]}\n', 'a: [\n  x,\n  y\n]\n', 'a: {}\nb: []\n', 'a: [b: c]\n', 'a: {b}\n', 'a: {? b : c}\n', 'a: [a, [b, [c]]]\n', 'a: {"b": 1, \'c\': 2}\n',
  'a:\n  - b\n  -\n  - c\n', 'a:\n- b\n- c\n', '- a\n- b\n', 'just text\n', '"quoted root"\n', '  a: 1\n  b: 2\n', 'a: b: c\n', 'a:\tb\n', '\ta: 1\n', 'a:\n\t- b\n', 'a: 1\r\nb: 2\r\n', 'a: x\u2028y\n', 'a: x\u0085y\n', '\uFEFFa: 1\n',
  'a: - b\n', 'a: b\n  c: d\n', 'a:\n  b: 1\n c: 2\n', 'a: *undefined\n', 'a: [1, 2\n', 'a: }\n', 'a: @x\n', 'a: `x\n', 'a: %x\n', 'a: "x" y\n', 'a: \'x\' y\n', 'key with spaces: v\n', '"a\\tb": 1\n', 'a: b #c\n#d\ne: f\n',
  `a: ${'['.repeat(40)}${']'.repeat(40)}\n`, `${'a:\n'.repeat(1)}${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x\n`,
];

describe('the fast path of loading gives what the full loader gives', () => {
  it.each(examples.map((s, i) => [i, s] as const))('on example %i, which it reads itself', (_i, source) => {
    expect(fastPath(source)).toBeDefined();
    expectSame(source);
  });

  it('on generated meetings, which it reads itself', () => {
    for (let i = 0; i < 100; i++) {
      const source = generateMeeting(i);
      expect(fastPath(source), `meeting ${i}`).toBeDefined();
      expectSame(source);
    }
  });

  it.each(CORNERS.map((s) => [JSON.stringify(s), s] as const))('on %s', (_name, source) => expectSame(source));

  it('declines what only the full loader may judge', () => {
    for (const source of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', '[a]: b\n', 'a: 1\na: 2\n', '1: a\n', 'a: [1\n', 'a: 1\rb: 2\n', 'a: |\n  x\n\t\nb: 1\n', '', '# nothing\n']) {
      expect(fastPath(source), source).toBeUndefined();
    }
  });

  it('on seeded character-level mutations of the examples (YAML indicators, breaks, escapes)', () => {
    const cases = Number(process.env.FUZZ_CASES ?? 60) * 5;
    const CHARS = [' ', ':', ': ', '-', '- ', '?', '? ', '[', ']', '{', '}', ',', '#', ' #', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\t', '\r', '\n', '\r\n', '\\', '\\x', '\u00a0', '\u2028', '\ufeff', '\u0085', '---', '...', '  ', '\n  ', '\n-'];
    for (const [n, source] of examples.entries()) {
      for (let seed = 1; seed <= cases; seed++) {
        const rnd = random(seed * 7_727 + n);
        let text = source;
        for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) {
          const at = Math.floor(rnd() * (text.length + 1));
          const cut = rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0;
          text = text.slice(0, at) + CHARS[Math.floor(rnd() * CHARS.length)]! + text.slice(at + cut);
        }
        expectSame(text);
      }
    }
  }, 600_000);

  it('on seeded mutations of the examples', () => {
    const cases = Number(process.env.FUZZ_CASES ?? 60) * 5;
    for (const [n, source] of examples.entries()) {
      for (let seed = 1; seed <= cases; seed++) expectSame(mutate(source, seed * 104_729 + n));
    }
  }, 600_000);
});
