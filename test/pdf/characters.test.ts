import { describe, expect, it } from 'vitest';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { renderPdf, UnsupportedCharacterError, unsupportedCharacters } from '../../src/export/pdf/index.js';
import { modelOf } from './helpers.js';

describe('characters the PDF font cannot draw', () => {
  it('finds none in the examples', () => {
    expect(unsupportedCharacters(modelOf('examples/ctoc-cop-wg3-2023.yaml'))).toEqual([]);
    expect(unsupportedCharacters(modelOf('test/fixtures/long-meeting.yaml'))).toEqual([]);
  });

  it('names the character and the text it is in, and the renderer refuses to draw a blank', async () => {
    const yaml = MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda ★ and Привет, Ελλάδα, 中文');
    const model = compileYaml(yaml).model!;
    const found = unsupportedCharacters(model);
    expect(found.map((f) => f.character)).toEqual(expect.arrayContaining(['★', '中', '文']));
    expect(found[0]!.text).toContain('Adoption of the agenda');
    // The origin points into the YAML string: path and offset of the character.
    expect(found[0]!.origin?.path).toEqual(['items', 0, 'title']);
    expect(found[0]!.origin?.offset).toBe('Adoption of the agenda '.length);
    // Cyrillic and Greek are in Tinos.
    expect(found.map((f) => f.character)).not.toContain('П');
    expect(found.map((f) => f.character)).not.toContain('λ');
    const err = await renderPdf(model).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnsupportedCharacterError);
    expect((err as UnsupportedCharacterError).character).toBe('★');
    expect((err as UnsupportedCharacterError).message).toContain('U+2605');
    expect((err as UnsupportedCharacterError).origin?.path).toEqual(['items', 0, 'title']);
  });

  it('places a character of the masthead (the body, the venue) where the definition writes it', async () => {
    const at = async (yaml: string) => {
      const err = (await renderPdf(compileYaml(yaml).model!).then(
        () => undefined,
        (e: unknown) => e,
      )) as UnsupportedCharacterError;
      return err.origin;
    };
    expect(await at(MINIMAL.replace('body: Ad Hoc Committee on Example Matters', 'body: Ad Hoc Committee ★'))).toEqual({ path: ['body'], offset: 'Ad Hoc Committee '.length });
    expect(await at(MINIMAL.replace('  venue: New York', '  venue: New York ★'))).toEqual({ path: ['meeting', 'venue'], offset: 'New York '.length });
  });
});
