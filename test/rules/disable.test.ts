import { describe, expect, it } from 'vitest';
import { exampleDefinition } from '../../src/rules/example-definition.js';
import { check } from './helpers.js';

const items = (comment: string) => `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
${comment}
        annotation: |
          Some 70 percent of the reviews are complete.
          About 5 percent remain.
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`;

const codes = (comment: string) => check(exampleDefinition({ items: items(comment) })).diagnostics.map((d) => `${d.code}@${d.line}`);

describe('# agenda-disable-next-line', () => {
  it('silences the rule in the whole field that starts on the next line, when a reason is given', () => {
    expect(codes('        # a note')).toEqual(['AG028@20', 'AG029@21', 'AG028@21']);
    expect(codes('        # agenda-disable-next-line AG028 -- quoted from the report of the Bureau')).toEqual(['AG029@21']);
  });

  it('takes rule names and several rules', () => {
    expect(codes('        # agenda-disable-next-line per-cent, AG029 -- quoted verbatim')).toEqual([]);
  });

  it('without a reason silences nothing and is itself reported', () => {
    const found = codes('        # agenda-disable-next-line AG028');
    expect(found).toEqual(expect.arrayContaining(['AG028@20', 'disable-without-reason@18']));
  });

  it('that silences nothing is reported', () => {
    expect(codes('        # agenda-disable-next-line AG001 -- lead time agreed with the Bureau')).toEqual(expect.arrayContaining(['unused-disable@18']));
  });

  it('covers only the next line outside the field', () => {
    const yaml = exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  # agenda-disable-next-line AG001 -- circulated late by decision of the Bureau\n  date: 2023-08-01' });
    const result = check(yaml).diagnostics.map((d) => d.code);
    expect(result).not.toContain('AG001');
    expect(result).toContain('AG002');
  });
});
