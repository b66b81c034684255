import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { expect, inject } from 'vitest';
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

import { CHROMIUM, hasChromium, launchOptions } from './chromium.js';

export { CHROMIUM, hasChromium };
export const chromiumMissing = `skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`;

/**
 * The run's shared headless Chromium (started by the global setup, browser-setup.ts); a
 * browser of its own when the file runs without that setup. close() on a shared one only
 * disconnects this file from it.
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch(launchOptions);
}

/** Writes a page to a new temporary folder and returns its file: URL (links and fragments behave as on disk). */
export function pageFile(html: string, name = 'page.html'): { url: string; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'agenda-html-')), name);
  writeFileSync(path, html);
  return { url: pathToFileURL(path).href, path };
}

export const axePath = resolve(repoRoot, 'node_modules/axe-core/axe.min.js');
