/**
 * Official languages are listed in the order of the language printing them, whatever the order
 * the definition writes them in: "English, French and Spanish only" in English, alphabetical by
 * the French names in French. Expected texts are written out, not taken from the locales.
 */
import { describe, expect, it } from 'vitest';
import { compileYaml, MINIMAL } from '../helpers/compile.js';

function facts(language: string, languages: string, interpretation: string) {
  const source = `language: ${language}\n${MINIMAL.replace('  date: 2025-01-10', `  date: 2025-01-10\n  languages: ${languages}`)}resources:\n  interpretation: ${interpretation}\n`.replace(
    '    title: Adoption of the agenda\n',
    '    title: Adoption of the agenda\n    annotation: "{interpretation}"\n',
  );
  const { model, diagnostics } = compileYaml(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const paragraph = model!.annotations!.sections[0]!.paragraphs[0]!.content;
  return { only: model!.masthead.languagesOnly, interpretation: paragraph.map((n) => ('value' in n ? n.value : '')).join('') };
}

describe('languages in the order of the language that lists them', () => {
  it('English: in the order of the English names', () => {
    expect(facts('en', '[es, en, fr]', '[ru, en, ar]')).toEqual({ only: 'English, French and Spanish only', interpretation: 'Arabic, English and Russian' });
    expect(facts('en', '[en, fr, es, ru]', '[es, zh]')).toEqual({ only: 'English, French, Russian and Spanish only', interpretation: 'Chinese and Spanish' });
  });

  it('French and Spanish: alphabetical by their own names', () => {
    expect(facts('fr', '[fr, es, en]', '[fr, en, ar]')).toEqual({ only: 'Anglais, espagnol et français seulement', interpretation: 'anglais, arabe et français' });
    expect(facts('es', '[en, fr, es]', '[en, fr, es]')).toEqual({ only: 'Español, francés e inglés únicamente', interpretation: 'español, francés e inglés' });
  });
});
