import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { atSentenceStart } from './text.js';
import { defineRule, TEXTS } from './types.js';

const REFERENCE = /\b(Agenda item|Agenda items|Item|Items|Annex|Annexes|Article|Articles|Rule|Rules|Resolution|Resolutions|Decision|Decisions|Paragraph|Paragraphs|Chapter|Section)(?= (?:\d|[IVXL]{1,6}\b))/g;
const CHARTER = /^[^.;]{0,40}\bCharter\b/;
/** The number the reference word introduces: "6", "58/4", "27", "III". */
const NUMBER = /^ (\d{1,4}(?:[./]\d{1,4}){0,3}|[IVXL]{1,6})/;

export default defineRule({
  id: 'AG031',
  name: 'reference-case',
  description:
    'References in running text are lower case: "agenda item 2", "annex I", "article 27", "rule 6", "resolution 58/4" ("Article" only for the Charter, and in the series of `capitalArticleSeries`, whose house style writes every treaty\'s "Article"; "Annex" in the series of `capitalAnnexSeries`, where "Annex I" is the name of a treaty\'s annex: "Parties included in Annex I to the Convention").',
  source: 'UN capitalization list (agenda item, annex, article); CTOC/COP/WG.3/2023/1; FCCC/SBSTA/2024/1 ("Article 6, paragraph 2, of the Paris Agreement"); FCCC/SBI/2017/1 ("Parties included in Annex I to the Convention")',
  category: 'editorial',
  languages: ['en'],
  severity: 'warning',
  fixable: true,
  parameters: { capitalArticleSeries: ['FCCC/'] as string[], capitalAnnexSeries: ['FCCC/'] as string[] },
  parameterDocs: {
    capitalArticleSeries: 'starts of the document symbols whose house style writes "Article 6" of any treaty with a capital (the UNFCCC\'s)',
    capitalAnnexSeries: 'starts of the document symbols whose texts name a treaty\'s annex with a capital ("Annex I Parties", "Annex I to the Convention": the UNFCCC\'s)',
  },
  parameterSchemas: { capitalArticleSeries: TEXTS, capitalAnnexSeries: TEXTS },
  messages: { upperCase: "'{word}' should be lower case here: '{lower} {number}'" },
  hints: { lowerCase: "write '{lower}'" },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The Working Group will discuss Article 27 of the Convention.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The Working Group will discuss article 27 of the Convention.') }),
  },
  check({ model, report, params }) {
    const symbol = model.sources.document.symbol;
    const capitalArticles = params.capitalArticleSeries.some((start) => symbol.startsWith(start));
    const capitalAnnexes = params.capitalAnnexSeries.some((start) => symbol.startsWith(start));
    for (const t of model.sources.texts) {
      const masked = t.masked;
      for (const m of masked.matchAll(REFERENCE)) {
        if (atSentenceStart(masked, m.index)) continue;
        const word = m[1]!;
        if (word.startsWith('Article') && (capitalArticles || CHARTER.test(masked.slice(m.index + word.length)))) continue;
        if (word.startsWith('Annex') && capitalAnnexes) continue;
        const lower = word.toLowerCase();
        const number = NUMBER.exec(masked.slice(m.index + word.length, m.index + word.length + 16))?.[1] ?? '';
        report({ path: t.origin.path, offset: m.index, length: word.length, messageId: 'upperCase', data: { word, lower, number }, hintId: 'lowerCase', fix: { offset: m.index, length: word.length, replacement: lower } });
      }
    }
  },
});
