/**
 * The fast YAML reader (src/load/plain-yaml.ts) against the `yaml` package under the loader's
 * options: wherever it reads a text, it reads the data `yaml` reads, and it declines whatever
 * it does not know. The examples, templates and generated meetings must be read by it (else
 * the fast path is never taken); random edits of them must never be read differently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateMeeting, random } from '../../bench/generate.js';
import { loadDefinition, YAML_OPTIONS } from '../../src/load/load.js';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { repoRoot } from '../helpers/reference.js';

/** What `yaml` reads, or undefined when it reports an error or a warning. */
function byYaml(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  return { data: doc.toJS({ maxAliasCount: 1000 }) };
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));

/** Random edits compared: 1,500 in `npm test`, 60,000 under `npm run fuzz` (FUZZ_CASES=3000), a quarter of a millisecond each on an idle core. */
const EDIT_CASES = Math.max(1500, Number(process.env.FUZZ_CASES ?? 0) * 20);

describe('the fast YAML reader', () => {
  it('reads every example, translation and template as yaml does', () => {
    const files = [...yamlFiles('examples'), ...yamlFiles('templates')];
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const text = readFileSync(join(repoRoot, file), 'utf8').replace(/\{\{(\w+)\}\}/g, 'x$1'); // templates' slots
      const fast = readPlainYaml(text);
      expect(fast, `${file} is not read by the fast reader`).toBeDefined();
      expect(fast, file).toEqual(byYaml(text));
    }
  });

  it('reads generated meetings as yaml does', () => {
    for (let i = 0; i < 150; i++) {
      const text = generateMeeting(i);
      const fast = readPlainYaml(text);
      expect(fast, `meeting ${i}`).toBeDefined();
      expect(fast, `meeting ${i}`).toEqual(byYaml(text));
    }
  });

  it('never reads a random edit of a definition differently from yaml', () => {
    const next = random(4242);
    const bases = ['examples/ctoc-cop-wg3-2023.yaml', 'examples/ctoc-cop-wg3-2023.fr.yaml', 'examples/minimal.yaml', 'examples/treaty-body-session.yaml'].map((f) => readFileSync(join(repoRoot, f), 'utf8'));
    const pieces = [' ', '  ', '\n', '\n  ', '\n- ', '- ', ': ', ':', '#', ' #', '"', "'", "''", '\\', '\\n', '\\u00e9', '\\x', '|', '|-', '|+', '>', '>-', '|2', '[', ']', ',', '{', '}', '&a ', '*a', '!!str ', '? ', '---', '...', '%', 'null', '~', 'true', 'False', '12', '-3', '0x1F', '0o17', '1.5', '.inf', '1e3', '__proto__', 'key: v', '\n\n', '\t', 'é', '2023-09-11', '10:00', 'x: [a, b]', 'x: []', "'it''s'", '"a # b"'];
    let read = 0;
    for (let n = 0; n < EDIT_CASES; n++) {
      let text = bases[n % bases.length]!;
      // Edits near where the structure is: the start of a random line.
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
        const at = lineStarts[Math.floor(next() * lineStarts.length)]! + Math.floor(next() * 12);
        const cut = next() < 0.3 ? Math.floor(next() * 4) : 0;
        text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + text.slice(at + cut);
      }
      const fast = readPlainYaml(text);
      if (!fast) continue;
      read++;
      expect(fast, JSON.stringify(text.slice(0, 2000))).toEqual(byYaml(text));
    }
    expect(read).toBeGreaterThan(EDIT_CASES / 4); // the edits that keep the text readable are read
  }, Math.max(30_000, EDIT_CASES * 4));

  it('reads the scalars of the subset as yaml does', () => {
    const cases = [
      'a: |\n  one\n\n  two\n   three\nb: 1\n',
      'a: |-\n  one\n  two\n\n\nb: x\n',
      'a: >\n  one\n  two\n\n  three\n\n\n  four\nb: ~\n',
      'a: >-\n  one\n  two\n',
      'a: |\nb: >\n',
      'a: "tab\\there \\"q\\" \\u00e9 \\x41 \\U0001F600 \\\\ \\/ \\ "\n',
      "a: 'it''s # not a comment'\n",
      'a: plain # a comment\nb: C#\nc: text [with] brackets, {and} braces\n',
      'a: [en, fr, 2023-09-11, 12, true, null]\nb: []\n',
      'a: 0x1F\nb: 0o17\nc: -12\nd: +7\ne: TRUE\nf: Null\ng: 2023-09-11\nh: 10\n',
      'items:\n- id: a\n  title: A\n- id: b\n  items:\n    - id: c\n    -\n      id: d\nnext: 1\n',
      'a:\n  b:\n    c: 1\n  d: 2\n',
      'a: http://example.org/x?y=1#z\nb: -x\n',
      'list:\n  - one\n  - |\n    block\n  - "q"\n',
      'a: .inf\nb: -.Inf\nc: .NaN\n',
    ];
    for (const text of cases) {
      const fast = readPlainYaml(text);
      expect(fast, JSON.stringify(text)).toBeDefined();
      expect(fast, JSON.stringify(text)).toEqual(byYaml(text));
    }
  });

  it('leaves to yaml what it does not read: anchors, tags, flow mappings, decimal floats, multi-line plain and quoted scalars, duplicates, errors', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: {b: 1}\n',
      'a: 1.5\n',
      'a: one\n  two\n',
      'a: "one\n  two"\n',
      'a: 1\na: 2\n',
      '1: a\n',
      'true: a\n',
      '"a": 1\n',
      'a: |+\n  x\n\n',
      'a: |2\n   x\n',
      '---\na: 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a:\tb\n',
      'a: b\r\n',
      '- a\n- b\n',
      'a: b: c\n',
      'a: x\n - b\n',
      'a: [x,\n  y]\n',
      'a: "x" # c\n',
      '__proto__: 1\n',
      'a:b\n',
      'a: >\n  x\n    more indented\n',
      '',
      '# only a comment\n',
    ];
    for (const text of declined) expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('leaves the places to yaml: a diagnostic of a definition read fast is where yaml puts it', () => {
    const text = readFileSync(join(repoRoot, 'examples/minimal.yaml'), 'utf8');
    expect(readPlainYaml(text)).toBeDefined();
    const loaded = loadDefinition('m.yaml', text);
    expect(loaded.diagnostics).toEqual([]);
    const key = text.split('\n').findIndex((l) => l.startsWith('meeting:'));
    expect(loaded.locator.keyStart(['meeting'])).toEqual({ line: key + 1, column: 1 });
  });

  it('gives the loader data it normalizes to NFC in keys and values, in place, keeping the order of keys', () => {
    const loaded = loadDefinition('m.yaml', 'a: 1\nCafe\u0301: e\u0301\nz: [e\u0301, x]\nnested:\n  - k: A\u030a\n');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.data).toEqual({ a: 1, 'Caf\u00e9': '\u00e9', z: ['\u00e9', 'x'], nested: [{ k: '\u00c5' }] });
    expect(Object.keys(loaded.data as object)).toEqual(['a', 'Caf\u00e9', 'z', 'nested']);
  });
});
