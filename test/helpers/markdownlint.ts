import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Configuration } from 'markdownlint';
import { repoRoot } from './reference.js';

/** The committed markdownlint configuration; JSONC whose comments are whole lines, so dropping them leaves JSON. */
export const markdownlintConfig = (): Configuration =>
  JSON.parse(
    readFileSync(resolve(repoRoot, '.markdownlint.jsonc'), 'utf8')
      .split('\n')
      .filter((l) => !/^\s*\/\//.test(l))
      .join('\n'),
  ) as Configuration;
