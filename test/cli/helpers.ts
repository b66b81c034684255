// What the build tests share: scratch folders, removed after each file's tests, and an
// archive of generated definitions.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateMeeting } from '../../bench/generate.js';

const scratches: string[] = [];
export const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-build-'));
  scratches.push(dir);
  return dir;
};
/** Removes the scratch folders made so far: each test file calls it after its tests (afterAll). */
export function removeScratches(): void {
  for (const d of scratches.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** meetings/2019/m0.yaml … meetings/2021/m5.yaml: six valid, generated definitions in three folders. */
export function archive(count = 6): string {
  const dir = scratch();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, 'meetings', String(2019 + (i % 3)));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `m${i}.yaml`), generateMeeting(i));
  }
  return dir;
}

export const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

