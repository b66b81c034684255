import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/pipeline.js';
import { exampleDefinition, standardItems } from '../../src/rules/example-definition.js';
import { findRule } from '../../src/rules/index.js';

/** What AG016 reports on a definition of `document.kind: kind` (none: the default), with the opening item's annotation. */
function documentationSection(kind: string | undefined, opening?: string) {
  let yaml = exampleDefinition({ items: standardItems({ opening }) }).replace('    annotation: No documentation is foreseen under this item.\n', '');
  if (kind !== undefined) yaml = yaml.replace('  date: 2023-06-14\n', `  date: 2023-06-14\n  kind: ${kind}\n`);
  const { model, diagnostics } = compileSource('meeting.yaml', yaml);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const reports: string[] = [];
  const rule = findRule('AG016')!;
  rule.check({ file: 'meeting.yaml', model: model!, params: rule.parameters, profile: 'untoc-working-group', report: (r) => reports.push(r.messageId) });
  return reports;
}

describe('AG016 and the kind of document', () => {
  it('a plain provisional agenda (document.kind) has no documentation sections to check, even with annotations written', () => {
    expect(documentationSection('provisional-agenda', 'The meeting will be opened.')).toEqual([]);
  });

  it('an agenda that prints annotations has them', () => {
    expect(documentationSection(undefined, 'The meeting will be opened.')).toEqual(['noDocumentation']);
    expect(documentationSection('annotated-provisional-agenda', 'The meeting will be opened.')).toEqual(['noDocumentation']);
    expect(documentationSection('provisional-agenda-and-annotations', 'The meeting will be opened.')).toEqual(['noDocumentation']);
  });

  it('a list not yet annotated at all is not asked for documentation', () => {
    expect(documentationSection(undefined)).toEqual([]);
  });
});
