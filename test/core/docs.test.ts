import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, formatReference } from '../../src/docs/format-reference.js';

describe('docs/format.md', () => {
  it('has an up-to-date generated reference (npm run docs:format)', () => {
    const doc = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');
    const schema = JSON.parse(readFileSync(new URL('../../schemas/meeting.schema.json', import.meta.url), 'utf8'));
    const committed = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length);
    expect(committed).toBe(formatReference(schema));
  });
});
