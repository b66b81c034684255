// vitest globalSetup: one Chromium for the whole run, reached by the test files through
// its endpoint (see launchBrowser in helpers.ts).
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { hasChromium, launchOptions } from './chromium.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium) {
    project.provide('chromiumEndpoint', undefined);
    return undefined;
  }
  const server = await chromium.launchServer(launchOptions);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
