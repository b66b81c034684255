import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { AgendaDocument } from '../../src/model.js';
import { renderHtml } from '../../src/render/html/index.js';
import { compileExample } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

/** Every example, read when the tests start: examples added later are covered without a change here. */
/** The example definitions, without the translation files beside them (m.fr.yaml). */
export const examples = readdirSync(resolve(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f)).sort();

const models = new Map<string, AgendaDocument>();
/** An example's model, compiled once per test file (renderers do not change it). */
export function modelOf(name: string): AgendaDocument {
  let model = models.get(name);
  if (!model) {
    const compiled = compileExample(name);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    models.set(name, (model = compiled.model!));
  }
  return model;
}

const pages = new Map<string, string>();
export const htmlOf = (name: string): string => {
  let html = pages.get(name);
  if (html === undefined) pages.set(name, (html = renderHtml(modelOf(name))));
  return html;
};

import { CHROMIUM, hasChromium, launchOptions } from './chromium.js';
import { pageFile } from './page-file.js';
import { translationName } from '../../src/translate/load.js';

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

export { pageFile };

export const axePath = resolve(repoRoot, 'node_modules/axe-core/axe.min.js');
