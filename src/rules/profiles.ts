/**
 * Profiles: the rules of procedure of each kind of body, as the rules that apply
 * and their parameters. Editorial rules hold everywhere; the generic profile (no
 * `profile:` in the definition) has only those, since without knowing the body we
 * cannot know its lead times or its first and last items.
 *
 * Procedural parameters name ROLES (model.ts, ITEM_ROLES), never English titles, so a
 * profile holds for an agenda in any language. Each profile cites, in `sources`, what
 * its rules rest on (the sections of the agenda conventions reference, un-conventions.md);
 * "[R]" marks what no official text stored there confirms.
 */
import type { ParameterValue, SeveritySetting } from './types.js';

export interface RuleOverride {
  severity?: SeveritySetting;
  params?: Record<string, ParameterValue>;
}

export interface Profile {
  name: string;
  description: string;
  /** What the profile's rules rest on: rules of procedure, resolutions, published agendas. */
  sources: string;
  /** Whether procedural rules apply at all (editorial rules always do, unless switched off). */
  procedure: boolean;
  rules: Record<string, RuleOverride>;
}

/** What UNTOC and UNCAC bodies may take before the adoption of the agenda (COP rule 11: "as soon as possible after the opening"). */
const UNTOC_BEFORE_ADOPTION = ['organizational-matters', 'opening', 'election-of-officers'];

/** The rules of a session of a Conference of the Parties (UNTOC) or of the States Parties (UNCAC). */
function conferenceSession(series: string): Record<string, RuleOverride> {
  return {
    'lead-time': { params: { minDays: 60, specialSessionMinDays: 30 } },
    'opening-items': { params: { firstRoles: [['organizational-matters'], ['opening']] } },
    'adoption-item-position': { params: { allowedBefore: UNTOC_BEFORE_ADOPTION } },
    'closing-items': { params: { closingRoles: [['other-matters'], ['provisional-agenda-next-session'], ['adoption-of-report']] } },
    'symbol-series': { params: { series: [series] } },
    // Para. 12 limits the working groups, not the Conference itself.
    'review-mechanism-max-one': { severity: 'off' },
  };
}

/** What the UNTOC review mechanism asks only of the UNTOC working groups. */
const NO_REVIEW_MECHANISM: Record<string, RuleOverride> = { 'review-mechanism-max-one': { severity: 'off' }, 'review-mechanism-citation': { severity: 'off' } };

/**
 * The General Assembly's plenary preliminaries, in the order of its agendas: opening,
 * minute of silent prayer or meditation, credentials, elections (of the President, of the
 * officers of the Main Committees, of the Vice-Presidents), organization of the session.
 */
const GA_PRELIMINARIES = ['opening', 'minute-of-silence', 'credentials', 'election-of-officers', 'elections', 'organization-of-work', 'organizational-matters', 'adoption-of-rules-of-procedure'];

/** A session of the General Assembly: its provisional agenda is a plain list of items, under the symbol A/<session>/... . */
function gaSession(series: string, lead: number, agendaSerial: string): Record<string, RuleOverride> {
  return {
    'lead-time': { params: { minDays: lead, specialSessionMinDays: lead } },
    'opening-items': { params: { firstRoles: [['opening']] } },
    'adoption-item-position': { params: { allowedBefore: GA_PRELIMINARIES } },
    // The Assembly's agendas end with substantive items; it adopts no report of its own.
    'closing-items': { params: { closingRoles: [] } },
    'symbol-series': { params: { series: [series] } },
    'documentation-symbols-unique': { params: { agendaSerial } },
    // The Assembly's provisional agenda is a list; its annotated lists carry no documentation sections as UNODC agendas do.
    'documentation-section': { severity: 'off' },
    ...NO_REVIEW_MECHANISM,
  };
}

export const PROFILES: readonly Profile[] = [
  { name: 'generic', description: 'any body: the editorial rules only', sources: 'UN Editorial Manual; UN Correspondence Manual', procedure: false, rules: {} },
  {
    name: 'untoc-working-group',
    description: 'working groups of the Conference of the Parties to the Organized Crime Convention (COP rules of procedure, mutatis mutandis)',
    sources: 'UNTOC COP rules 2 (2), 9 and 11 (un-conventions.md § 1.1); review-mechanism procedures, para. 12 (§ 1.2); CTOC/COP/WG.3/2023/1',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 60, specialSessionMinDays: 30 } },
      'opening-items': { params: { firstRoles: [['organizational-matters'], ['opening']] } },
      'adoption-item-position': { params: { allowedBefore: UNTOC_BEFORE_ADOPTION } },
      'closing-items': { params: { closingRoles: [['other-matters'], ['adoption-of-report']] } },
      'symbol-series': { params: { series: ['CTOC/COP/WG.'] } },
    },
  },
  {
    name: 'untoc-cop-session',
    description: 'sessions of the Conference of the Parties to the Organized Crime Convention',
    sources: 'UNTOC COP rules 3, 8, 9 and 11 (un-conventions.md § 1.1); CTOC/COP/2018/2 (§ 3)',
    procedure: true,
    rules: conferenceSession('CTOC/COP/'),
  },
  {
    name: 'uncac-cosp-session',
    description: 'sessions of the Conference of the States Parties to the Convention against Corruption (rules assumed to mirror the UNTOC COP: 60 days)',
    sources: 'CAC/COSP/2015/1 (un-conventions.md § 3); COSP rules of procedure, agenda chapter not verified: 60 days by analogy with the UNTOC COP [R] (§ 5)',
    procedure: true,
    rules: { ...conferenceSession('CAC/COSP/'), 'review-mechanism-citation': { severity: 'off' } },
  },
  {
    name: 'ecosoc-functional-commission',
    description: 'functional commissions of the Economic and Social Council, such as the CCPCJ and the CND (rules of procedure E/5975/Rev.1)',
    sources: 'E/5975/Rev.1, rules 4, 5, 6 (1), 7 and 15 (un-conventions.md § 1.3); E/CN.15/2011/1',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 42, specialSessionMinDays: 42 } },
      // Rule 15: the officers are elected at the start of the first meeting; rule 7: the agenda is adopted after them.
      'opening-items': { params: { firstRoles: [['election-of-officers'], ['adoption-of-agenda']] } },
      'adoption-item-position': { params: { allowedBefore: ['election-of-officers'] } },
      // Some commissions (the CSW) go from the next session's provisional agenda straight to the adoption of the report.
      'closing-items': { params: { closingRoles: [['provisional-agenda-next-session'], ['other-matters'], ['adoption-of-report']], optionalRoles: ['other-matters'] } },
      'symbol-series': { params: { series: ['E/CN.'] } },
      // Commissions take items out of agenda order in their organization of work, and items such as the general debate list no documents.
      'annex-item-order': { severity: 'off' },
      'documentation-section': { severity: 'off' },
      ...NO_REVIEW_MECHANISM,
    },
  },
  {
    name: 'treaty-body',
    description:
      "human rights treaty bodies such as the CMW (rules 5 to 7 and 13 of their rules of procedure). A committee meets twice a year and adopts its annual report at one of the two sessions: the adoption of the report closes the agenda when it is there, and the other session's agenda may end with a substantive item",
    sources: 'CMW rules 5, 6, 7 and 13, as restated in CMW/C/39/1; CMW/C/28/1 (un-conventions.md § 1.6); six-week rule, GA resolution 49/221 B (§ 1.7)',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 42, specialSessionMinDays: 42 } },
      // Most committees open with the opening of the session; some with the adoption of the agenda itself (rule 6), or, in an election year, with the solemn declaration.
      'opening-items': { params: { firstRoles: [['opening', 'adoption-of-agenda', 'solemn-declaration', 'election-of-officers']] } },
      // Rule 6: the adoption of the agenda comes first, except where the election of officers is required under rule 13.
      'adoption-item-position': { params: { allowedBefore: ['opening', 'solemn-declaration', 'election-of-officers'] } },
      'closing-items': { params: { closingRoles: [['adoption-of-report']], optionalRoles: ['adoption-of-report'] } },
      // Committees take up States parties' reports in the order of their programme of work, and their annotations list no documentation sections as UNODC bodies do.
      'annex-item-order': { severity: 'off' },
      'documentation-section': { severity: 'off' },
      ...NO_REVIEW_MECHANISM,
    },
  },
  {
    name: 'ga-regular-session',
    description: 'regular sessions of the General Assembly (rule 12: the provisional agenda 60 days before the opening, as A/<session>/150)',
    sources: 'GA rules of procedure A/520/Rev.20, rules 12 to 15; UN Editorial Manual, documents relating to agendas of principal organs (un-conventions.md § 1.4)',
    procedure: true,
    // A/<session>/150 is the provisional agenda; the annotated preliminary list keeps its number 100 when issued after it, as the annotated provisional agenda.
    rules: gaSession('A/', 60, '150 | 100'),
  },
  {
    name: 'ga-special-session',
    description: 'special sessions of the General Assembly (rule 16: 14 days, or 10 when convened at the request of Members)',
    sources: 'GA rules of procedure, rule 16; A/S-20/1 (un-conventions.md § 1.4 and § 2)',
    procedure: true,
    rules: { ...gaSession('A/S-', 14, '1'), 'six-week-rule': { severity: 'off' }, 'ten-week-submission': { severity: 'off' } },
  },
  {
    name: 'ga-emergency-special-session',
    description: 'emergency special sessions of the General Assembly, convened within 24 hours (GA rule 8 (b)): no lead time applies',
    sources: 'GA rules of procedure, rules 8 (b) and 16 [R: rule 8 (b) is not among the stored texts] (un-conventions.md § 1.4)',
    procedure: true,
    rules: {
      ...gaSession('A/ES-', 0, '1'),
      'lead-time': { severity: 'off' },
      'six-week-rule': { severity: 'off' },
      'ten-week-submission': { severity: 'off' },
    },
  },
  {
    name: 'un-conference',
    description:
      'United Nations conferences convened by the General Assembly (A/CONF.<n>/...): opening, election of the President, adoption of the rules of procedure and of the agenda, and the adoption of the report of the conference at the end',
    sources: 'GA resolution 49/221 B, six-week rule (un-conventions.md § 1.7); symbol grammar, CONF.n components (§ 3.4); order of the first items from conference practice [R]',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 42, specialSessionMinDays: 42 } },
      'opening-items': { params: { firstRoles: [['opening']] } },
      'adoption-item-position': { params: { allowedBefore: ['opening', 'minute-of-silence', 'election-of-officers', 'adoption-of-rules-of-procedure', 'organizational-matters', 'organization-of-work', 'credentials'] } },
      'closing-items': { params: { closingRoles: [['other-matters'], ['adoption-of-report'], ['closing']], optionalRoles: ['other-matters', 'closing'] } },
      'symbol-series': { params: { series: ['A/CONF.'] } },
      ...NO_REVIEW_MECHANISM,
    },
  },
  {
    name: 'unctad-body',
    description:
      'the Trade and Development Board and the commissions and expert meetings of UNCTAD (TD/...): election of officers, adoption of the agenda and organization of work; the provisional agenda of the next session, other business and the adoption of the report at the end',
    sources: 'six-week rule, GA resolution 49/221 B (un-conventions.md § 1.7); TD/ series (§ 3.4); numbered annotation paragraphs, TD/TIMBER.3/1 (§ 3.3); order of items from UNCTAD practice [R]',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 42, specialSessionMinDays: 42 } },
      // The Board opens with "Procedural matters: (a) Election of officers; (b) Adoption of the agenda ..."; the commissions with "Election of officers"; a conference with its opening.
      'opening-items': { params: { firstRoles: [['election-of-officers', 'opening', 'organizational-matters']] } },
      'adoption-item-position': { params: { allowedBefore: ['opening', 'election-of-officers', 'organizational-matters', 'adoption-of-rules-of-procedure'] } },
      'closing-items': { params: { closingRoles: [['provisional-agenda-next-session'], ['other-matters'], ['adoption-of-report']], optionalRoles: ['provisional-agenda-next-session', 'other-matters'] } },
      'symbol-series': { params: { series: ['TD/'] } },
      // UNCTAD numbers a body's documents in one series across its sessions (TD/B/C.I/51): the agenda takes no fixed serial.
      'documentation-symbols-unique': { params: { agendaSerial: '' } },
      ...NO_REVIEW_MECHANISM,
    },
  },
];

export const DEFAULT_PROFILE = 'generic';
export const findProfile = (name: string) => PROFILES.find((p) => p.name === name);

/** The profile a mistyped name was most likely meant to be ("treaty-bodies": "treaty-body"), or undefined when none is close. */
export function closestProfile(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const p of PROFILES) {
    const d = editDistance(name.toLowerCase(), p.name);
    if (d < bestDistance) [best, bestDistance] = [p.name, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Levenshtein distance, in one row: profile names are short. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
