/**
 * Builds the complete, compilable meeting definitions that rules use as their
 * failing and passing examples: a two-day working-group meeting that keeps every
 * rule, with the parts a rule is about replaced.
 */
export interface ExampleParts {
  profile?: string | null;
  document?: string;
  bodies?: string;
  meeting?: string;
  resources?: string;
  items?: string;
  footnotes?: string;
  organization?: string;
}

const DEFAULTS: Required<Omit<ExampleParts, 'profile' | 'resources' | 'footnotes' | 'organization'>> = {
  document: `document:
  symbol: CTOC/COP/WG.3/2023/1
  date: 2023-06-14`,
  bodies: `parent_body: Conference of the Parties to the United Nations Convention against Transnational Organized Crime
body: Working Group on International Cooperation`,
  meeting: `meeting:
  kind: meeting
  number: 14
  venue: Vienna
  dates: [2023-09-11, 2023-09-12]`,
  items: standardItems(),
};

/**
 * The items of the example: organizational matters (opening, adoption), other matters and
 * the adoption of the report. `opening` is the YAML value of the opening's annotation (a
 * plain scalar, or a block scalar indented for its place), `added` items set between the
 * organizational matters and other matters, as YAML lines at the list's indentation.
 */
export function standardItems({ opening, added }: { opening?: string; added?: string } = {}): string {
  return `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting${opening === undefined ? '' : `\n        annotation: ${opening}`}
      - id: adoption
        title: Adoption of the agenda and organization of work${added === undefined ? '' : `\n${added}`}
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`;
}

/** The items of the example, for rules that only change the annotation of one item. */
export const itemsWithAnnotation = (annotation: string) => standardItems({ opening: annotation });

export function exampleDefinition(parts: ExampleParts = {}): string {
  const profile = parts.profile === undefined ? 'untoc-working-group' : parts.profile;
  return [
    profile ? `profile: ${profile}` : undefined,
    parts.document ?? DEFAULTS.document,
    parts.bodies ?? DEFAULTS.bodies,
    parts.meeting ?? DEFAULTS.meeting,
    parts.resources,
    parts.items ?? DEFAULTS.items,
    parts.footnotes,
    parts.organization,
  ]
    .filter((p) => p !== undefined)
    .join('\n')
    .concat('\n');
}

/** A two-day organization of work for rule examples: opening and adoption, then `secondDay`'s items. */
export const twoDayOrganization = (secondDay: string) => `organization_of_work:
  - date: 2023-09-11
    slots:
      - time: 10:00-13:00
        items: [opening, adoption]
  - date: 2023-09-12
    slots:
      - time: 10:00-13:00
        items: [${secondDay}]`;
