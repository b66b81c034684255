// Headless Chromium for the browser tests, launched once per test run by vitest's
// globalSetup (browser-setup.ts): every test file connects to that one browser instead of
// starting its own. No vitest imports here: the global setup runs outside the test files.
import { existsSync } from 'node:fs';

/** CI installs Chromium at /usr/bin/chromium; AGENDA_CHROMIUM points elsewhere (or at nothing, to see the skips). */
export const CHROMIUM = process.env.AGENDA_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** As the project's notes prescribe; Playwright gives it a new empty profile. */
export const launchOptions = {
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser's address, when Chromium is installed. */
    chromiumEndpoint: string | undefined;
  }
}
