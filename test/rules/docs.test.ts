import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { rulesDocument } from '../../src/rules/rules-doc.js';

describe('docs/rules.md', () => {
  const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

  it('is up to date with the rule modules (npm run docs:rules)', () => {
    expect(committed).toBe(rulesDocument());
  });

  it('documents every rule under a heading that the SARIF help links point at', () => {
    for (const r of RULES) expect(committed).toContain(`\n## ${r.id} ${r.name}\n`);
  });
});
