import { describe, expect, it } from 'vitest';
import type { AgendaDocument } from '../../src/model.js';
import { compileSource } from '../../src/pipeline.js';
import { exampleDefinition, standardItems } from '../../src/rules/example-definition.js';
import { findRule } from '../../src/rules/index.js';

/** What AG016 reports on the definition when its `document.kind` is `kind` (the model's field, set as the normalizer sets it from the definition). */
function documentationSection(kind: string | undefined, opening?: string) {
  const yaml = exampleDefinition({ items: standardItems({ opening }) }).replace('    annotation: No documentation is foreseen under this item.\n', '');
  const model = compileSource('meeting.yaml', yaml).model!;
  const sources = model.sources;
  const withKind = { ...model, sources: { items: sources.items, document: { ...sources.document, ...(kind === undefined ? {} : { kind }) } } } as unknown as AgendaDocument;
  const reports: string[] = [];
  const rule = findRule('AG016')!;
  rule.check({ file: 'meeting.yaml', model: withKind, params: rule.parameters, profile: 'untoc-working-group', report: (r) => reports.push(r.messageId) });
  return reports;
}

describe('AG016 and the kind of document', () => {
  it('a plain provisional agenda (document.kind) has no documentation sections to check', () => {
    expect(documentationSection('provisional-agenda')).toEqual([]);
  });

  it('an annotated agenda has them, whatever its kind is called', () => {
    expect(documentationSection('annotated-provisional-agenda')).toEqual(['noDocumentation']);
    expect(documentationSection('provisional-agenda', 'The meeting will be opened.')).toEqual([]);
    expect(documentationSection('provisional-agenda-and-annotations')).toEqual(['noDocumentation']);
  });

  it('without a kind, an agenda is annotated when an item has an annotation or documents', () => {
    expect(documentationSection(undefined)).toEqual([]);
    expect(documentationSection(undefined, 'The meeting will be opened.')).toEqual(['noDocumentation']);
  });
});
