/** docs/rules.md, generated from the rule modules and profiles (npm run docs:rules). */
import { RULES } from './index.js';
import { PROFILES } from './profiles.js';
import { activeRules } from './engine.js';
import { describeSchema } from './parameter-schema.js';
import { ITEM_ROLES } from '../model.js';
import { ROLE_TITLES } from './roles.js';
import type { ParameterSchema } from './types.js';

/** Rules of the catalogue (un-conventions.md § 2) that need no check: the tool derives what they govern. */
export const GUARANTEED = [
  ['proc.items.numbering', 'items are numbered 1..n and sub-items lettered (a), (b) ... by the tool, and the annotation headings repeat the list titles because both come from the same `title`'],
  ['proc.annex.continued', 'the tool writes "(*continued*)" in italics on every later appearance of an item in the organization of work'],
  ['proc.annex.dates (weekdays)', 'weekday names of the annex day headers are computed from the dates, and the year is left out; AG010 checks that the days fall within the meeting, AG025 checks weekdays that authors write in text'],
  ['hdr.masthead.fields', 'the masthead is generated: "United Nations", the symbol, the body, "Distr.: …", the date and "Original: …" are always present'],
  ['ed.list.punctuation', 'the list punctuation (":" after an item with sub-items, ";" between sub-items, "." at the end) is added by the tool; AG033 flags titles that carry their own final punctuation'],
  ['ed.footnotes.sequence', 'footnotes are numbered in order of first reference; unused and undefined footnotes are reported by the compiler (unused-footnote, unknown-footnote)'],
] as const;

export function rulesDocument(): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from src/rules/*.ts by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    '`agenda check` runs these rules on every meeting definition after the schema and the references. Each rule has an id, a name, a default severity and parameters; the `profile:` of the definition selects which rules apply and sets their parameters, and `agenda.config.yaml` (or `.agendarc.yaml`) can change both. See [diagnostics.md](diagnostics.md) for the output formats and [ci.md](ci.md) for continuous integration.',
    '',
    '## Profiles',
    '',
    'Severity of each rule under each profile (`off`: not checked). Without `profile:` the **generic** profile applies: editorial rules only, because the lead times and the first and last items depend on the body.',
    '',
  ];
  const header = ['Rule', ...PROFILES.map((p) => p.name)];
  out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  const byProfile = PROFILES.map((p) => activeRules(p.name));
  RULES.forEach((rule, i) => out.push(`| [${rule.id}](#${anchor(rule.id, rule.name)}) ${rule.name} | ${byProfile.map((active) => active[i]!.severity).join(' | ')} |`));
  out.push('');
  for (const p of PROFILES) {
    out.push(`* **${p.name}**: ${p.description}. Sources: ${p.sources}.`);
    for (const [key, o] of Object.entries(p.rules)) {
      if (o.params) out.push(`  * ${key}: ${Object.entries(o.params).map(([name, v]) => `\`${name}: ${JSON.stringify(v)}\``).join(', ')}`);
    }
  }
  out.push(
    '',
    'A profile name that is not one of these is a schema error at its line and column, with the closest name ("did you mean \'treaty-body\'?"); `agenda rules --profile NAME` lists the rules of one profile.',
    '',
    '### The session pattern of treaty bodies',
    '',
    "A treaty body meets twice a year and adopts its annual report at one of the two sessions. The **treaty-body** profile lists `adoption-of-report` in the `optionalRoles` of AG007 closing-items: the session that adopts the report has the item last, and the other session's agenda may end with a substantive item and still be clean. A body that adopts a report at every session makes the item required again in its configuration:",
    '',
    '```yaml',
    'rules:',
    '  closing-items:',
    '    optionalRoles: []',
    '```',
    '',
    '## Roles',
    '',
    'The procedural rules (AG004 to AG007, AG016) and the profiles name items by what they are for, never by their English titles, so that they hold for an agenda in any language. An item declares its role with `role:`; without one, the role is recognised from the English title as the bodies word it ("Opening of the ninth session of the Assembly" and "Opening of the session by the head of the delegation of …" are both `opening`; "Organization of work, adoption of the agenda and allocation of items" is `adoption-of-agenda`; "Adoption of the report of the Credentials Committee" is `credentials`). A diagnostic about an item whose title says its role in other words (another language, an unusual wording) says to declare it:',
    '',
    '```yaml',
    'items:',
    '  - id: report',
    '    title: Aprobación del informe',
    '    role: adoption-of-report',
    '```',
    '',
    '| Role | Usual English title |',
    '|---|---|',
    ...ITEM_ROLES.map((r) => `| \`${r}\` | ${ROLE_TITLES[r]} |`),
    '',
    'The earlier names `organization`, `adoption` and `report` are still accepted for `organizational-matters`, `adoption-of-agenda` and `adoption-of-report`.',
    '',
    '## Correct published wording stays clean',
    '',
    'A CI check that cries wolf on correct documents gets switched off. These wordings of published agendas raise nothing (each is a test case in `test/rules/`):',
    '',
    '* AG029 numbers-in-words: ranges and lists of days and hours ("from 2 to 6 May 2022", "on 2 and 3 November", "2–6 November 2015", "on 1, 2 and 3 June", "from 3 to 6 p.m.", "from 9 to 10 a.m."), amounts ("2 million"), a time written otherwise ("3 pm": AG026 says to write "3 p.m."), figures after reference words ("paragraph 3", "p. 5", "Supplement No. 3"), and the full stop of an abbreviated month ("3 Aug. 2022": AG023 asks for the month in full) ends no sentence.',
    '* AG031 reference-case: a paragraph, a list item, a quotation or an emphasis that starts with "Rule 6" starts a sentence.',
    '* AG016 documentation-section: a plain provisional agenda (a list without annotations), and procedural items that never list documents (elections, the solemn declaration, the general debate, the minute of silent prayer or meditation, the adoption of the annual report).',
    '* AG005 and AG006: "Opening of the session by the head of the delegation of …", "Opening of the ninth session of the Assembly", "Organization of work, adoption of the agenda and allocation of items" (roles, not exact titles).',
    '* AG007 closing-items: a treaty body session that ends with a substantive item, its annual report being adopted at the other session of the year (profile treaty-body).',
    '* AG010 and AG014: a session of two weeks counts its weekdays as meeting days (`{days}`), not the days of the weekend between them.',
    '',
    '## One fact, one diagnostic',
    '',
    'An agenda dated too late for the rules of procedure is also too late for the six-week rule and the ten-week submission: of AG001, AG002 and AG003 on the agenda\'s own date only the most severe is reported. Within a rule, a finding that weighs more than the rule\'s others carries its own severity: a missing closing item (AG007) is an error, so the check fails, where a misplaced one is a warning; a profile or configuration that sets the rule\'s severity sets it for all its findings.',
    '',
    '## Configuration',
    '',
    'The nearest `agenda.config.yaml` or `.agendarc.yaml`, looking up from the folder of the definition and stopping at the root of the repository or package (a folder that holds `.git` or `package.json`), can set a default profile and change any rule by id or name. `agenda check --config FILE` names another file; `agenda build --verbose` names the file used, and `configFiles` in the JSON of `agenda build --json` and `agenda check --format json` lists them. Mistakes in it (a rule set twice, by id and by name, is one) are reported at their line and column and stop the check (exit 2): no rule runs under a configuration that does not say what was meant, and the definition\'s own errors of YAML and schema are still reported. An empty file changes nothing. Each parameter has a JSON Schema: a value of another type, or a number out of its range (such as `minDays: .nan`, `.inf` or `-1`), is such a mistake. `agenda schema --config` prints the whole schema, parameters included, for editors:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=agenda-config.schema.json   (written by: agenda schema --config > agenda-config.schema.json)',
    'profile: untoc-working-group   # for definitions that name none',
    'rules:',
    '  AG028: off                    # severity: error, warning, info or off',
    '  numbers-in-words: info',
    '  lead-time:',
    '    severity: error',
    '    minDays: 45                 # any parameter of the rule',
    '```',
    '',
    'One diagnostic can be silenced in the definition itself, with a reason (a comment without a reason silences nothing and is reported):',
    '',
    '```yaml',
    '    # agenda-disable-next-line AG029 -- the figure is quoted from decision 4/4',
    '    annotation: |',
    '```',
    '',
    'The comment covers the next line, and the whole field when that line starts one (a block of annotation text cannot hold a comment).',
    '',
    'In an editor, `agenda lsp --stdio` ([editors.md](editors.md)) shows these diagnostics as you type, offers the fixes of `--fix` as quick fixes and shows a rule\'s documentation on its id.',
    '',
    '## Writing a rule',
    '',
    'A rule is a module of `src/rules/` listed in `src/rules/index.ts`. It reads only the normalized model: `model.sources` holds the items and sub-items numbered as the document prints them (with their level, letter, `role` and YAML path), the meeting days, the organization of work with slot times in minutes, the documents listed, and every author text with its role, its string as written and its masked form (placeholders, footnote calls, link targets and addresses blanked out, offsets kept). It may import the model, the locale, the diagnostics types and its own helpers in `src/rules/`, nothing else. Like an ESLint rule it declares `messages` by id, with `{name}` placeholders, and `hints` (what to do about each problem) the same way, and reports `messageId`, `hintId` and the `data` that fills both; it never writes a wording in code; every parameter has a schema in `parameterSchemas`. Its tests are cases in `test/rules/rule-cases.ts`, run by `test/rules/rule-tester.ts`: valid definitions, invalid ones with the message id (and, if the case says, the hint id), line and column of each diagnostic, and the text `--fix` makes of each case of a fixable rule.',
    '',
    '## Rules the tool guarantees',
    '',
    'These checks of the catalogue in `un-conventions.md` § 2 need no rule, because the tool writes what they govern:',
    '',
    ...GUARANTEED.map(([id, why]) => `* \`${id}\`: ${why}.`),
    '',
  );
  for (const rule of RULES) {
    out.push(`## ${rule.id} ${rule.name}`, '', rule.description, '');
    out.push(`* Severity: ${rule.severity}${rule.category === 'procedure' ? ' (procedural: off in the generic profile)' : ''}`);
    out.push(`* Source: ${rule.source}`);
    if (rule.fixable) out.push('* Fixable: `agenda check --fix` corrects what is certain');
    const params = Object.entries(rule.parameters);
    if (params.length) {
      out.push('* Parameters:');
      for (const [name, value] of params) {
        const declared = (rule.parameterSchemas as Record<string, ParameterSchema | undefined> | undefined)?.[name];
        out.push(`  * \`${name}\` (default \`${JSON.stringify(value)}\`${declared ? `; ${describeSchema(declared)}` : ''}): ${(rule.parameterDocs as Record<string, string> | undefined)?.[name] ?? ''}`);
      }
    }
    out.push('* Messages (by id; `{name}` is filled in when reported):');
    for (const [id, text] of Object.entries(rule.messages as Record<string, string>)) out.push(`  * \`${id}\`: ${text}`);
    out.push('* Hints (what to do, printed under the message; by id, filled in from the same values):');
    for (const [id, text] of Object.entries(rule.hints as Record<string, string>)) out.push(`  * \`${id}\`: ${text}`);
    out.push('', 'Failing:', '', '```yaml', rule.examples.failing.trimEnd(), '```', '', 'Passing:', '', '```yaml', rule.examples.passing.trimEnd(), '```', '');
  }
  return out.join('\n');
}

/** GitHub's heading slug for "## AG012 annex-covers-items". */
const anchor = (id: string, name: string) => `${id} ${name}`.toLowerCase().replace(/\s+/g, '-');
