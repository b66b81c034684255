import { describe, expect, it } from 'vitest';
import { bidiControl } from '../../src/load/load.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';

const withTitle = (title: string) => MINIMAL.replace('title: Adoption of the agenda', `title: "${title}"`);

describe('bidirectional controls ("trojan source")', () => {
  it.each([
    ['\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['\u202d', 'U+202D LEFT-TO-RIGHT OVERRIDE'],
    ['\u202a', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
    ['\u202b', 'U+202B RIGHT-TO-LEFT EMBEDDING'],
    ['\u202c', 'U+202C POP DIRECTIONAL FORMATTING'],
  ])('an embedding or override (%j) is refused at its place, named, even when closed', (ch, name) => {
    const { diagnostics, model } = compileYaml(withTitle(`Adoption of ${ch}gnp.exe\u202c\u2069`));
    expect(model).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'bidi-control', line: 10, column: 25, message: `the text contains ${name}, which can make the text read differently from what it says` }),
    ]);
    expect(diagnostics[0]!.hint).toMatch(/delete it/);
  });

  it('an isolate closed in the same text is allowed, and reaches the output as written', () => {
    const title = 'Report of \u2067\u0627\u0644\u0644\u062c\u0646\u0629\u2069 and \u2066A/78/1\u2069 (\u2068x \u2067y\u2069\u2069)';
    const { diagnostics, model } = compileYaml(withTitle(title));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(renderMarkdown(model!)).toContain(title);
  });

  it('the marks U+200E and U+200F reorder nothing and are allowed', () => {
    expect(compileYaml(withTitle('Adoption\u200e of the\u200f agenda')).model).toBeDefined();
  });

  it('an isolate left open, or a pop that closes none, is refused at the character', () => {
    expect(bidiControl('a \u2067b')).toMatchObject({ index: 2, message: expect.stringContaining('U+2067 RIGHT-TO-LEFT ISOLATE, which is not closed') });
    expect(bidiControl('\u2066a\u2069 b\u2069')).toMatchObject({ index: 5, message: expect.stringContaining('U+2069 POP DIRECTIONAL ISOLATE, which closes no isolate') });
    expect(bidiControl('\u2066\u2068a\u2069')).toMatchObject({ index: 0 });
    // Each text on its own: an isolate opened in the title is not closed by the annotation.
    const { diagnostics } = compileYaml(MINIMAL.replace('title: Adoption of the agenda', 'title: "Adoption \\u2067of"\n    annotation: "the\\u2069 agenda"'));
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['bidi-control', 10, 22],
      ['bidi-control', 11, 21],
    ]);
  });

  it('is checked in linear time on a long text', () => {
    const started = performance.now();
    expect(bidiControl(`${'\u2066a\u2069'.repeat(300_000)}\u202e`)?.index).toBe(900_000);
    expect(bidiControl('\u2066'.repeat(300_000))?.index).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
