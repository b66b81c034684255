import { describe, expect, it } from 'vitest';
import { ITEM_ROLES } from '../../src/model.js';
import { ENGLISH_ROLE_WORDINGS } from '../../src/locale/role-wordings.js';
import { declaredRole, itemRole } from '../../src/normalize/outline.js';
import { ROLE_TITLES } from '../../src/rules/roles.js';

describe('roles', () => {
  it.each([
    // UNODC working groups and conferences
    ['Organizational matters', 'organizational-matters'],
    ['Opening of the meeting', 'opening'],
    ['Adoption of the agenda and organization of work', 'adoption-of-agenda'],
    ['Other matters', 'other-matters'],
    ['Adoption of the report', 'adoption-of-report'],
    ['Provisional agenda for the eleventh session of the Conference', 'provisional-agenda-next-session'],
    // ECOSOC functional commissions
    ['Election of officers', 'election-of-officers'],
    ['Adoption of the agenda and other organizational matters', 'adoption-of-agenda'],
    ['General debate', 'general-debate'],
    ['Other business', 'other-matters'],
    ['Adoption of the report of the Commission on its thirty-third session', 'adoption-of-report'],
    ['Report of the Commission on its fifty-sixth session', 'adoption-of-report'],
    // General Assembly
    ['Opening of the session by the head of the delegation of Colombia', 'opening'],
    ['Minute of silent prayer or meditation', 'minute-of-silence'],
    ['Credentials of representatives to the twentieth special session of the General Assembly', 'credentials'],
    ['Report of the Credentials Committee', 'credentials'],
    ['Adoption of the report of the Credentials Committee', 'credentials'],
    ['Election of the President', 'election-of-officers'],
    ['Election of the Vice-Presidents', 'election-of-officers'],
    ['Organization of the session', 'organization-of-work'],
    ['Organization of work, adoption of the agenda and allocation of items', 'adoption-of-agenda'],
    // Conferences, UNCTAD, treaty bodies
    ['Opening of the ninth session of the Assembly', 'opening'],
    ['Adoption of the rules of procedure', 'adoption-of-rules-of-procedure'],
    ['Procedural matters', 'organizational-matters'],
    ['Provisional agenda of the next session of the Board', 'provisional-agenda-next-session'],
    ['Solemn declaration by the newly elected members of the Committee', 'solemn-declaration'],
    ['Election of five members of the Committee', 'elections'],
    ['Adoption of the annual report', 'adoption-of-report'],
    ['Closure of the session', 'closing'],
  ])('%s: %s', (title, role) => {
    expect(itemRole(title, ENGLISH_ROLE_WORDINGS)).toBe(role);
  });

  it('leaves substantive items without a role', () => {
    for (const t of ['International cooperation', 'Consideration of reports submitted by States parties under article 73 of the Convention', 'Lessons learned from the review process', 'General statements', 'Report of the Secretary-General on the work of the Organization', 'Report of the Commission on Crime Prevention and Criminal Justice']) expect(itemRole(t, ENGLISH_ROLE_WORDINGS)).toBeUndefined();
  });

  it('reads the earlier names of roles as the current ones', () => {
    expect([declaredRole('organization'), declaredRole('adoption'), declaredRole('report'), declaredRole('closing')]).toEqual(['organizational-matters', 'adoption-of-agenda', 'adoption-of-report', 'closing']);
  });

  it('every role has a usual title, and the schema lists every role', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../schemas/meeting.schema.json', import.meta.url), 'utf8'));
    const roles: string[] = schema.properties.items.items.properties.role.enum;
    for (const r of ITEM_ROLES) {
      expect(ROLE_TITLES[r]).toBeTruthy();
      expect(roles).toContain(r);
    }
  });
});
