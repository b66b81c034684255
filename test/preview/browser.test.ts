/**
 * The preview in headless Chromium: the page follows the saves of the definition without
 * being reloaded by hand, shows errors over the last good page with their line and column,
 * escapes what it shows, shows the PDF beside the HTML, and asks nothing of any server but
 * its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/server.js';
import { chromiumMissing, hasChromium, launchBrowser } from '../html/helpers.js';
import { copyExample, edit, removeScratches } from './helpers.js';

afterAll(removeScratches);

describe.skipIf(!hasChromium)(hasChromium ? 'agenda preview in headless Chromium' : `agenda preview in headless Chromium (${chromiumMissing})`, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let preview: Preview | undefined;
  /** Every request of the page and its frames. */
  const requests: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    await preview?.close();
    preview = undefined;
  });

  async function open(path = ''): Promise<{ file: string; preview: Preview }> {
    const file = copyExample('minimal.yaml');
    preview = await startPreview({ file, cwd: dirname(file) });
    context = await browser.newContext();
    page = await context.newPage();
    requests.length = 0;
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(preview.url + path);
    return { file, preview };
  }

  const frameText = () => page.frameLocator('#document').locator('body').innerText({ timeout: 5_000 });
  const overlay = () => page.locator('#overlay');

  it('follows the saves: a new title, an error shown with its line and column over the last page, the page again once fixed', async () => {
    const { file, preview } = await open();
    await expect.poll(frameText).toContain('Adoption of the agenda');
    expect(await page.title()).toBe('minimal.yaml — agenda preview');
    // Set on the preview's page: still there after the rebuilds, so the page was not reloaded.
    await page.evaluate(() => ((window as unknown as { mark: number }).mark = 42));

    await edit(preview, file, 'title: Adoption of the agenda', 'title: Adoption of the revised agenda');
    await expect.poll(frameText).toContain('Adoption of the revised agenda');
    await expect.poll(() => overlay().isVisible()).toBe(false);

    await edit(preview, file, 'dates: 2025-03-03', 'dates: 2025-13-03');
    await expect.poll(() => overlay().isVisible()).toBe(true);
    const shown = await overlay().innerText();
    expect(shown).toMatch(/^1 error: the page below is the last one built/);
    expect(shown).toContain('minimal.yaml:9:10');
    expect(await page.locator('#state').innerText()).toMatch(/^not built at \d\d:\d\d:\d\d: 1 error$/);
    // The last good page stays underneath.
    expect(await frameText()).toContain('Adoption of the revised agenda');

    await edit(preview, file, 'dates: 2025-13-03', 'dates: 2025-03-04');
    await expect.poll(() => overlay().isVisible()).toBe(false);
    expect(await page.locator('#state').innerText()).toMatch(/^built at \d\d:\d\d:\d\d$/);
    expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(42);

    // An error of a configuration file does not stop the build: the page is new, the error listed on demand.
    const next = preview.nextBuild();
    writeFileSync(join(dirname(file), 'agenda.config.yaml'), 'rules:\n  no-such-rule: error\n');
    expect((await next).ok).toBe(true);
    await expect.poll(() => page.locator('#warnings summary').isVisible()).toBe(true);
    expect(await page.locator('#warnings summary').innerText()).toBe('1 error');
    await page.locator('#warnings summary').click();
    expect(await page.locator('#warnings li').innerText()).toMatch(/^agenda\.config\.yaml:2:3 error unknown rule 'no-such-rule' \(config\)/);
    expect(await overlay().isVisible()).toBe(false);
    expect(requests.filter((url) => !url.startsWith(preview.url))).toEqual([]);
  });

  it('shows what the definition says as text, never as HTML', async () => {
    const { file, preview } = await open();
    await expect.poll(frameText).toContain('Adoption of the agenda');
    const hostile = '<img src=x onerror="window.pwned=1">';
    const next = preview.nextBuild();
    writeFileSync(file, `${readFileSync(file, 'utf8')}${hostile}: 1\n`);
    expect((await next).ok).toBe(false);
    await expect.poll(() => overlay().isVisible()).toBe(true);
    expect(await overlay().innerText()).toContain(`minimal.yaml:13:1 error the definition has an unknown field '${hostile}'`);
    expect(await page.locator('#overlay img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('shows the PDF beside the HTML, from its own path', async () => {
    const { preview } = await open('split');
    await expect.poll(frameText).toContain('Adoption of the agenda');
    expect(await page.locator('#pdf').getAttribute('src')).toBe('/document.pdf?build=1');
    const pdf = await page.request.get(`${preview.url}document.pdf?build=1`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The frame asked for it; Chromium shows it with its own viewer (a chrome-extension: page
    // and the chrome:// resources built into the browser, which it may have loaded by the time
    // the list is read: nothing from the network).
    await expect.poll(() => requests.includes(`${preview.url}document.pdf?build=1`)).toBe(true);
    expect(requests.filter((url) => !url.startsWith(preview.url) && !/^chrome(?:-extension)?:\/\//.test(url))).toEqual([]);
  });
});
