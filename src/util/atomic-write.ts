import { createRequire } from 'node:module';
import { accessSync, closeSync, constants, copyFileSync, fchmodSync, fchownSync, fsyncSync, ftruncateSync, linkSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * node:crypto, loaded on the first write: it is some 15 internal modules, and `agenda check`,
 * which links this module through the core's file system, never writes.
 */
let cryptoModule: typeof import('node:crypto') | undefined;
const crypto = () => (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));

/**
 * Writes through a temporary file in the same folder and renames it into place:
 * a crash or a full disk leaves the previous file, never a truncated one.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  writeFilesAtomic([[path, data]]);
}

/**
 * Writes several files as one: every temporary file is written first, and only when all
 * are complete are they renamed into place. A full disk while writing the PDF leaves the
 * Markdown and HTML of the previous build too, not a mix; so does a rename that fails (a
 * folder in the way, a file a viewer holds open): the previous files, kept under a second
 * name (a hard link, or a copy where the file system has none) until every rename is done,
 * are put back over the new ones. (A kill between two renames does leave a mix; the caller
 * records the outputs only after, and the next build removes the copies left: ".old".)
 *
 * Synchronous on purpose: a build worker has nothing else to do meanwhile, and the
 * asynchronous calls (open, write, close and rename of each file, each a round trip to
 * the thread pool) left a worker idle about 3 ms a meeting, an eighth of its time.
 */
export function writeFilesAtomic(files: readonly (readonly [path: string, data: Uint8Array | string])[]): void {
  const temporaries = files.map(([path]) => temporaryPath(path));
  // Each target's previous file under its second name; null where there was none.
  const previous: (string | null)[] = [];
  let renamed = 0;
  try {
    for (let i = 0; i < files.length; i++) writeFileSync(temporaries[i]!, files[i]![1], { flag: 'wx' });
    // One file is replaced by one rename, which either happens or not.
    if (files.length > 1) for (const [path] of files) previous.push(keepPrevious(path));
    for (; renamed < files.length; renamed++) renameSync(temporaries[renamed]!, files[renamed]![0]);
  } catch (err) {
    for (const t of temporaries) rmSync(t, { force: true });
    for (let i = 0; i < renamed; i++) {
      const kept = previous[i];
      try {
        if (kept) {
          renameSync(kept, files[i]![0]);
          // A rename between two names of one file (a path listed twice) does nothing, and leaves the second name.
          rmSync(kept, { force: true });
        } else rmSync(files[i]![0], { force: true });
      } catch {
        // Said with the failure: the new file stays, and the previous one under its second name.
        if (kept) (err as Error).message = `${(err as Error).message}; the previous ${files[i]![0]} is in ${kept}`;
      }
    }
    for (const kept of previous.slice(renamed)) if (kept) rmSync(kept, { force: true });
    throw err;
  }
  // Every file is in place: a second name that cannot be removed now (held open on Windows) fails nothing; the next build removes it.
  for (const kept of previous) if (kept) removeQuietly(kept);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // See the caller.
  }
}

/**
 * A second name for the file at `path` (".NAME.PID.RANDOM.old" beside it), so that it can be
 * put back; null when there is no file there (or a folder, which no rename will replace).
 */
function keepPrevious(path: string): string | null {
  const kept = temporaryPath(path, 'old');
  try {
    linkSync(path, kept);
    return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st || st.isDirectory()) return null;
    // A file system without hard links: a copy (a clone where the file system makes one).
    copyFileSync(path, kept, constants.COPYFILE_FICLONE);
    return kept;
  }
}

/**
 * The longest file name most file systems take, in bytes (NAME_MAX). A temporary
 * name adds a dot, the process id and a random part to the name of its file, so the
 * name of a long file is shortened: its beginning (cut at a character boundary) and
 * a hash of the whole name keep temporaries of different files apart.
 */
const NAME_MAX = 255;

/** A new temporary name beside `path`: ".NAME.PID.RANDOM.tmp" (or ".bak", ".old"), never longer than NAME_MAX bytes. */
export function temporaryPath(path: string, kind: 'tmp' | 'bak' | 'old' = 'tmp'): string {
  const name = basename(path);
  const tail = `.${process.pid}.${crypto().randomBytes(4).toString('hex')}.${kind}`;
  let stem = name;
  // Budgeted for a process id of up to 10 digits, so that a name fits whichever process writes it.
  const room = NAME_MAX - 1 - (tail.length - String(process.pid).length + 10);
  if (Buffer.byteLength(name) > room) {
    const hash = crypto().createHash('sha256').update(name).digest('hex').slice(0, 8);
    stem = `${utf8Prefix(name, room - hash.length - 1)}~${hash}`;
  }
  return join(dirname(path), `.${stem}${tail}`);
}

/** The longest beginning of `text` that takes at most `bytes` bytes in UTF-8. */
function utf8Prefix(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (used + size > bytes) break;
    used += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** What identifies the content of a file as it was read: a change to any of these means someone wrote it. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The file was changed by someone else between reading it and writing it back. */
export class FileChangedError extends Error {}

/**
 * Rewrites an existing file through the path the user named, as an editor does:
 * - a file this process may not write (made read-only) is refused (EACCES);
 * - a symbolic link is resolved and its target rewritten (the link stays a link);
 * - the mode is kept, and the owner and group where the process may set them;
 * - normally through a temporary file renamed over the target (atomic: a kill or a
 *   full disk leaves the previous content), flushed to disk first;
 * - in place when a rename cannot keep the file what it is: when it has several hard
 *   links (a rename would cut the others off) or belongs to another user (a rename
 *   would hand it to this one). The previous content is first copied beside it, to
 *   ".NAME.PID.RANDOM.bak", and that copy is removed once the new content is on disk:
 *   if the process is killed while writing, the copy remains (it is never removed
 *   automatically) and the file may be partly written.
 * - in place too when the file may be written but its folder may not (a link into a
 *   read-only or shared folder): no temporary file can be made beside it, so the copy
 *   of the previous content goes to the system's temporary folder (os.tmpdir()) instead,
 *   readable by this user only, and is removed the same way.
 * `expected` refuses the write (FileChangedError) when the file is not the one read.
 * A path that does not exist yet is written as writeFileAtomic writes it.
 * `options.create` makes each new file beside the target (a test stands in a refusing folder).
 */
export function writeFileThrough(path: string, data: Uint8Array | string, expected?: FileIdentity, options: WriteThroughOptions = {}): void {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (expected) throw new FileChangedError(`${path} no longer exists`);
    writeFileAtomic(path, data);
    return;
  }
  const st = statSync(target);
  // A file made read-only is refused as an editor refuses it: a rename would replace it whatever its mode.
  accessSync(target, constants.W_OK);
  if (expected && (st.dev !== expected.dev || st.ino !== expected.ino || st.size !== expected.size || st.mtimeMs !== expected.mtimeMs)) {
    throw new FileChangedError(`${path} changed since it was read`);
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const ours = typeof process.getuid !== 'function' || process.getuid() === 0 || process.getuid() === st.uid;
  const create = options.create ?? createExclusive;
  if (st.nlink > 1 || !ours) {
    writeInPlace(target, bytes, create);
    return;
  }
  try {
    replaceKeeping(target, bytes, st, create);
  } catch (err) {
    if (!folderRefused(err)) throw err;
    writeInPlace(target, bytes, create);
  }
}

export interface WriteThroughOptions {
  /** Creates a new file, failing if it exists, and returns it open for writing. */
  create?: (path: string) => number;
}

const createExclusive = (path: string) => openSync(path, 'wx', 0o600);

/** The folder may not be written (a new file cannot be made in it), though a file in it may. */
const folderRefused = (err: unknown) => ['EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException)?.code ?? '');

/** A new file for the copy of `target`'s previous content: beside it, or in the system's temporary folder when its folder refuses. */
function createBackup(target: string, create: (path: string) => number): { path: string; fd: number } {
  const beside = temporaryPath(target, 'bak');
  try {
    return { path: beside, fd: create(beside) };
  } catch (err) {
    if (!folderRefused(err)) throw err;
    const away = join(tmpdir(), basename(beside));
    return { path: away, fd: create(away) };
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
}

function replaceKeeping(target: string, bytes: Uint8Array, st: Stats, create: (path: string) => number): void {
  const temporary = temporaryPath(target);
  const fd = create(temporary);
  try {
    try {
      writeAll(fd, bytes);
      fchmodSync(fd, st.mode & 0o7777);
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        // Not permitted (another owner): the group alone may be, when the process belongs to it.
        try {
          fchownSync(fd, -1, st.gid);
        } catch {
          // The file keeps this process's group: nothing else can be done without privileges.
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}

function writeInPlace(target: string, bytes: Uint8Array, create: (path: string) => number): void {
  // Opened first: a file this process may not write is refused before any copy is made.
  const fd = openSync(target, 'r+');
  let backup: string | undefined;
  try {
    const made = createBackup(target, create);
    backup = made.path;
    try {
      // Written through the new file itself: a copy would take the file's mode, and a
      // copy in a shared temporary folder must stay readable by this user only.
      writeAll(made.fd, readFileSync(target));
      fsyncSync(made.fd);
    } finally {
      closeSync(made.fd);
    }
  } catch (err) {
    closeSync(fd);
    if (backup) rmSync(backup, { force: true });
    throw err;
  }
  try {
    // New content over the old, then the old tail cut: at no point is the file shorter than the text written so far.
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    // Put the previous content back (in place too); if even that fails, the copy stays and says where it is.
    try {
      // Written over, not copied: a copy would give the file the copy's mode (this user's only).
      writeFileSync(target, readFileSync(backup));
      unlinkSync(backup);
    } catch {
      (err as Error).message = `${(err as Error).message}; the previous content of ${target} is in ${backup}`;
    }
    throw err;
  }
  closeSync(fd);
  unlinkSync(backup);
}

/** A temporary file of writeFilesAtomic: a new file (".tmp") or a previous one kept until all are renamed (".old"). */
export const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.(?:tmp|old)$/;

/**
 * Removes the temporary files that a killed process left in `folder` (a kill leaves
 * the previous output in place, and its temporary file beside it, or the previous output's
 * second name). Only files of processes that no longer run are removed: a build running
 * alongside keeps its own. (The ".bak" copies of writeFileThrough are never removed.)
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
