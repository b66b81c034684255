/**
 * What the procedural rules say about roles: the usual English title of each, for
 * messages, and whether an item plays one of a list of roles (declared with `role:` or
 * recognised from its title, src/normalize/outline.ts).
 */
import type { ItemRole, OutlineItem } from '../model.js';

/** The usual English title of an item of each role, as messages cite it. */
export const ROLE_TITLES: Record<ItemRole, string> = {
  'organizational-matters': 'Organizational matters',
  opening: 'Opening of the session',
  'minute-of-silence': 'Minute of silent prayer or meditation',
  'solemn-declaration': 'Solemn declaration by newly elected members',
  'election-of-officers': 'Election of officers',
  elections: 'Elections',
  credentials: 'Credentials of representatives',
  'adoption-of-rules-of-procedure': 'Adoption of the rules of procedure',
  'adoption-of-agenda': 'Adoption of the agenda',
  'organization-of-work': 'Organization of work',
  'general-debate': 'General debate',
  'other-matters': 'Other matters',
  'provisional-agenda-next-session': 'Provisional agenda for the next session',
  'adoption-of-report': 'Adoption of the report',
  closing: 'Closing of the session',
};

/** "'Other matters' (role: other-matters)", several joined by `separator` (alternatives by " or "). */
export const describeRoles = (roles: readonly string[], separator = ' or ') => roles.map((r) => `'${ROLE_TITLES[r as ItemRole] ?? r}' (role: ${r})`).join(separator);

/** Whether the item plays one of the roles. */
export const playsOne = (item: OutlineItem, roles: readonly string[]) => item.role !== undefined && roles.includes(item.role);
