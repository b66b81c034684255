/**
 * How a title says what an item is for (its role: opening, adoption of the agenda, ...),
 * per language: the rules of procedure are checked on roles, and an item that declares
 * none is given the role its title's wording names. Role names are the model's (ItemRole).
 */
export interface RoleWording {
  role: string;
  /** Starts of the title, in lower case. */
  starts?: readonly string[];
  /** Words anywhere in the title, in lower case. */
  has?: readonly string[];
}

/**
 * The English wordings that give an item its role, in the order they are tried: the first that
 * fits wins, so "Adoption of the report of the Credentials Committee" is about credentials
 * and "Adoption of the provisional agenda for the next session" about the next session.
 * `starts` are starts of the title, `has` words anywhere in it (case and spacing do not
 * matter). The English wordings of the UNTOC and UNCAC conferences, ECOSOC commissions,
 * the General Assembly, UNCTAD bodies and the treaty bodies (un-conventions.md, § 2).
 */
export const ENGLISH_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['credentials'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['provisional agenda', 'draft provisional agenda', 'dates and provisional agenda', 'date, venue and provisional agenda', 'venue, dates and provisional agenda', 'adoption of the provisional agenda for', 'adoption of the provisional agenda of', 'adoption of the draft provisional agenda', 'approval of the provisional agenda for'],
    has: ['agenda for the next session', 'agenda of the next session', 'agenda for its next session'],
  },
  // "Organization of work, adoption of the agenda and allocation of items" (General Assembly) adopts the agenda.
  { role: 'adoption-of-agenda', starts: ['adoption of agenda', 'adoption of the provisional agenda'], has: ['adoption of the agenda', 'approval of the agenda'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['adoption of the rules of procedure', 'rules of procedure'] },
  { role: 'adoption-of-report', starts: ['adoption of the report', 'adoption of the annual report', 'adoption of the draft report', 'adoption of the final report', 'consideration and adoption of the report', 'adoption of its report', 'approval of the report'] },
  { role: 'organizational-matters', starts: ['organizational matters', 'organizational and procedural matters', 'procedural matters', 'procedural and organizational matters'] },
  { role: 'organization-of-work', starts: ['organization of work', 'organization of the work', 'organization of the session', 'organization of the meeting'] },
  { role: 'opening', starts: ['opening of the', 'opening of its', 'opening by the', 'opening of session', 'opening of meeting'] },
  { role: 'minute-of-silence', starts: ['minute of silent prayer', 'minute of silence'] },
  { role: 'solemn-declaration', starts: ['solemn declaration'] },
  { role: 'election-of-officers', starts: ['election of officers', 'election of the officers', 'election of the president', 'election of the chair', 'election of the vice', 'election of vice', 'election of the bureau', 'election of the rapporteur', 'election of a chair', 'election of a president', 'election of a vice'] },
  { role: 'elections', starts: ['election of', 'elections'] },
  { role: 'general-debate', starts: ['general debate', 'general discussion'] },
  { role: 'other-matters', starts: ['other matters', 'other business', 'any other business', 'miscellaneous'] },
  { role: 'closing', starts: ['closing of the', 'closure of the', 'close of the', 'closing of session', 'closing of meeting'] },
];
