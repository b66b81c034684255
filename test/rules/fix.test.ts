import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../src/commands/check.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';

const BEFORE = exampleDefinition({
  items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
        # The Chair asked for this wording.
        annotation: |
          The meeting will be opened at 10:00; consultations follow from 15:00-18:00 and 3-6 p.m.
          Some 70 percent (or 70%) of the reviews cover article 27, paragraph 1(a).
          See the joint note E/2001/28 - E/CN.7/2001/12, on 15-19 October 2024.
      - id: adoption
        title: "Adoption of the agenda and organization of work" # quoted on purpose
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
});

const AFTER_TEXT = `          The meeting will be opened at 10 a.m.; consultations follow from 3–6 p.m. and 3–6 p.m.
          Some 70 per cent (or 70 per cent) of the reviews cover article 27, paragraph 1 (a).
          See the joint note E/2001/28 – E/CN.7/2001/12, on 15–19 October 2024.`;

describe('agenda check --fix', () => {
  it('rewrites what is certain at its offsets, keeping comments, quotes and layout, and reports each change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, BEFORE);
    const outcome = await fixFile(file, { config: false });
    const after = readFileSync(file, 'utf8');
    const [head, tail] = BEFORE.split(/ {10}The meeting[^\n]*\n[^\n]*\n[^\n]*\n/);
    expect(after).toBe(`${head}${AFTER_TEXT}\n${tail}`);
    expect(outcome.applied.length).toBe(8);
    expect(outcome.applied[0]).toMatch(/^\d+:\d+ AG026 '10:00' → '10 a.m.'$/);
    expect(outcome.result.diagnostics).toEqual([]);
    expect(readdirSync(dir)).toEqual(['meeting.yaml']); // no temporary file left
  });

  it('leaves a file without fixable problems untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    const text = exampleDefinition();
    writeFileSync(file, text);
    const outcome = await fixFile(file, { config: false });
    expect(outcome.applied).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('does not offer a fix where the YAML source differs from the value (escapes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    const text = exampleDefinition({
      items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
        annotation: "Some 70 perc\\u0065nt are complete."
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
    });
    writeFileSync(file, text);
    const outcome = await fixFile(file, { config: false });
    expect(outcome.applied).toEqual([]);
    expect(outcome.result.diagnostics.map((d) => d.code)).toContain('AG028');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
