import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileSource } from '../../src/pipeline.js';
import { repoRoot } from './reference.js';

export const examplePath = (name: string) => resolve(repoRoot, 'examples', name);

export function compileExample(name: string) {
  return compileSource(`examples/${name}`, readFileSync(examplePath(name), 'utf8'));
}

/** Compiles YAML given inline; the file name in diagnostics is "meeting.yaml". */
export const compileYaml = (yaml: string) => compileSource('meeting.yaml', yaml);

/** The smallest valid definition, to extend in tests. */
export const MINIMAL = `document:
  symbol: A/AC.999/2025/1
  date: 2025-01-10
body: Ad Hoc Committee on Example Matters
meeting:
  venue: New York
  dates: 2025-03-03
items:
  - id: adoption
    title: Adoption of the agenda
`;
