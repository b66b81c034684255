/**
 * The PDF exporter reaches into pdfkit's and fontkit's internals for speed (src/export/pdf:
 * fonts.ts, subset.ts, painter.ts; the build-time font tables of src/typeset/fast-shaping.ts),
 * and the typesetter's table of line-break classes mirrors linebreak's decisions
 * (src/typeset/break-opportunities.ts): each of those is written for one version. They are pinned exactly in package.json, and this test stops a run on any other,
 * so that an upgrade is a deliberate change with its outputs compared, never a surprise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference.js';

const require = createRequire(`${repoRoot}/package.json`);
const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { dependencies: Record<string, string> };
/** The version of the package that `entry` (a resolved file of it) belongs to; neither package exports its package.json. */
function versionOf(entry: string, name: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (json.name === name) return json.version;
  }
  throw new Error(`no package.json of ${name} above ${entry}`);
}

describe('pdfkit and fontkit', () => {
  it('are pinned to one version each', () => {
    expect(manifest.dependencies.pdfkit).toBe('0.20.2');
    expect(manifest.dependencies.fontkit).toBe('2.0.4');
  });

  it('are installed at the pinned versions, fontkit as pdfkit resolves it', () => {
    const pdfkit = require.resolve('pdfkit');
    expect(versionOf(pdfkit, 'pdfkit')).toBe(manifest.dependencies.pdfkit);
    expect(versionOf(createRequire(pdfkit).resolve('fontkit'), 'fontkit')).toBe(manifest.dependencies.fontkit);
  });
});

describe('linebreak', () => {
  it('is pinned, and installed at that version', () => {
    expect(manifest.dependencies.linebreak).toBe('1.1.0');
    expect(versionOf(require.resolve('linebreak'), 'linebreak')).toBe('1.1.0');
  });
});
