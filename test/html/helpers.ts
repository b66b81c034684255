import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { expect } from 'vitest';
import type { AgendaDocument } from '../../src/model.js';
import { renderHtml } from '../../src/render/html/index.js';
import { compileExample } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

/** Every example, read when the tests start: examples added later are covered without a change here. */
export const examples = readdirSync(resolve(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml')).sort();

export function modelOf(name: string): AgendaDocument {
  const { model, diagnostics } = compileExample(name);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

export const htmlOf = (name: string) => renderHtml(modelOf(name));

/** CI installs Chromium at /usr/bin/chromium; AGENDA_CHROMIUM points elsewhere (or at nothing, to see the skips). */
export const CHROMIUM = process.env.AGENDA_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const chromiumMissing = `skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`;

/** Headless Chromium as the project's notes prescribe; Playwright gives it a new empty profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Writes a page to a new temporary folder and returns its file: URL (links and fragments behave as on disk). */
export function pageFile(html: string, name = 'page.html'): { url: string; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'agenda-html-')), name);
  writeFileSync(path, html);
  return { url: pathToFileURL(path).href, path };
}

export const axePath = resolve(repoRoot, 'node_modules/axe-core/axe.min.js');
