import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes a page to a new temporary folder and returns its file: URL (links and fragments behave as on disk). */
export function pageFile(html: string, name = 'page.html'): { url: string; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'agenda-html-')), name);
  writeFileSync(path, html);
  return { url: pathToFileURL(path).href, path };
}
