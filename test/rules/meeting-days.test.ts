import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';
import { check } from './helpers.js';

/** A two-week session (Monday 2 to Friday 13 December 2024) whose organization of work lists `listed` days, with "{days}" in its opening annotation. */
const session = (...listed: string[]) =>
  exampleDefinition({
    profile: 'treaty-body',
    document: 'document:\n  symbol: CMW/C/39/1\n  date: 2024-09-27',
    meeting: 'meeting:\n  kind: session\n  number: 39\n  venue: Geneva\n  dates: [2024-12-02, 2024-12-13]',
    items: itemsWithAnnotation('"The Committee will hold its session over {days} days."'),
    organization: `organization_of_work:\n${listed.map((d) => `  - date: ${d}\n    slots:\n      - time: 10:00-13:00\n        items: [opening, adoption, other, report]`).join('\n')}`,
  });

describe('meeting days', () => {
  it('{days} counts the meeting days, not the days of the organization of work', () => {
    const { model, diagnostics } = compileSource('meeting.yaml', session('2024-12-02', '2024-12-03'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Ten weekdays; the annex lists two of them.
    expect(renderMarkdown(model!)).toContain('over ten days');
  });

  it('a meeting day the organization of work leaves out is a warning, naming the days', () => {
    const found = check(session('2024-12-02', '2024-12-03')).diagnostics.filter((d) => d.code === 'AG010');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 11, column: 10 });
    // Eight weekdays left out, over a weekend: one run.
    expect(found[0]!.message).toMatch(/^8 meeting days have no meetings in the organization of work: Wednesday, 4 December 2024 to Friday, 13 December 2024$/);
  });

  it('a weekend day counts when the organization of work lists it', () => {
    const days = ['2024-12-02', '2024-12-03', '2024-12-04', '2024-12-05', '2024-12-06', '2024-12-07', '2024-12-09', '2024-12-10', '2024-12-11', '2024-12-12', '2024-12-13'];
    const yaml = session(...days);
    expect(check(yaml).diagnostics.filter((d) => d.code === 'AG010')).toEqual([]);
    expect(renderMarkdown(compileSource('meeting.yaml', yaml).model!)).toContain('over eleven days');
  });
});
