import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it into place:
 * a crash or a full disk leaves the previous file, never a truncated one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeFilesAtomic([[path, data]]);
}

/**
 * Writes several files as one: every temporary file is written first, and only
 * when all are complete are they renamed into place. A full disk while writing
 * the PDF leaves the Markdown and HTML of the previous build too, not a mix.
 */
export async function writeFilesAtomic(files: readonly (readonly [path: string, data: Uint8Array | string])[]): Promise<void> {
  const temporaries = files.map(([path]) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`));
  try {
    for (let i = 0; i < files.length; i++) await writeFile(temporaries[i]!, files[i]![1], { flag: 'wx' });
    for (let i = 0; i < files.length; i++) await rename(temporaries[i]!, files[i]![0]);
  } catch (err) {
    await Promise.all(temporaries.map((t) => rm(t, { force: true })));
    throw err;
  }
}

const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files that a killed process left in `folder` (a kill leaves
 * the previous output in place, and its temporary file beside it). Only files of
 * processes that no longer run are removed: a build running alongside keeps its own.
 */
export async function removeStaleTemporaries(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
