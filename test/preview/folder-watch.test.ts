/**
 * The preview's folder watcher: the files of interest saved in place, renamed over, deleted
 * and created again are each reported once they are quiet; other names of the folder never.
 */
import { appendFileSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder, type FolderWatch } from '../../src/preview/folder-watch.js';

const dirs: string[] = [];
let watcher: FolderWatch | undefined;
afterEach(() => {
  watcher?.close();
  watcher = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A folder with `meeting.yaml` and some other files, watched for `meeting.yaml` and `agenda.config.yaml`. */
function setUp(settleMs = 40) {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-folder-watch-'));
  dirs.push(dir);
  const file = join(dir, 'meeting.yaml');
  const config = join(dir, 'agenda.config.yaml');
  writeFileSync(file, 'a: 1\n');
  for (let i = 0; i < 20; i++) writeFileSync(join(dir, `other-${i}.txt`), 'x');
  const seen: string[] = [];
  const errors: Error[] = [];
  const interesting = new Set([file, config]);
  watcher = watchFolder(dir, { watches: (p) => interesting.has(p), onChange: (p) => seen.push(p), onError: (e) => errors.push(e), settleMs });
  return { dir, file, config, seen, errors };
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolder', () => {
  it('reports a save written in pieces once, after it is quiet', async () => {
    // Pieces 5 ms apart, quiet for 250: a busy machine may delay a timer, not by that much.
    const { file, seen } = setUp(250);
    writeFileSync(file, 'a: 2\n');
    for (let i = 0; i < 3; i++) {
      await quiet(5);
      appendFileSync(file, `b${i}: ${i}\n`);
    }
    expect(seen).toEqual([]); // still settling
    await expect.poll(() => seen).toEqual([file]);
    await quiet(300);
    expect(seen).toEqual([file]);
  });

  it('reports a file renamed over the one of interest (an editor\'s save), not the temporary name', async () => {
    const { dir, file, seen } = setUp();
    writeFileSync(join(dir, 'meeting.yaml.tmp'), 'a: 3\n');
    renameSync(join(dir, 'meeting.yaml.tmp'), file);
    await expect.poll(() => seen).toEqual([file]);
  });

  it('reports a file deleted, and a file of interest created later', async () => {
    const { file, config, seen } = setUp();
    unlinkSync(file);
    await expect.poll(() => seen).toEqual([file]);
    writeFileSync(config, 'rules: {}\n');
    await expect.poll(() => seen).toEqual([file, config]);
  });

  it('says nothing of the other files of the folder', async () => {
    const { dir, seen } = setUp();
    writeFileSync(join(dir, 'other-3.txt'), 'y');
    unlinkSync(join(dir, 'other-4.txt'));
    writeFileSync(join(dir, 'new.yaml'), 'a: 1\n');
    await quiet(150);
    expect(seen).toEqual([]);
  });

  it('says, and does not throw, when the folder cannot be watched; close() is then harmless', () => {
    const errors: Error[] = [];
    const gone = join(tmpdir(), 'agenda-folder-watch-no-such-folder', 'below');
    const w = watchFolder(gone, { watches: () => true, onChange: () => undefined, onError: (e) => errors.push(e) });
    expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ENOENT']);
    w.close();
  });

  it('reports nothing after close(), not even a change that was settling', async () => {
    const { file, seen } = setUp();
    writeFileSync(file, 'a: 4\n');
    await quiet(10);
    watcher!.close();
    await quiet(120);
    expect(seen).toEqual([]);
  });
});
