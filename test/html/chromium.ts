// Headless Chromium for the browser tests, launched once per test run by vitest's
// globalSetup (browser-setup.ts): every test file connects to that one browser instead of
// starting its own. No vitest imports here: the global setup runs outside the test files.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** CI installs Chromium at /usr/bin/chromium; AGENDA_CHROMIUM points elsewhere (or at nothing, to see the skips). */
export const CHROMIUM = process.env.AGENDA_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/**
 * The fonts the browser may use: the project's Tinos (the PDF's face, metric-compatible with
 * Times New Roman, which the page asks for first) and, for the few characters it lacks (the
 * back-link arrow), DejaVu, which Debian installs with fontconfig. Nothing else of the
 * machine: a page laid out with whatever serif the machine has would measure differently,
 * and its pictures would not match the committed ones.
 */
function fontConfig(): string {
  const require = createRequire(import.meta.url);
  const tinos = dirname(dirname(require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf')));
  const dirs = [tinos, '/usr/share/fonts/truetype/dejavu'].filter((d) => existsSync(d));
  // A folder named after the font folders: checkouts elsewhere on the machine keep their own.
  const dir = join(tmpdir(), `agenda-chromium-fonts-${createHash('sha256').update(dirs.join('\n')).digest('hex').slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fonts.conf');
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const content = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((d) => `  <dir>${xml(d)}</dir>`),
    `  <cachedir>${xml(join(dir, 'cache'))}</cachedir>`,
    // Grey-scale anti-aliasing and no hinting: the same pixels whatever the machine's defaults.
    '  <match target="font"><edit name="antialias" mode="assign"><bool>true</bool></edit><edit name="hinting" mode="assign"><bool>false</bool></edit><edit name="rgba" mode="assign"><const>none</const></edit></match>',
    '</fontconfig>',
    '',
  ].join('\n');
  // Written once, and whole (renamed into place): a browser that is running may read it again.
  if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
    writeFileSync(`${file}.${process.pid}`, content);
    renameSync(`${file}.${process.pid}`, file);
  }
  return file;
}

/** As the project's notes prescribe; Playwright gives it a new empty profile. */
export const launchOptions = {
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  env: { ...process.env, FONTCONFIG_FILE: fontConfig() } as Record<string, string>,
};

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser's address, when Chromium is installed. */
    chromiumEndpoint: string | undefined;
  }
}
