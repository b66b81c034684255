// What the preview tests share: a scratch copy of an example, and a save that waits for the
// rebuild it causes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/reference.js';
import type { Preview } from '../../src/preview/server.js';
import type { PreviewState } from '../../src/preview/page.js';

const scratches: string[] = [];

/** A scratch folder holding copies of examples (the first is the definition); returns the definition's path. */
export const copyExample = (...names: string[]): string => copyFrom('examples', ...names);

/** The same, from a folder of the repository. */
export function copyFrom(folder: string, ...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-preview-'));
  scratches.push(dir);
  for (const name of names) copyFileSync(join(repoRoot, folder, name), join(dir, name));
  return join(dir, names[0]!);
}

export function removeScratches(): void {
  for (const d of scratches.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Replaces `from` by `to` in a file (as an editor saves it) and resolves with the rebuild's state. */
export async function edit(preview: Preview, file: string, from: string | RegExp, to: string): Promise<PreviewState> {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${String(from)} is not in ${file}`);
  const next = preview.nextBuild();
  writeFileSync(file, changed);
  return withTimeout(next, 10_000, `no rebuild after saving ${file}`);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))]).finally(() => clearTimeout(timer));
}
