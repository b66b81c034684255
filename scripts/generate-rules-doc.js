// Regenerates docs/rules.md from the rule modules (after `npm run build`).
import { writeFileSync } from 'node:fs';
import { rulesDocument } from '../dist/rules/rules-doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesDocument());
