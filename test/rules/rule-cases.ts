/**
 * The cases of every rule, for rule-tester.ts: the rule's own failing and passing
 * examples, then the cases that reach each of its messages, its parameters and its fixes.
 */
import { exampleDefinition, itemsWithAnnotation, standardItems, twoDayOrganization } from '../../src/rules/example-definition.js';
import { findRule } from '../../src/rules/index.js';
import type { InvalidCase, ValidCase } from './rule-tester.js';

export interface RuleCases {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

const examples = (id: string) => findRule(id)!.examples;

/** A definition whose opening annotation is `text` (a double-quoted scalar on line 18: the text's offset k is column 22 + k). */
export const withText = (text: string) => exampleDefinition({ items: itemsWithAnnotation(JSON.stringify(text)) });
/** The column of `part` in the annotation of `withText(text)`. */
export const col = (text: string, part: string) => 22 + text.indexOf(part);

const withDocument = (lines: string) => exampleDefinition({ document: `document:\n  symbol: CTOC/COP/WG.3/2023/1\n${lines}` });
const withAdded = (added: string, parts: Parameters<typeof exampleDefinition>[0] = {}) => exampleDefinition({ ...parts, items: standardItems({ added }) });
/** An organization of work of the given days, each a date and the item lists of its meetings. */
const organization = (...days: [string, ...string[]][]) =>
  `organization_of_work:\n${days.map(([date, ...slots]) => `  - date: ${date}\n    slots:\n${slots.map((s, k) => `      - time: ${k ? '15:00-18:00' : '10:00-13:00'}\n        items: [${s}]`).join('\n')}`).join('\n')}`;
/** A conference's credentials item (1 (c)) taken up on the last day, after item 2 (other matters). */
const CREDENTIALS_LAST = exampleDefinition({
  items: standardItems({ added: '      - id: credentials\n        title: Adoption of the report of the Bureau on credentials\n        role: credentials' }),
  organization: organization(['2023-09-11', 'opening, adoption', 'other'], ['2023-09-12', 'credentials', 'report']),
});
/** An item whose sub-item has sub-items of its own: 2 (a) (i) and 2 (a) (ii). */
const THIRD_LEVEL = '  - id: deep\n    title: Deep questions\n    items:\n      - id: part\n        title: A part\n        items:\n          - id: first-part\n            title: The first part\n          - id: second-part\n            title: The second part';
const review = (lines: string) => withAdded(`  - id: review\n    title: Review process\n    review_mechanism: true\n${lines}`);

/** The standard items in French, with their roles written (`role:` counts before the English wordings); `legacy` writes the roles' earlier names. */
const frenchItems = (adoptionRole = 'adoption-of-agenda', legacy = false) => `items:
  - id: organizational
    title: Questions d'organisation
    role: ${legacy ? 'organization' : 'organizational-matters'}
    items:
      - id: opening
        title: Ouverture de la réunion
        role: opening
      - id: adoption
        title: Adoption de l'ordre du jour et organisation des travaux
        role: ${adoptionRole}
  - id: topic
    title: Coopération internationale
    annotation: No documentation is foreseen under this item.
  - id: other
    title: Questions diverses
    role: other-matters
  - id: report
    title: Adoption du rapport
    role: ${legacy ? 'report' : 'adoption-of-report'}`;

/** Items with the given titles (ids i1, i2 ...), each with an annotation that foresees no documents. */
const titled = (...titles: string[]) => `items:\n${titles.map((t, k) => `  - id: i${k + 1}\n    title: ${t}\n    annotation: No documentation is foreseen under this item.`).join('\n')}`;

export const CASES: Record<string, RuleCases> = {
  AG001: {
    valid: [examples('AG001').passing, { name: 'a special session 30 days ahead', code: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-12', meeting: 'meeting:\n  kind: special-session\n  number: 3\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-12]' }) }],
    invalid: [
      { code: examples('AG001').failing, errors: [{ messageId: 'tooLate', line: 4, column: 9, at: '2023-08-01', data: { lead: 41, dayWord: 'days', min: 60 }, hintId: 'earlier' }] },
      { name: 'one day', code: withDocument('  date: 2023-09-10'), errors: [{ messageId: 'tooLate', line: 4, column: 9, at: '2023-09-10', data: { lead: 1, dayWord: 'day', min: 60 }, hintId: 'earlier' }] },
      { name: 'a special session', code: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-20', meeting: 'meeting:\n  kind: special-session\n  number: 3\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-12]' }), errors: [{ messageId: 'tooLateSpecial', line: 4, column: 9, at: "2023-08-20", hintId: 'earlier' }] },
      { name: 'minDays', code: examples('AG001').passing, params: { minDays: 90 }, errors: [{ messageId: 'tooLate', line: 4, column: 9, at: "2023-06-14", hintId: 'earlier' }] },
    ],
  },
  AG002: {
    valid: [examples('AG002').passing, { name: 'minDays', code: examples('AG002').failing, params: { minDays: 10 } }],
    invalid: [
      { code: examples('AG002').failing, errors: [{ messageId: 'documentLate', line: 25, column: 17, at: "2023-09-01" }] },
      { name: 'the agenda itself', code: withDocument('  date: 2023-08-20'), errors: [{ messageId: 'agendaLate', line: 4, column: 9, at: "2023-08-20" }] },
      { name: 'a document without a symbol', code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note by the Secretariat\n        issued: 2023-09-05'), errors: [{ messageId: 'documentLate', line: 24, column: 17, at: "2023-09-05" }] },
    ],
  },
  AG003: {
    valid: [examples('AG003').passing],
    invalid: [{ code: examples('AG003').failing, errors: [{ messageId: 'late', line: 4, column: 9, at: "2023-07-10" }] }],
  },
  AG004: {
    valid: [
      examples('AG004').passing,
      { name: 'role: adoption-of-agenda', code: exampleDefinition({ items: frenchItems() }) },
      { name: 'the earlier role names', code: exampleDefinition({ items: frenchItems('adoption', true) }) },
      { name: 'the General Assembly wording', code: exampleDefinition({ items: titled('Opening of the session', 'Organization of work, adoption of the agenda and allocation of items') }) },
    ],
    invalid: [
      { name: 'a role that is not adoption', code: exampleDefinition({ items: frenchItems('organization-of-work') }), errors: [{ messageId: 'missing', line: 13, column: 3, at: '- id: organizational', hintId: 'missing' }] },
      { code: examples('AG004').failing, errors: [{ messageId: 'missing', line: 13, column: 3, at: "- id: organizational" }] },
    ],
  },
  AG005: {
    valid: [
      examples('AG005').passing,
      { name: 'roles before it', code: exampleDefinition({ items: frenchItems() }) },
      { name: 'allowedBefore', code: exampleDefinition({ items: titled('Opening of the session', 'Minute of silent prayer or meditation', 'Adoption of the agenda') }), params: { allowedBefore: ['opening', 'minute-of-silence'] } },
    ],
    invalid: [
      { code: examples('AG005').failing, errors: [{ messageId: 'late', line: 21, column: 16, at: 'Adoption of the agen', data: { number: '1 (c)', intruder: '1 (b)', title: 'General statements' }, hintId: 'declare' }] },
      { name: 'a preliminary this body does not take first', code: exampleDefinition({ items: titled('Opening of the session', 'Election of officers', 'Adoption of the agenda') }), params: { allowedBefore: ['opening'] }, errors: [{ messageId: 'late', line: 20, column: 12, at: 'Adoption of the agenda', data: { number: '3', intruder: '2', title: 'Election of officers' }, hintId: 'inferred' }] },
      { name: 'a declared role this body does not take first', code: exampleDefinition({ items: frenchItems() }), params: { allowedBefore: [] }, errors: [{ messageId: 'late', line: 21, column: 16, at: "Adoption de l'ordre ", data: { number: '1 (b)', intruder: '1 (a)', title: 'Ouverture de la réunion' }, hintId: 'late' }] },
    ],
  },
  AG006: {
    valid: [
      examples('AG006').passing,
      { name: 'an opening by the head of a delegation', code: exampleDefinition({ items: titled('Opening of the session by the head of the delegation of Egypt', 'Adoption of the agenda') }), params: { firstRoles: [['opening']] } },
      { name: 'an opening that names the session', code: exampleDefinition({ items: titled('Opening of the ninth session of the Assembly', 'Adoption of the agenda') }), params: { firstRoles: [['opening'], ['adoption-of-agenda']] } },
      { name: 'roles written', code: exampleDefinition({ items: frenchItems() }), params: { firstRoles: [['organizational-matters'], ['opening'], ['adoption-of-agenda']] } },
    ],
    invalid: [
      { code: examples('AG006').failing, errors: [{ messageId: 'different', line: 14, column: 12, at: 'International cooper', hintId: 'declare' }] },
      { name: 'a known item in the wrong place', code: examples('AG006').passing, params: { firstRoles: [['election-of-officers']] }, errors: [{ messageId: 'different', line: 14, column: 12, at: 'Organizational matte', hintId: 'inferred' }] },
      { name: 'a declared role in the wrong place', code: exampleDefinition({ items: frenchItems() }), params: { firstRoles: [['election-of-officers']] }, errors: [{ messageId: 'different', line: 14, column: 12, at: "Questions d'organisa", hintId: 'usual' }] },
      { name: 'too few items', code: examples('AG006').passing, params: { firstRoles: [['organizational-matters'], ['opening'], ['adoption-of-agenda'], ['other-matters'], ['adoption-of-report'], ['closing']] }, errors: [{ messageId: 'missing', line: 13, column: 3, at: "- id: organizational", hintId: 'usual' }] },
    ],
  },
  AG007: {
    valid: [
      examples('AG007').passing,
      { name: 'no closing items', code: examples('AG007').failing, params: { closingRoles: [] } },
      { name: 'a treaty body session that ends with a substantive item', code: exampleDefinition({ items: titled('Opening of the session', 'Adoption of the agenda', 'Consideration of reports submitted by States parties under article 73 of the Convention') }), params: { closingRoles: [['adoption-of-report']], optionalRoles: ['adoption-of-report'] } },
      { name: 'the same session in the year it adopts its report', code: exampleDefinition({ items: titled('Opening of the session', 'Adoption of the agenda', 'Consideration of reports', 'Adoption of the annual report') }), params: { closingRoles: [['adoption-of-report']], optionalRoles: ['adoption-of-report'] } },
      { name: 'roles written', code: exampleDefinition({ items: frenchItems() }) },
    ],
    invalid: [
      { code: examples('AG007').failing, errors: [{ messageId: 'misplacedLast', line: 21, column: 12, at: 'Adoption of the repo', data: { number: '2', title: 'Adoption of the report' }, hintId: 'inferred' }] },
      {
        name: 'a missing item is named',
        code: exampleDefinition({ items: titled('Opening of the session', 'Adoption of the agenda', 'Lessons learned from the review process', 'Adoption of the report') }),
        errors: [{ messageId: 'missing', line: 23, column: 12, at: 'Adoption of the repo', data: { expected: "'Other matters' (role: other-matters)", nextNumber: '4', nextTitle: 'Adoption of the report', candidate: '3', role: 'other-matters' }, hintId: 'declare' }],
      },
      { name: 'a closing item before the last that stands elsewhere', code: exampleDefinition({ items: titled('Opening of the session', 'Adoption of the agenda', 'Other matters', 'Lessons learned from the review process', 'Adoption of the report') }), errors: [{ messageId: 'misplaced', line: 20, column: 12, at: 'Other matters', data: { number: '3', title: 'Other matters', nextNumber: '5', nextTitle: 'Adoption of the report' }, hintId: 'inferred' }] },
      { name: 'a missing last item', code: exampleDefinition({ items: titled('Opening of the session', 'Adoption of the agenda', 'Other matters') }), errors: [{ messageId: 'missingLast', line: 20, column: 12, at: 'Other matters', data: { expected: "'Adoption of the report' (role: adoption-of-report)" }, hintId: 'usual' }] },
    ],
  },
  AG008: {
    valid: [examples('AG008').passing, { name: 'max', code: examples('AG008').failing, params: { max: 2 } }],
    invalid: [{ code: examples('AG008').failing, errors: [{ messageId: 'tooMany', line: 29, column: 23, at: "true" }] }],
  },
  AG009: {
    valid: [examples('AG009').passing],
    invalid: [
      { code: examples('AG009').failing, errors: [{ messageId: 'noCitation', line: 23, column: 17, at: "The Working Group wi" }] },
      { name: 'no annotation', code: review('    documentation:\n      - title: Note by the Secretariat\n        symbol: CTOC/COP/WG.3/2023/2'), errors: [{ messageId: 'noCitation', line: 22, column: 23, at: "true" }] },
    ],
  },
  AG010: {
    valid: [
      examples('AG010').passing,
      { name: 'a weekend between the meeting days', code: exampleDefinition({ meeting: 'meeting:\n  kind: meeting\n  number: 14\n  venue: Vienna\n  dates: [2023-09-08, 2023-09-11]', organization: organization(['2023-09-08', 'opening, adoption'], ['2023-09-11', 'other, report']) }) },
      { name: 'a holiday between the meeting days', code: exampleDefinition({ meeting: 'meeting:\n  kind: meeting\n  number: 14\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-13]\n  holidays: [2023-09-12]', organization: organization(['2023-09-11', 'opening, adoption'], ['2023-09-13', 'other, report']) }) },
    ],
    invalid: [
      { code: examples('AG010').failing, errors: [{ messageId: 'outside', line: 30, column: 11, at: "2023-09-13", hintId: 'outside' }] },
      { name: 'a meeting day left out', code: exampleDefinition({ organization: organization(['2023-09-11', 'opening, adoption, other, report']) }), errors: [{ messageId: 'missingDay', line: 11, column: 10, at: '[2023-09-11, 2023-09', data: { day: 'Tuesday, 12 September 2023' }, hintId: 'missingDay' }] },
      {
        name: 'meeting days left out, in runs over a weekend',
        code: exampleDefinition({ meeting: 'meeting:\n  kind: meeting\n  number: 14\n  venue: Vienna\n  dates: [2023-09-08, 2023-09-20]', organization: organization(['2023-09-08', 'opening, adoption'], ['2023-09-13', 'other, report']) }),
        errors: [{ messageId: 'missingDays', line: 11, column: 10, at: '[2023-09-08, 2023-09', data: { count: 7, days: 'Monday, 11 September 2023 to Tuesday, 12 September 2023; Thursday, 14 September 2023 to Wednesday, 20 September 2023' }, hintId: 'missingDay' }],
      },
      {
        name: 'meeting days left out on either side of a holiday, named apart',
        code: exampleDefinition({ meeting: 'meeting:\n  kind: meeting\n  number: 14\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-15]\n  holidays: [2023-09-13]', organization: organization(['2023-09-11', 'opening, adoption'], ['2023-09-15', 'other, report']) }),
        errors: [{ messageId: 'missingDays', line: 11, column: 10, at: '[2023-09-11, 2023-09', data: { count: 2, days: 'Tuesday, 12 September 2023; Thursday, 14 September 2023' }, hintId: 'missingDay' }],
      },
      {
        name: 'a holiday outside the dates, a holiday with meetings',
        code: exampleDefinition({ meeting: 'meeting:\n  kind: meeting\n  number: 14\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-12]\n  holidays: [2023-09-12, 2023-09-20]', organization: organization(['2023-09-11', 'opening, adoption'], ['2023-09-12', 'other, report']) }),
        errors: [
          { messageId: 'holidayOutside', line: 12, column: 26, at: '2023-09-20', data: { date: '2023-09-20', dates: '2023-09-11 to 2023-09-12' }, hintId: 'holiday' },
          { messageId: 'holidayMeeting', line: 31, column: 11, at: '2023-09-12', data: { date: '2023-09-12' }, hintId: 'holiday' },
        ],
      },
      { name: 'a day twice, a day out of order', code: exampleDefinition({ organization: organization(['2023-09-12', 'opening, adoption'], ['2023-09-12', 'other'], ['2023-09-11', 'report']) }), errors: [{ messageId: 'twice', line: 30, column: 11, at: "2023-09-12", hintId: 'order' }, { messageId: 'outOfOrder', line: 34, column: 11, at: "2023-09-11", hintId: 'order' }] },
    ],
  },
  AG011: {
    valid: [
      examples('AG011').passing,
      { name: 'the opening written out as it is', code: withText('The meeting will be opened on Monday, 11 September 2023, at 10 a.m.') },
      { name: 'as it is, with the first meeting of the organization of work', code: exampleDefinition({ items: itemsWithAnnotation('"The meeting will be opened on Monday, 11 September, at 3 p.m."'), organization: `organization_of_work:\n  - date: 2023-09-11\n    slots:\n      - time: 15:00-18:00\n        items: [opening, adoption, other, report]` }) },
      { name: 'other dates of the annotation', code: withText('On Monday, 23 May 2022, the Bureau approved the dates. The meeting will be opened on Monday, 11 September 2023.') },
    ],
    invalid: [
      { code: examples('AG011').failing, errors: [{ messageId: 'openingTime', line: 12, column: 13, at: "\"09:30\"" }] },
      { name: 'a later first day', code: exampleDefinition({ organization: organization(['2023-09-12', 'opening, adoption, other, report']) }), errors: [{ messageId: 'firstDay', line: 26, column: 11, at: "2023-09-12" }] },
      { name: 'an opening sentence left from an earlier agenda', code: withText('The meeting will be opened on Monday, 23 May 2022, at 10 a.m.'), errors: [{ messageId: 'annotationDate', line: 18, column: col('The meeting will be opened on Monday, 23 May 2022, at 10 a.m.', 'Monday'), at: 'Monday, 23 May 2022', data: { written: 'Monday, 23 May 2022', expected: 'Monday, 11 September 2023' }, hintId: 'annotation' }] },
      { name: 'another opening time', code: exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('The meeting will be opened on Monday, 11 September 2023, at 9.30 a.m.')), organization: organization(['2023-09-11', 'opening, adoption'], ['2023-09-12', 'other, report']) }), errors: [{ messageId: 'annotationTime', line: 18, column: col('The meeting will be opened on Monday, 11 September 2023, at 9.30 a.m.', '9.30'), at: '9.30 a.m.', data: { written: '9.30 a.m.', expected: '10 a.m.' }, hintId: 'annotation' }] },
    ],
  },
  AG012: {
    valid: [
      examples('AG012').passing,
      { name: 'an item through its sub-items', code: exampleDefinition({ organization: organization(['2023-09-11', 'opening, adoption'], ['2023-09-12', 'other, report']) }) },
      { name: 'an item through the sub-items of its sub-item', code: exampleDefinition({ items: standardItems({ added: THIRD_LEVEL }), organization: organization(['2023-09-11', 'opening, adoption, first-part'], ['2023-09-12', 'second-part, other, report']) }) },
    ],
    invalid: [
      { code: examples('AG012').failing, errors: [{ messageId: 'notTakenUp', line: 20, column: 9, at: "other" }] },
      { name: 'a sub-item left out', code: exampleDefinition({ organization: organization(['2023-09-11', 'opening'], ['2023-09-12', 'other, report']) }), errors: [{ messageId: 'notTakenUp', line: 18, column: 13, at: 'adoption', data: { number: '1 (b)', id: 'adoption' } }] },
      { name: 'a third-level item left out', code: exampleDefinition({ items: standardItems({ added: THIRD_LEVEL }), organization: organization(['2023-09-11', 'opening, adoption, first-part'], ['2023-09-12', 'other, report']) }), errors: [{ messageId: 'notTakenUp', line: 28, column: 17, at: 'second-part', data: { number: '2 (a) (ii)', id: 'second-part' } }] },
    ],
  },
  AG013: {
    valid: [
      examples('AG013').passing,
      { name: 'an item continued later', code: exampleDefinition({ organization: organization(['2023-09-11', 'opening, adoption', 'other'], ['2023-09-12', 'adoption, report']) }) },
      { name: 'the credentials report adopted on the last day', code: CREDENTIALS_LAST },
    ],
    invalid: [
      { code: examples('AG013').failing, errors: [{ messageId: 'outOfOrder', line: 33, column: 25, at: "other]" }] },
      { name: 'credentials, where no role may come late', code: CREDENTIALS_LAST, params: { takenUpLate: [] }, errors: [{ messageId: 'outOfOrder', line: 38, column: 17, at: 'credentials]', data: { number: '1 (c)', highest: '2' } }] },
    ],
  },
  AG014: {
    valid: [
      examples('AG014').passing,
      {
        name: 'a side event, not a plenary meeting',
        code: exampleDefinition({
          resources: 'resources:\n  plenary_meetings: 4',
          items: itemsWithAnnotation('It permits four plenary meetings over two days.'),
          organization: organization(['2023-09-11', 'opening, adoption', 'adoption'], ['2023-09-12', 'other', 'report']).replace("      - time: 15:00-18:00\n        items: [adoption]", "      - time: 13:15-14:45\n        plenary: false\n        items: [{ title: Side event }]\n      - time: 15:00-18:00\n        items: [adoption]"),
        }),
      },
    ],
    invalid: [
      { code: examples('AG014').failing, errors: [{ messageId: 'textMeetings', line: 18, column: 72, at: "six" }] },
      { name: 'the days', code: exampleDefinition({ items: itemsWithAnnotation('It permits four plenary meetings over three days.'), organization: organization(['2023-09-11', 'opening, adoption', 'adoption'], ['2023-09-12', 'other', 'report']) }), errors: [{ messageId: 'textDays', line: 18, column: 59, at: 'three' }] },
      { name: 'the stated resources', code: exampleDefinition({ resources: 'resources:\n  plenary_meetings: 3', organization: twoDayOrganization('other, report') }), errors: [{ messageId: 'statedMeetings', line: 13, column: 21, at: "3" }] },
      {
        name: 'a side event counted as a plenary meeting',
        code: exampleDefinition({
          items: itemsWithAnnotation('It permits four plenary meetings over two days.'),
          organization: organization(['2023-09-11', 'opening, adoption', 'adoption'], ['2023-09-12', 'other', 'report']).replace("      - time: 15:00-18:00\n        items: [adoption]", "      - time: 13:15-14:45\n        items: [{ title: Side event }]\n      - time: 15:00-18:00\n        items: [adoption]"),
        }),
        errors: [{ messageId: 'textMeetings', line: 18, column: 32, at: 'four' }],
      },
    ],
  },
  AG015: {
    valid: [examples('AG015').passing],
    invalid: [
      { code: examples('AG015').failing, errors: [{ messageId: 'text', line: 19, column: 73, at: "six official languages" }] },
      { name: 'interpretation in all languages', code: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-06-14\n  languages: [en, fr]', resources: 'resources:\n  interpretation: all' }), errors: [{ messageId: 'resources', line: 14, column: 19, at: "all" }] },
    ],
  },
  AG016: {
    valid: [
      examples('AG016').passing,
      { name: 'a French annotation, which the English default words cannot read', code: `language: fr\n${exampleDefinition({ items: frenchItems().replace('No documentation is foreseen under this item.', 'Aucune documentation n’est prévue au titre de ce point.').replace('    role: other-matters', '    role: other-matters\n    annotation: Aucune documentation n’est prévue au titre de ce point.') })}` },
      { name: 'French words given in the configuration', code: `language: fr\n${exampleDefinition({ items: frenchItems().replace('No documentation is foreseen under this item.', 'Aucune documentation n’est prévue.').replace('    role: other-matters', '    role: other-matters\n    annotation: Aucune documentation n’est prévue.') })}`, params: { noDocumentation: 'aucune documentation' } },
      { name: 'procedural roles', code: exampleDefinition({ items: frenchItems().replace('    role: other-matters', '    role: other-matters\n    annotation: No documentation is foreseen.') }) },
      {
        name: 'procedural items that never list documents',
        code: withAdded(['Solemn declaration by the newly elected members of the Committee', 'Election of five members of the Committee', 'General debate', 'Minute of silent prayer or meditation', 'Adoption of the annual report'].map((t, k) => `  - id: p${k}\n    title: ${t}`).join('\n')),
      },
      { name: 'a provisional agenda (document.kind)', code: examples('AG016').failing.replace('  date: 2023-06-14\n', '  date: 2023-06-14\n  kind: provisional-agenda\n') },
      { name: 'a list not yet annotated', code: exampleDefinition({ items: standardItems({ added: '  - id: topic\n    title: International cooperation' }).replace('    annotation: No documentation is foreseen under this item.\n', '') }) },
    ],
    invalid: [
      {
        name: 'French words given in the configuration, and an annotation without them',
        code: `language: fr\n${exampleDefinition({ items: frenchItems().replace('No documentation is foreseen under this item.', 'Le Groupe examinera la question.').replace('    role: other-matters', '    role: other-matters\n    annotation: Aucune documentation n’est prévue.') })}`,
        params: { noDocumentation: 'aucune documentation' },
        errors: [{ messageId: 'noDocumentation', line: 26, column: 17, at: 'Le Groupe' }],
      },
      { code: examples('AG016').failing, errors: [{ messageId: 'noDocumentation', line: 28, column: 17, at: "The Working Group ma" }] },
      { name: 'other matters by role', code: exampleDefinition({ items: frenchItems() }), errors: [{ messageId: 'noDocumentation', line: 27, column: 12, at: 'Questions diverses', data: { number: '3' } }] },
      { name: 'no annotation', code: withAdded('  - id: topic\n    title: Technical assistance'), errors: [{ messageId: 'noDocumentation', line: 21, column: 12, at: "Technical assistance" }] },
      { name: 'exemptRoles', code: withAdded('  - id: general\n    title: General debate'), params: { exemptRoles: ['adoption-of-report'] }, errors: [{ messageId: 'noDocumentation', line: 21, column: 12, at: "General debate" }] },
    ],
  },
  AG017: {
    valid: [examples('AG017').passing, { name: 'agendaSerial', code: exampleDefinition({ document: 'document:\n  symbol: A/S-20/150\n  date: 2023-06-14' }), params: { agendaSerial: '150' } }, { name: 'alternative serials', code: exampleDefinition({ document: 'document:\n  symbol: A/78/100\n  date: 2023-06-14' }), params: { agendaSerial: '150 | 100' } }],
    invalid: [
      { code: examples('AG017').failing, errors: [{ messageId: 'twice', line: 26, column: 17, at: "CTOC/COP/WG.3/2023/2" }] },
      { name: 'the agenda not first, a joint symbol repeated', code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note\n        symbol: [E/2001/28, E/CN.7/2001/12]\n      - title: Report\n        symbol: [E/CN.7/2001/12]', { document: 'document:\n  symbol: CTOC/COP/WG.3/2023/2\n  date: 2023-06-14' }), errors: [{ messageId: 'agendaSerial', line: 3, column: 11, at: "CTOC/COP/WG.3/2023/2" }, { messageId: 'twice', line: 26, column: 18, at: "E/CN.7/2001/12]" }] },
    ],
  },
  AG018: {
    valid: [
      examples('AG018').passing,
      { name: "the UNCCD's sessions in brackets, combined periodic reports, UNIDO's series with their session, and other series", code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note\n        symbol: [ICCD/COP(16)/23, ICCD/CRIC(21)/1, FCCC/KP/CMP/2023/1, UNEP/OzL.Pro.31/9/Add.1, TD/B/C.I/MEM.8/2, CRC/C/AUS/6-7, CERD/C/ZAF/9-11, CRC/C/AUS/Q/6-7, IDB.52/1, PBC.40/1/Add.1]') },
    ],
    invalid: [
      { code: examples('AG018').failing, errors: [{ messageId: 'invalid', line: 3, column: 11, at: "CTOC/COP/WG.3//2023/", data: { symbol: 'CTOC/COP/WG.3//2023/1', problem: `the fourth component, between 'WG.3' and '2023', is empty ("//")`, corrected: 'CTOC/COP/WG.3/2023/1' }, hintId: 'corrected' }] },
      { name: 'in a list of symbols', code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note\n        symbol: [E/2001/28, E/2001//29]'), errors: [{ messageId: 'invalid', line: 24, column: 29, at: "E/2001//29]", hintId: 'corrected' }] },
      { name: 'a body without its full stop', code: withDocument('  date: 2023-06-14').replace('WG.3/2023/1', 'WG3/2023/1'), errors: [{ messageId: 'invalid', line: 3, column: 11, at: 'CTOC/COP/WG3/2023/1', data: { symbol: 'CTOC/COP/WG3/2023/1', problem: "'WG3' is not a symbol component: a body's number follows a full stop ('WG.3')", corrected: 'CTOC/COP/WG.3/2023/1' }, hintId: 'corrected' }] },
      { name: 'a final "/"', code: withDocument('  date: 2023-06-14').replace('WG.3/2023/1', 'WG.3/2023/1/'), errors: [{ messageId: 'invalid', line: 3, column: 11, at: 'CTOC/COP/WG.3/2023/1/', data: { symbol: 'CTOC/COP/WG.3/2023/1/', problem: 'the symbol ends with "/"', corrected: 'CTOC/COP/WG.3/2023/1' }, hintId: 'corrected' }] },
      { name: 'a joint symbol written as one text', code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note\n        symbol: E/2001/28-E/CN.7/2001/12'), errors: [{ messageId: 'invalid', line: 24, column: 17, at: 'E/2001/28-E/CN.7/2001/12', hintId: 'joint' }] },
      { name: 'a series with letters after its full stop', code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note\n        symbol: IDB.X/1'), errors: [{ messageId: 'invalid', line: 24, column: 17, at: 'IDB.X/1', hintId: 'example' }] },
      { name: 'brackets that hold no session', code: withAdded('  - id: topic\n    title: Topic\n    documentation:\n      - title: Note\n        symbol: ICCD/COP(XVI)/23'), errors: [{ messageId: 'invalid', line: 24, column: 17, at: 'ICCD/COP(XVI)/23', hintId: 'example' }] },
      { name: 'a component that is no component', code: withDocument('  date: 2023-06-14').replace('WG.3/2023/1', 'WG.3/20x3/1'), errors: [{ messageId: 'invalid', line: 3, column: 11, at: 'CTOC/COP/WG.3/20x3/1', hintId: 'example' }] },
      { name: "the second of a joint document's symbols, written as a list", code: withDocument('  date: 2023-06-14').replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: [CTOC/COP/WG.3/2023/1, E/CN.15//2023/1]'), errors: [{ messageId: 'invalid', line: 3, column: 34, at: 'E/CN.15//2023/1', hintId: 'corrected' }] },
      { name: "the second of a joint document's symbols, in their printed form", code: withDocument('  date: 2023-06-14').replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: CTOC/COP/WG.3/2023/1 – ECN.15/2023/1'), errors: [{ messageId: 'invalid', line: 3, column: 11, at: 'CTOC/COP/WG.3/2023/1', hintId: 'example' }] },
    ],
  },
  AG019: {
    valid: [examples('AG019').passing],
    invalid: [
      { code: examples('AG019').failing, errors: [{ messageId: 'bodySeries', line: 3, column: 11, at: "CTOC/COP/WG.4/2023/1" }] },
      { name: 'series and year', code: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2022/1\n  date: 2023-06-14' }), params: { series: ['E/CN.'] }, errors: [{ messageId: 'series', line: 3, column: 11, at: "CTOC/COP/WG.3/2022/1" }, { messageId: 'year', line: 3, column: 11, at: "CTOC/COP/WG.3/2022/1" }] },
    ],
  },
  AG020: {
    valid: [
      examples('AG020').passing,
      { name: 'an L. document', code: withDocument('  distribution: limited\n  date: 2023-06-14').replace('WG.3/2023/1', 'WG.3/2023/L.1') },
      { name: "a working paper issued limited (UNCITRAL's working groups)", code: withDocument('  distribution: limited\n  date: 2023-06-14').replace('CTOC/COP/WG.3/2023/1', 'A/CN.9/WG.III/WP.240') },
      { name: 'a working paper issued general', code: withDocument('  date: 2023-06-14').replace('CTOC/COP/WG.3/2023/1', 'A/CN.9/WG.III/WP.240') },
    ],
    invalid: [
      { code: examples('AG020').failing, errors: [{ messageId: 'notGeneral', line: 4, column: 17, at: "limited" }] },
      { name: 'an L. symbol without distribution', code: withDocument('  date: 2023-06-14').replace('WG.3/2023/1', 'WG.3/2023/L.1'), errors: [{ messageId: 'limited', line: 3, column: 11, at: "CTOC/COP/WG.3/2023/L" }] },
      { name: 'an R. symbol', code: withDocument('  distribution: general\n  date: 2023-06-14').replace('WG.3/2023/1', 'WG.3/2023/R.1'), errors: [{ messageId: 'restricted', line: 4, column: 17, at: "general" }] },
    ],
  },
  AG021: {
    valid: [
      examples('AG021').passing,
      { name: 'New York, no prefix', code: withDocument('  date: 2023-06-14\n  job_number: 23-11234').replace('venue: Vienna', 'venue: New York') },
      { name: "Nairobi's K and seven digits", code: withDocument('  date: 2023-06-14\n  job_number: K2312345').replace('venue: Vienna', 'venue: Nairobi') },
    ],
    invalid: [
      { code: examples('AG021').failing, errors: [{ messageId: 'year', line: 5, column: 15, at: "V.24-11234" }] },
      { name: 'prefixes and stamps', code: withDocument('  date: 2023-06-14\n  job_number: GE.23-11234\n  processed: 2023-06-13\n  issued: 2023-06-12'), errors: [{ messageId: 'prefix', line: 5, column: 15, at: "GE.23-11234" }, { messageId: 'processed', line: 6, column: 14, at: "2023-06-13" }, { messageId: 'issued', line: 7, column: 11, at: "2023-06-12" }] },
      { name: "Nairobi's form, a later year", code: withDocument('  date: 2023-06-14\n  job_number: K2412345').replace('venue: Vienna', 'venue: Nairobi'), errors: [{ messageId: 'year', line: 5, column: 15, at: 'K2412345' }] },
      { name: 'a Vienna job number at Nairobi', code: withDocument('  date: 2023-06-14\n  job_number: V.23-11234').replace('venue: Vienna', 'venue: Nairobi'), errors: [{ messageId: 'prefix', line: 5, column: 15, at: 'V.23-11234' }] },
      { name: 'a prefix in New York', code: withDocument('  date: 2023-06-14\n  job_number: V.23-11234').replace('venue: Vienna', 'venue: New York'), errors: [{ messageId: 'noPrefix', line: 5, column: 15, at: "V.23-11234" }] },
    ],
  },
  AG022: {
    valid: [examples('AG022').passing, withText('See E/2001/28 – E/CN.7/2001/12 and A/1, B/2.'), withText('See the combined reports CRC/C/AUS/6-7 and CERD/C/ZAF/9-11.')],
    invalid: [
      { code: examples('AG022').failing, errors: [{ messageId: 'dash', line: 18, column: 49, at: "-" }], output: examples('AG022').failing.replace('E/2001/28-E/CN.7/2001/12', 'E/2001/28 – E/CN.7/2001/12') },
      { name: "the UNCCD's symbols, their sessions in brackets", code: withText('See ICCD/COP(16)/23-ICCD/COP(16)/24.'), errors: [{ messageId: 'dash', line: 18, column: 41, at: '-' }], output: withText('See ICCD/COP(16)/23 – ICCD/COP(16)/24.') },
      { name: 'hyphen, em dash', code: withText('See E/2001/28 - E/CN.7/2001/12 and A/RES/1—A/RES/2.'), errors: [{ messageId: 'dash', line: 18, column: 35, at: " - " }, { messageId: 'dash', line: 18, column: 64, at: "—" }], output: withText('See E/2001/28 – E/CN.7/2001/12 and A/RES/1 – A/RES/2.') },
    ],
  },
  AG023: {
    valid: [examples('AG023').passing, withText('On 11 September 2023 and at {venue}.')],
    invalid: [
      { code: examples('AG023').failing, errors: [{ messageId: 'dayFirst', line: 18, column: 56, at: "September 11, 2022" }] },
      { name: 'every form', code: withText('On 11th September, 09 May, 11 September, 2023, 3 Sept., 11/09/2023 and 2023-09-11.'), errors: [{ messageId: 'suffix', line: 18, column: 25, at: "11th September" }, { messageId: 'zero', line: 18, column: 41, at: "09 May" }, { messageId: 'comma', line: 18, column: 49, at: "11 September, 2023" }, { messageId: 'abbreviated', line: 18, column: 69, at: "3 Sept." }, { messageId: 'figures', line: 18, column: 78, at: "11/09/2023" }, { messageId: 'iso', line: 18, column: 93, at: "2023-09-11" }] },
    ],
  },
  AG024: {
    valid: [examples('AG024').passing, withText('From 11 to 15 October and 11 and 12 May.')],
    invalid: [
      { code: examples('AG024').failing, errors: [{ messageId: 'dash', line: 18, column: 51, at: "-" }], output: examples('AG024').failing.replace('15-19 October', '15–19 October') },
      { name: 'words and a dash, consecutive days', code: withText('It meets from 11-15 October, on 11-12 May and 3 – 6 June.'), errors: [{ messageId: 'fromDash', line: 18, column: 31, at: "from 11-15 October" }, { messageId: 'consecutive', line: 18, column: 54, at: '11-12 May', data: { a: '11', b: '12' } }, { messageId: 'dash', line: 18, column: 69, at: " – " }], output: withText('It meets from 11-15 October, on 11-12 May and 3–6 June.') },
    ],
  },
  AG025: {
    valid: [examples('AG025').passing, withText('On Monday, 11 September, it opens.')],
    invalid: [
      { code: examples('AG025').failing, errors: [{ messageId: 'wrongWeekday', line: 18, column: 59, at: "Thursday", hintId: 'wrongWeekday' }] },
      { name: 'no such date, the meeting year', code: withText('On Monday, 31 September 2023 and Tuesday, 11 September.'), errors: [{ messageId: 'notADate', line: 18, column: 32, at: " 31 September 2023", hintId: 'notADate' }, { messageId: 'wrongWeekday', line: 18, column: 55, at: 'Tuesday', data: { day: '11', month: 'September', year: 2023, actual: 'Monday', written: 'Tuesday' }, hintId: 'wrongWeekdayNoYear' }] },
    ],
  },
  AG026: {
    valid: [examples('AG026').passing, withText('At 10 a.m., 3.30 p.m. and noon; a vote of 12:3 against.')],
    invalid: [
      { code: examples('AG026').failing, errors: [{ messageId: 'twentyFourHour', line: 18, column: 51, at: "10:00.", hintId: 'replacement' }], output: examples('AG026').failing.replace('opened at 10:00.', 'opened at 10 a.m.') },
      { name: 'every form', code: withText('From 10:00-13:00, at 12 noon, at 13 p.m., at 10:30 a.m., at 3 PM, then 15:30 and at 15 h.'), errors: [{ messageId: 'twentyFourHour', line: 18, column: 27, at: "10:00-13:00", hintId: 'replacement' }, { messageId: 'noon', line: 18, column: 43, at: "12 noon", hintId: 'replacement' }, { messageId: 'ambiguous', line: 18, column: 55, at: "13 p.m.", hintId: 'time' }, { messageId: 'notUnWay', line: 18, column: 67, at: "10:30 a.m.", hintId: 'replacement' }, { messageId: 'suffixCase', line: 18, column: 82, at: "3 PM", hintId: 'replacement' }, { messageId: 'maybeTime', line: 18, column: 93, at: "15:30", hintId: 'maybeTime' }, { messageId: 'twentyFourHour', line: 18, column: 106, at: "15 h.", hintId: 'replacement' }], output: withText('From 10 a.m.–1 p.m., at noon, at 13 p.m., at 10.30 a.m., at 3 p.m., then 15:30 and at 3 p.m.') },
      { name: 'perhaps a ratio', code: withText('A vote of 3:15 was taken.'), errors: [{ messageId: 'maybeTime', line: 18, column: 32, at: "3:15", hintId: 'maybeTime' }] },
      { name: 'a range that ends before it starts, perhaps midnight', code: withText('From 15:00-13:00; a score of 0:00.'), errors: [{ messageId: 'twentyFourHour', line: 18, column: col('From 15:00-13:00; a score of 0:00.', '15:00'), at: '15:00-13:00', hintId: 'range' }, { messageId: 'maybeTime', line: 18, column: col('From 15:00-13:00; a score of 0:00.', '0:00'), at: '0:00', hintId: 'maybeMidnight' }] },
    ],
  },
  AG027: {
    valid: [examples('AG027').passing, withText('From 10 a.m.–1 p.m. and 3–6 p.m.')],
    invalid: [
      { code: examples('AG027').failing, errors: [{ messageId: 'dash', line: 18, column: 63, at: "-", hintId: 'dash' }], output: examples('AG027').failing.replace('from 3-6 p.m.', 'from 3–6 p.m.') },
      { name: 'a shared suffix, before noon', code: withText('From 3 p.m.–6 p.m., and 10–1 p.m.'), errors: [{ messageId: 'sharedSuffix', line: 18, column: 27, at: "3 p.m.–6 p.m.", hintId: 'sharedSuffix' }, { messageId: 'beforeNoon', line: 18, column: 46, at: "10", hintId: 'beforeNoon' }], output: withText('From 3–6 p.m., and 10–1 p.m.') },
    ],
  },
  AG028: {
    valid: [examples('AG028').passing],
    invalid: [
      { code: examples('AG028').failing, errors: [{ messageId: 'percent', line: 18, column: 51, at: "percent", hintId: 'replacement' }], output: examples('AG028').failing.replace('70 percent', '70 per cent') },
      { name: 'signs', code: withText('Some 70 % and 5% of them; % alone.'), errors: [{ messageId: 'sign', line: 18, column: 29, at: " %", hintId: 'sign' }, { messageId: 'sign', line: 18, column: 37, at: "%", hintId: 'sign' }, { messageId: 'sign', line: 18, column: 47, at: " %", hintId: 'loneSign' }], output: withText('Some 70 per cent and 5 per cent of them; % alone.') },
      { name: 'the whole figure in the hint', code: withText('Some 70% and 12.5 % of them.'), errors: [{ messageId: 'sign', line: 18, column: col('Some 70% and 12.5 % of them.', '%'), at: '%', data: { figure: '70' }, hintId: 'sign' }, { messageId: 'sign', line: 18, column: col('Some 70% and 12.5 % of them.', ' % of'), at: ' %', data: { figure: '12.5' }, hintId: 'sign' }], output: withText('Some 70 per cent and 12.5 per cent of them.') },
    ],
  },
  AG029: {
    valid: [
      examples('AG029').passing,
      withText('See paragraphs 1, 2 and 3 of annex 4, at 3 p.m. on 5 May.'),
      { name: 'ranges of days and hours', code: withText('It met from 2 to 6 May 2022, on 2 and 3 November, on 2–6 November 2015 and on 1, 2 and 3 June, from 3 to 6 p.m. and from 9 to 10 a.m.') },
      { name: 'an amount', code: withText('The budget is 2 million dollars.') },
      { name: "symbols with a session in brackets", code: withText('The rules are in ICCD/COP(1)/11/Add.1 and ICCD/COP(8)/16.') },
      { name: 'more reference words', code: withText('See p. 5 of Supplement No. 3 and footnote 4.') },
      { name: 'the full stop of an abbreviated month', code: withText('The note of 3 Aug. 2022 was received.') },
      { name: 'a time written otherwise, which AG026 reports', code: withText('It resumes at 3 pm.') },
      { name: 'a reference in emphasis', code: withText('See *rule 9* of the rules.') },
    ],
    invalid: [
      { code: examples('AG029').failing, errors: [{ messageId: 'underTen', line: 18, column: 51, at: "5" }] },
      { name: 'a sentence that starts with a figure', code: withText('Fine. 12 States replied.'), errors: [{ messageId: 'sentenceStart', line: 18, column: 28, at: "12" }] },
      { name: 'references', code: withText('See paragraph 3.'), params: { references: ['clause'] }, errors: [{ messageId: 'underTen', line: 18, column: 36, at: "3", data: { figure: '3', words: 'three' } }] },
      { name: 'a list item that starts with a figure', code: exampleDefinition({ items: itemsWithAnnotation('|\n          Replies:\n\n          - 5 States replied.') }), errors: [{ messageId: 'sentenceStart', line: 21, column: 13, at: '5 States', data: { figure: '5' } }] },
    ],
  },
  AG030: {
    valid: [examples('AG030').passing, withText('On 11th September.')],
    invalid: [
      { code: examples('AG030').failing, errors: [{ messageId: 'ordinal', line: 18, column: 25, at: "13th" }], output: examples('AG030').failing.replace('The 13th meeting', 'The thirteenth meeting') },
      { name: 'at the start, a wrong suffix', code: withText('21st session. The 22th one.'), errors: [{ messageId: 'ordinal', line: 18, column: 22, at: "21st" }, { messageId: 'ordinal', line: 18, column: 40, at: "22th" }], output: withText('Twenty-first session. The 22th one.') },
      // Its only figure is its first character: texts without figures are passed over (hasFigure).
      { name: 'the one figure opens the text', code: withText('1st session.'), errors: [{ messageId: 'ordinal', line: 18, column: 22, at: '1st' }], output: withText('First session.') },
    ],
  },
  AG031: {
    valid: [
      examples('AG031').passing,
      withText('Article 27 applies, as does Article 2 of the Charter.'),
      { name: 'paragraphs, list items and emphasis that start with a reference', code: exampleDefinition({ items: itemsWithAnnotation('|\n          The meeting opens.\n\n          Rule 6 applies.\n\n          - Rule 8 applies.\n\n          *Rule 9* applies.\n\n          > Rule 10 applies.') }) },
      { name: "the UNFCCC's house style: every treaty's Article", code: examples('AG031').failing.replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: FCCC/SBSTA/2024/1') },
      { name: "the UNFCCC's house style: the Convention's Annex I", code: withText('Parties included in Annex I to the Convention.').replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: FCCC/SBI/2024/1') },
    ],
    invalid: [
      { name: 'a series whose style is not the UNFCCC\'s', code: examples('AG031').failing.replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: FCCC/SBSTA/2024/1'), params: { capitalArticleSeries: [] }, errors: [{ messageId: 'upperCase', line: 18, column: 52, at: 'Article', data: { word: 'Article', lower: 'article', number: '27' } }], output: examples('AG031').failing.replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: FCCC/SBSTA/2024/1').replace('discuss Article 27', 'discuss article 27') },
      { code: examples('AG031').failing, errors: [{ messageId: 'upperCase', line: 18, column: 52, at: "Article", data: { word: 'Article', lower: 'article', number: '27' } }], output: examples('AG031').failing.replace('discuss Article 27', 'discuss article 27') },
      { name: 'an annex of the document, elsewhere', code: withText('Parties included in Annex I to the Convention.'), errors: [{ messageId: 'upperCase', line: 18, column: col('Parties included in Annex I to the Convention.', 'Annex'), at: 'Annex', data: { word: 'Annex', lower: 'annex', number: 'I' } }], output: withText('Parties included in annex I to the Convention.') },
    ],
  },
  AG032: {
    valid: [examples('AG032').passing, { name: "the UNFCCC's house style", code: examples('AG032').failing.replace('symbol: CTOC/COP/WG.3/2023/1', 'symbol: FCCC/SBI/2024/1') }],
    invalid: [{ code: examples('AG032').failing, errors: [{ messageId: 'space', line: 18, column: 48, at: "(a)" }], output: examples('AG032').failing.replace('paragraph 1(a)', 'paragraph 1 (a)') }],
  },
  AG033: {
    valid: [examples('AG033').passing, { name: 'the full stop of an abbreviation', code: exampleDefinition().replace('title: Other matters', 'title: Other matters, etc.') }],
    invalid: [
      { code: examples('AG033').failing, errors: [{ messageId: 'sentenceCase', line: 19, column: 25, at: "Of" }] },
      { name: 'a small letter, final punctuation', code: exampleDefinition().replace('title: Other matters', 'title: other matters..'), errors: [{ messageId: 'capital', line: 21, column: 12, at: "o" }, { messageId: 'finalPunctuation', line: 21, column: 25, at: ".." }], output: exampleDefinition().replace('title: Other matters', 'title: Other matters') },
      {
        name: "a group's heading: its own message, the same fix",
        code: exampleDefinition().replace('    title: Other matters', '    group_heading: Closing segment.\n    title: Other matters'),
        errors: [{ messageId: 'groupHeadingPunctuation', line: 21, column: 35, at: '.' }],
        output: exampleDefinition().replace('    title: Other matters', '    group_heading: Closing segment\n    title: Other matters'),
      },
    ],
  },
  AG034: {
    valid: [examples('AG034').passing, withText('UN-Habitat and UN/CEFACT.')],
    invalid: [
      { code: examples('AG034').failing, errors: [{ messageId: 'abbreviated', line: 18, column: 25, at: "UN" }] },
      { name: 'abbreviations', code: withText('ECOSOC asks U.N. bodies.'), params: { abbreviations: ['ECOSOC => Economic and Social Council'] }, errors: [{ messageId: 'abbreviated', line: 18, column: 22, at: "ECOSOC" }] },
    ],
  },
  AG035: {
    valid: [examples('AG035').passing],
    invalid: [{ code: examples('AG035').failing, errors: [{ messageId: 'tooEarly', line: 17, column: 64, at: "Organized Crime Convention" }] }],
  },
  AG036: {
    valid: [
      examples('AG036').passing,
      { name: 'numbers typed in a style that does not number paragraphs', code: exampleDefinition({ items: itemsWithAnnotation('|\n          1. The meeting will be opened.') }) },
      { name: 'a figure that starts a paragraph of a numbering style', code: `style: un-numbered\n${exampleDefinition({ items: itemsWithAnnotation('|\n          1.5 million people are concerned.\n\n          2 reports are before it.') })}` },
    ],
    invalid: [
      { code: examples('AG036').failing, errors: [{ messageId: 'notPrinted', line: 19, column: 21, at: 'The meeting will be ' }] },
      {
        name: 'numbers typed by hand where the style numbers paragraphs',
        code: `style: un-numbered\n${exampleDefinition({ items: itemsWithAnnotation('|\n          1. The meeting will be opened.\n\n          2.  It will adopt its agenda.') })}`,
        errors: [
          { messageId: 'typedNumber', line: 20, column: 11, at: '1.', data: { typed: '1.' } },
          { messageId: 'typedNumber', line: 22, column: 11, at: '2.', data: { typed: '2.' } },
        ],
        output: `style: un-numbered\n${exampleDefinition({ items: itemsWithAnnotation('|\n          The meeting will be opened.\n\n          It will adopt its agenda.') })}`,
      },
    ],
  },
  AG037: {
    valid: [
      examples('AG037').passing,
      { name: 'times, ratios and web addresses', code: `language: fr\n${withText('Ouverture à 10:30 (voir www.unodc.org/a:b).')}` },
      { name: 'no-break spaces of either width, and « » set right', code: `language: fr\n${withText('Questions\u00a0: une\u202f; deux\u202f! «\u202fOui\u202f».')}` },
      { name: 'English text', code: withText('The following: one; two.') },
    ],
    invalid: [
      { code: examples('AG037').failing, errors: [{ messageId: 'before', line: 19, column: col('Le Groupe de travail examinera les questions suivantes: la coopération et l’entraide.', ':'), at: ':', data: { sign: ':' }, hintId: 'before' }], output: examples('AG037').passing },
      {
        name: 'an ordinary space, two signs, and guillemets',
        code: `language: fr\n${withText('Pourquoi ?! Voir « le rapport ».')}`,
        errors: [
          { messageId: 'before', line: 19, column: col('Pourquoi ?! Voir « le rapport ».', ' ?'), at: ' ?', data: { sign: '?' } },
          { messageId: 'guillemet', line: 19, column: col('Pourquoi ?! Voir « le rapport ».', '« '), at: '« ' },
          { messageId: 'guillemet', line: 19, column: col('Pourquoi ?! Voir « le rapport ».', ' »'), at: ' »' },
        ],
        output: `language: fr\n${withText('Pourquoi\u202f?! Voir «\u202fle rapport\u202f».')}`,
      },
    ],
  },
  AG038: {
    valid: [examples('AG038').passing, { name: 'other days, and 1 in other numbers', code: `language: fr\n${withText('Le 2 mars, le 21 mai, le 11 juin et 1 000 exemplaires.')}` }, { name: 'English', code: withText('On 1 September 2023.') }],
    invalid: [
      { code: examples('AG038').failing, errors: [{ messageId: 'first', line: 19, column: col('Le Bureau élargi s’est réuni le 1 septembre 2023.', '1 '), at: '1', data: { text: '1', month: 'septembre' }, hintId: 'first' }], output: examples('AG038').passing },
      { name: 'a degree sign for "er"', code: `language: fr\n${withText('Le 1° mars.')}`, errors: [{ messageId: 'first', line: 19, column: col('Le 1° mars.', '1°'), at: '1°' }], output: `language: fr\n${withText('Le 1er mars.')}` },
    ],
  },
  AG040: {
    valid: [
      examples('AG040').passing,
      {
        name: 'a meeting beside the plenary, and one at the same hour',
        code: exampleDefinition({
          organization:
            'organization_of_work:\n  - date: 2023-09-11\n    slots:\n      - time: 10:00-13:00\n        items: [opening, adoption]\n      - time: 10:00-11:00\n        plenary: false\n        items: [{ title: Briefing }]\n      - time: 15:00-18:00\n        items: [other]\n  - date: 2023-09-12\n    slots:\n      - time: 15:00-18:00\n        items: [report]',
        }),
      },
    ],
    invalid: [
      { code: examples('AG040').failing, errors: [{ messageId: 'outOfOrder', line: 30, column: 15, at: '10:00-13:00', data: { start: '10:00', previous: '15:00' }, hintId: 'outOfOrder' }] },
      {
        name: 'two plenary meetings at once',
        code: exampleDefinition({
          organization:
            'organization_of_work:\n  - date: 2023-09-11\n    slots:\n      - time: 10:00-13:00\n        items: [opening, adoption]\n      - time: 12:00-14:00\n        items: [other]\n  - date: 2023-09-12\n    slots:\n      - time: 15:00-18:00\n        items: [report]',
        }),
        errors: [{ messageId: 'overlap', line: 30, column: 15, at: '12:00-14:00', data: { start: '12:00', previousEnd: '13:00' }, hintId: 'overlap' }],
      },
    ],
  },
  AG039: {
    valid: [examples('AG039').passing, { name: 'English', code: withText('On 5 August 2022.') }, { name: 'a range', code: `language: es\n${withText('Del 15 al 19 de octubre de 2012.')}` }],
    invalid: [
      { code: examples('AG039').failing, errors: [{ messageId: 'missingDe', line: 19, column: col('La Mesa ampliada se reunió el 5 agosto 2022.', '5 agosto'), at: '5 agosto 2022', data: { text: '5 agosto 2022', replacement: '5 de agosto de 2022' }, hintId: 'missingDe' }], output: examples('AG039').passing },
      { name: 'a month with a capital', code: `language: es\n${withText('El 11 de Septiembre de 2023.')}`, errors: [{ messageId: 'capital', line: 19, column: col('El 11 de Septiembre de 2023.', 'Septiembre'), at: 'Septiembre', data: { month: 'Septiembre', lower: 'septiembre' } }], output: `language: es\n${withText('El 11 de septiembre de 2023.')}` },
    ],
  },
};
