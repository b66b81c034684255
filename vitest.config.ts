import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PDF and browser tests are heavy; two cores, two workers.
    maxWorkers: 2,
    // Test files share their worker's modules instead of loading the sources, pdfkit,
    // fontkit and the YAML parser again for each of them: importing was a third of a run.
    // Tests restore what they change of the process (cwd, fake timers, environment).
    isolate: false,
    // One Chromium for every browser test of the run.
    globalSetup: ['test/html/browser-setup.ts'],
  },
});
