import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import { markdownlintConfig } from '../helpers/markdownlint.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { repoRoot } from '../helpers/reference.js';
import { examples, modelOf } from '../html/helpers.js';

const config = markdownlintConfig();

async function problems(markdown: string): Promise<string[]> {
  const results = await lint({ strings: { output: markdown }, config });
  return (results.output ?? []).map((e) => `line ${e.lineNumber} ${e.ruleNames.join('/')}: ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''} [${e.errorContext ?? ''}]`);
}

describe('Markdown output passes markdownlint with .markdownlint.jsonc', () => {
  it('the configuration turns off only what it explains', () => {
    const raw = readFileSync(resolve(repoRoot, '.markdownlint.jsonc'), 'utf8');
    expect(config.default).toBe(true);
    // Each rule set in the file is preceded by a comment line giving the reason.
    const lines = raw.split('\n');
    lines.forEach((line, i) => {
      if (/^\s*"MD\d{3}"/.test(line)) expect(lines[i - 1], `no reason above ${line.trim()}`).toMatch(/^\s*\/\//);
    });
  });

  it.each(examples)('%s', async (name) => {
    expect(await problems(renderMarkdown(modelOf(name)))).toEqual([]);
  });

  it('catches a problem when there is one (the linter is really running)', async () => {
    expect(await problems('# Title\n\n\n\nText  \n')).not.toEqual([]);
  });
});
