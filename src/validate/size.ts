/**
 * How much a definition may hold: what is typeset, kept in memory at once while a PDF is
 * made, grows with its entries (some 30 kB each), and a batch worker has a heap of 512 MB.
 * 10,000 entries (items at every level, documents listed, the meetings' entries and the
 * footnotes, together) build in under 2 s and 350 MB; the largest agendas published hold a
 * few hundred. Past the limit the definition is refused with one diagnostic, before anything
 * is normalized, rather than failing in a worker for want of memory.
 */
import type { MeetingDefinition } from '../definition.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { LoadedDefinition } from '../load/load.js';

export const MAX_ENTRIES = 10_000;

/** One error when the definition holds more than MAX_ENTRIES entries; none otherwise. */
export function validateSize(loaded: LoadedDefinition): Diagnostic[] {
  const def = loaded.data as MeetingDefinition;
  const counts = { items: 0, documents: 0, meetings: 0, footnotes: Object.keys(def.footnotes ?? {}).length };
  const visit = (items: MeetingDefinition['items'] | undefined) => {
    for (const item of items ?? []) {
      counts.items++;
      counts.documents += item.documentation?.length ?? 0;
      visit(item.items);
    }
  };
  visit(def.items);
  for (const day of def.organization_of_work ?? []) for (const slot of day.slots) counts.meetings += slot.items.length;
  const total = counts.items + counts.documents + counts.meetings + counts.footnotes;
  if (total <= MAX_ENTRIES) return [];
  // At the largest part: where the author will look for what to cut.
  const largest = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]![0];
  const key = { items: 'items', documents: 'items', meetings: 'organization_of_work', footnotes: 'footnotes' }[largest];
  const n = (count: number) => count.toLocaleString('en');
  return [
    {
      file: loaded.file,
      ...loaded.locator.keyStart([key]),
      severity: 'error',
      code: 'too-large',
      message: `the definition holds ${n(total)} entries (${n(counts.items)} items and sub-items, ${n(counts.documents)} documents listed, ${n(counts.meetings)} entries of the organization of work, ${n(counts.footnotes)} footnotes), more than the ${n(MAX_ENTRIES)} one document can hold`,
      hint: 'no agenda needs as many: check for a generated or repeated list, or split the document',
    },
  ];
}
