import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { constructOverflow, MAX_PARSED_PER_PARAGRAPH } from '../../src/normalize/normalize.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

const dir = mkdtempSync(join(tmpdir(), 'agenda-text-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A definition whose annotation is one paragraph of `escapes` Markdown escapes of a backslash (YAML "\\\\" each). */
const escapeHeavy = (escapes: number) =>
  MINIMAL.replace('title: Adoption of the agenda', `title: Adoption of the agenda\n    annotation: |\n      x ${'\\\\'.repeat(escapes)} y`);

/** Builds Markdown through the bundle in a child process whose heap is limited; exit code, what it wrote, its stderr. */
function buildWithHeap(yaml: string, heapMb: number) {
  const file = join(dir, `in-${heapMb}-${yaml.length}.yaml`);
  writeFileSync(file, yaml);
  const out = join(dir, `out-${heapMb}-${yaml.length}`);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, join(repoRoot, 'bin/agenda.js'), 'build', file, '--format', 'md', '--out', out], { encoding: 'utf8', timeout: 120_000 });
  const md = r.status === 0 ? readFileSync(join(out, file.replace(/^.*\//, '').replace(/\.yaml$/, '.md')), 'utf8') : '';
  return { status: r.status, signal: r.signal, stderr: r.stderr, md };
}

describe('memory of text parsing', () => {
  it('builds 1 MB of backslash escapes in one annotation within a 96 MB heap (it took 1.2 GB: micromark holds hundreds of bytes per escape)', () => {
    const { status, signal, stderr, md } = buildWithHeap(escapeHeavy(500_000), 96);
    expect({ status, signal }, stderr.slice(0, 500)).toEqual({ status: 0, signal: null });
    // Each escaped backslash is one backslash of text, written escaped again in Markdown.
    expect(md).toContain(`x ${'\\\\'.repeat(500_000)} y`);
  }, 120_000);

  it('refuses, at the first past the limit, a paragraph with other markup and more escapes, ampersands, braces, angle brackets and line breaks than the parser should read one by one', () => {
    const n = MAX_PARSED_PER_PARAGRAPH;
    const { diagnostics, model } = compileYaml(MINIMAL.replace('title: Adoption of the agenda', `title: Adoption of the agenda\n    annotation: "[ ${'\\\\\\\\&'.repeat(n)} end"`));
    expect(model).toBeUndefined();
    // Line 11 is '    annotation: "[ ' then the units; each is five characters of YAML (\\\\&), an escape and an
    // ampersand of Markdown, counted twice: the 5,001st is the backslash that opens unit 2,500.
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'too-much-markup', line: 11, column: 20 + (n / 2) * 5 })]);
    expect(diagnostics[0]!.message).toMatch(/more than 5,000 backslashes, ampersands, braces, angle brackets and line breaks/);
    // The same paragraph without other markup needs no parser and is no problem; nor is the limit itself, or a blank line that ends the paragraph.
    expect(compileYaml(escapeHeavy(2 * n)).model).toBeDefined();
    expect(constructOverflow(`[ ${'&'.repeat(n)}`)).toBe(-1);
    expect(constructOverflow(`[ ${'&'.repeat(n)}\n\n${'<'.repeat(n)}`)).toBe(-1);
    expect(constructOverflow(`[ ${'{'.repeat(n)}\n  x`)).toBe(n + 2);
    expect(constructOverflow(`[ ${'a\n'.repeat(n)}x\ny`)).toBe(2 * n + 3); // the line ending after x
    expect(constructOverflow(`${'\\\\'.repeat(n)}\\\\`)).toBe(2 * n);
  });
});
