// Regenerates the reference section of docs/format.md from the schema (after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { BEGIN, END, formatReference } from '../dist/docs/format-reference.js';

const root = new URL('../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schemas/meeting.schema.json', root), 'utf8'));
const docUrl = new URL('docs/format.md', root);
const doc = readFileSync(docUrl, 'utf8');
const start = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (start < 0 || end < 0) throw new Error('docs/format.md has lost its generated-reference markers');
writeFileSync(docUrl, doc.slice(0, start) + formatReference(schema) + doc.slice(end + END.length));
