/**
 * Profiles: the rules of procedure of each kind of body, as the rules that apply
 * and their parameters. Editorial rules hold everywhere; the generic profile (no
 * `profile:` in the definition) has only those, since without knowing the body we
 * cannot know its lead times or its first and last items.
 */
import type { ParameterValue, SeveritySetting } from './types.js';

export interface RuleOverride {
  severity?: SeveritySetting;
  params?: Record<string, ParameterValue>;
}

export interface Profile {
  name: string;
  description: string;
  /** Whether procedural rules apply at all (editorial rules always do, unless switched off). */
  procedure: boolean;
  rules: Record<string, RuleOverride>;
}

const UNTOC_OPENING = ['Organizational matters', 'Election of officers', 'Opening of the meeting', 'Opening of the session'];

/** The rules of a session of a Conference of the Parties (UNTOC) or of the States Parties (UNCAC). */
function conferenceSession(series: string): Record<string, RuleOverride> {
  return {
    'lead-time': { params: { minDays: 60, specialSessionMinDays: 30 } },
    'opening-items': { params: { firstItems: ['Organizational matters', 'Opening of the session'] } },
    'adoption-item-position': { params: { allowedBefore: UNTOC_OPENING } },
    'closing-items': { params: { closingItems: [['Other matters'], ['Provisional agenda for'], ['Adoption of the report']] } },
    'symbol-series': { params: { series: [series] } },
    // Para. 12 limits the working groups, not the Conference itself.
    'review-mechanism-max-one': { severity: 'off' },
  };
}

export const PROFILES: readonly Profile[] = [
  { name: 'generic', description: 'any body: the editorial rules only', procedure: false, rules: {} },
  {
    name: 'untoc-working-group',
    description: 'working groups of the Conference of the Parties to the Organized Crime Convention (COP rules of procedure, mutatis mutandis)',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 60, specialSessionMinDays: 30 } },
      'opening-items': { params: { firstItems: ['Organizational matters', 'Opening of the meeting'] } },
      'adoption-item-position': { params: { allowedBefore: UNTOC_OPENING } },
      'closing-items': { params: { closingItems: [['Other matters'], ['Adoption of the report']] } },
      'symbol-series': { params: { series: ['CTOC/COP/WG.'] } },
    },
  },
  {
    name: 'untoc-cop-session',
    description: 'sessions of the Conference of the Parties to the Organized Crime Convention',
    procedure: true,
    rules: conferenceSession('CTOC/COP/'),
  },
  {
    name: 'uncac-cosp-session',
    description: 'sessions of the Conference of the States Parties to the Convention against Corruption (rules assumed to mirror the UNTOC COP: 60 days)',
    procedure: true,
    rules: { ...conferenceSession('CAC/COSP/'), 'review-mechanism-citation': { severity: 'off' } },
  },
  {
    name: 'ecosoc-functional-commission',
    description: 'functional commissions of the Economic and Social Council, such as the CCPCJ and the CND (rules of procedure E/5975/Rev.1)',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 42, specialSessionMinDays: 42 } },
      'opening-items': { params: { firstItems: ['Election of officers', 'Adoption of the agenda and other organizational matters'] } },
      'adoption-item-position': { params: { allowedBefore: ['Election of officers'] } },
      'closing-items': { params: { closingItems: [['Provisional agenda for'], ['Other business', 'Other matters'], ['Adoption of the report']] } },
      'symbol-series': { params: { series: ['E/CN.'] } },
      // Commissions take items out of agenda order in their organization of work, and items such as the general debate list no documents.
      'annex-item-order': { severity: 'off' },
      'documentation-section': { severity: 'off' },
      'review-mechanism-max-one': { severity: 'off' },
      'review-mechanism-citation': { severity: 'off' },
    },
  },
  {
    name: 'treaty-body',
    description: 'human rights treaty bodies such as the CMW (rules 5 to 7 of their rules of procedure)',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 42, specialSessionMinDays: 42 } },
      'opening-items': { params: { firstItems: ['Opening of the session'] } },
      'adoption-item-position': { params: { allowedBefore: ['Opening of the session', 'Solemn declaration', 'Election of officers'] } },
      'closing-items': { params: { closingItems: [['Adoption of the report', 'Adoption of the annual report']] } },
      'review-mechanism-max-one': { severity: 'off' },
      'review-mechanism-citation': { severity: 'off' },
    },
  },
  {
    name: 'ga-special-session',
    description: 'special sessions of the General Assembly (rule 16: 14 days, or 10 when convened at the request of Members)',
    procedure: true,
    rules: {
      'lead-time': { params: { minDays: 14, specialSessionMinDays: 14 } },
      'six-week-rule': { severity: 'off' },
      'ten-week-submission': { severity: 'off' },
      'opening-items': { params: { firstItems: ['Opening of the session'] } },
      'adoption-item-position': {
        params: { allowedBefore: ['Opening of the session', 'Minute of silent prayer or meditation', 'Credentials of representatives', 'Election of the President', 'Organization of the session'] },
      },
      'closing-items': { params: { closingItems: [] } },
      'symbol-series': { params: { series: ['A/S-'] } },
      'documentation-symbols-unique': { params: { agendaSerial: '1' } },
      'review-mechanism-max-one': { severity: 'off' },
      'review-mechanism-citation': { severity: 'off' },
    },
  },
];

export const DEFAULT_PROFILE = 'generic';
export const findProfile = (name: string) => PROFILES.find((p) => p.name === name);
