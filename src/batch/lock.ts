import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { reportPath } from '../diagnostics/formatters/paths.js';
import { makeFolders, systemErrorReason } from './job.js';
import { LOCK_WAIT_MS } from './lock-wait.js';
import type { Shard } from './shard.js';

/**
 * Locks on an output folder, as git's `index.lock`: a file created only if it does not exist
 * (O_EXCL), holding the process's id and host, removed at the end (also after Ctrl+C, SIGTERM
 * or SIGHUP, which end a build cleanly: cli.ts). Two kinds:
 *
 * - The build lock, held for a whole build: `.agenda-build.lock`. Two builds writing one
 *   folder at once would leave outputs of one recorded as the other's. Shards of one matrix
 *   (`--shard i/n`, the same n) build disjoint files and may share a folder: each holds
 *   `.agenda-build.<i>-of-<n>.lock`, which excludes a build without --shard and shards of
 *   another n, but not each other.
 * - The manifest lock, `.agenda-manifest.json.lock`, held for the milliseconds it takes to
 *   read the manifest again, merge this build's entries into it and write it (manifest.ts):
 *   the shards' entries all end up in it.
 *
 * A lock whose process is gone (not alive on this host) is stale and taken over; a build
 * killed outright (SIGKILL, a power cut) leaves one. A lock held by another host cannot be
 * checked and is respected.
 */
export const BUILD_LOCK = '.agenda-build.lock';
export const MANIFEST_LOCK = '.agenda-manifest.json.lock';
const BUILD_LOCK_NAME = /^\.agenda-build(?:\.(\d+)-of-(\d+))?\.lock$/;

export { LOCK_WAIT_MS };
const POLL_MS = 100;
/** A lock file that cannot be read as one is taken for stale after this long (its writer died while creating it). */
const UNREADABLE_STALE_MS = 10_000;

export interface Holder {
  pid: number;
  host: string;
  /** When it was taken, ISO 8601. */
  since: string;
  /** Tells this process's locks from those of an earlier one with the same id. */
  token: string;
  /** When the process started, in the system's clock ticks since boot (Linux): tells it from a later one given the same id. */
  start?: string;
}

/** An output folder that cannot be used: busy, not a folder, or not writable. Exit 2. */
export class OutputFolderError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export interface Lock {
  readonly path: string;
  /** Removes the lock file, if it is still this process's; synchronous (it runs as the process exits). */
  release(): void;
}

/**
 * Takes the build lock of `folder` (an output folder, created if needed), waiting up to
 * `waitMs` for a build that holds it; throws OutputFolderError when it cannot, and returns
 * undefined when `signal` stops the wait.
 */
export async function lockBuild(folder: string, { shard, waitMs = LOCK_WAIT_MS, isOut = true, signal }: { shard?: Shard; waitMs?: number; isOut?: boolean; signal?: AbortSignal } = {}): Promise<Lock | undefined> {
  const shown = reportPath(folder, process.cwd()) || '.';
  const what = isOut ? `the output folder ${shown}` : `the folder ${shown}`;
  const name = shard ? `.agenda-build.${shard.index}-of-${shard.count}.lock` : BUILD_LOCK;
  const deadline = performance.now() + waitMs;
  for (;;) {
    // Again on each attempt: a build that ended may have removed the folder it had created.
    const created = isOut ? prepareFolder(folder, shown) : [];
    const attempt = tryBuildLock(folder, name, shard, what, isOut);
    if ('release' in attempt) return created.length ? removingWhenEmpty(attempt, created) : attempt;
    if (signal?.aborted) return undefined; // stopped (Ctrl+C) while it waited
    if (performance.now() >= deadline) {
      const { path, holder } = attempt;
      const by = holder ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${holder.since}` : 'another process';
      throw new OutputFolderError(
        `${what} is in use by another build: ${reportPath(path, process.cwd())} is held by ${by}`,
        `wait for that build to end (builds into one folder take turns; only shards --shard i/n of the same n build it together); if no build is running, delete ${reportPath(path, process.cwd())}`,
      );
    }
    // Jittered: two builds that stepped back from each other's locks do not meet again.
    await new Promise((r) => setTimeout(r, POLL_MS * (0.5 + Math.random())));
  }
}

/**
 * Runs `work` holding the manifest lock of `folder`, waiting for it up to `waitMs`
 * (synchronously: it runs as the process exits). Returns false, without running `work`,
 * when the lock cannot be had: a manifest not written costs the next run rebuilds.
 */
export function withManifestLock(folder: string, work: () => void, waitMs = 10_000): boolean {
  const path = join(folder, MANIFEST_LOCK);
  const deadline = performance.now() + waitMs;
  for (;;) {
    let lock: Lock | undefined;
    try {
      lock = createLock(path);
    } catch {
      return false; // cannot write in the folder: nor could the manifest be written
    }
    if (lock) {
      try {
        work();
      } finally {
        lock.release();
      }
      return true;
    }
    if (removeIfStale(path)) continue;
    if (performance.now() >= deadline) return false;
    sleepSync(20);
  }
}

/**
 * A lock that also removes the folders made for it, when the build wrote nothing in them: a
 * build that fails leaves no output folder behind. A folder another build has just made its
 * lock in is not empty, and stays.
 */
function removingWhenEmpty(lock: Lock, created: string[]): Lock {
  return {
    path: lock.path,
    release: () => {
      lock.release();
      for (const folder of [...created].reverse()) {
        try {
          rmdirSync(folder);
        } catch {
          return; // not empty: nor are the folders above it
        }
      }
    },
  };
}

/** The folder exists and is a folder (created if missing: the folders made), or a plain error saying why not. */
function prepareFolder(folder: string, shown: string): string[] {
  let created: string[];
  try {
    created = makeFolders(folder);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EEXIST' || e.code === 'ENOTDIR') throw new OutputFolderError(`cannot use ${shown} as the output folder: a folder on its path is a file`, 'choose another --out folder');
    throw new OutputFolderError(`cannot create the output folder ${shown}: ${systemErrorReason(e)}`, 'choose a folder you can write to');
  }
  if (!statSync(folder).isDirectory()) throw new OutputFolderError(`cannot use ${shown} as the output folder: it is not a folder`, 'choose another --out folder');
  return created;
}

/** The lock, or who holds it (or a conflicting one) now. */
function tryBuildLock(folder: string, name: string, shard: Shard | undefined, what: string, isOut: boolean): Lock | { path: string; holder?: Holder } {
  const path = join(folder, name);
  let own: Lock | undefined;
  try {
    own = createLock(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // Beside the inputs, a folder nothing can be written in has nothing to protect: each of its
    // files fails when written, as before any lock, and the others are built.
    if (!isOut) return { path, release: () => undefined };
    // Removed since it was made, by a build that ended without writing in it: made again.
    if (e.code === 'ENOENT' && !existsQuietly(folder)) return { path };
    throw new OutputFolderError(`cannot write in ${what}: ${systemErrorReason(e)}`, 'choose a folder you can write to');
  }
  if (!own) return removeIfStale(path) ? tryBuildLock(folder, name, shard, what, isOut) : { path, holder: readHolder(path) };
  // Created first, looked for the others after: of two builds that start together, the one
  // that looks last sees the other's lock, and both may step back, never both go on.
  for (const other of readdirSync(folder)) {
    const m = BUILD_LOCK_NAME.exec(other);
    if (!m || other === name) continue;
    const sameMatrix = shard && m[2] !== undefined && Number(m[2]) === shard.count;
    if (sameMatrix) continue;
    const otherPath = join(folder, other);
    if (removeIfStale(otherPath)) continue;
    own.release();
    return { path: otherPath, holder: readHolder(otherPath) };
  }
  return own;
}

/**
 * Creates the lock file, or returns undefined when it exists; other failures are thrown. It
 * appears whole: written to a temporary file first, then linked to the lock's name, which
 * fails if that exists (as O_EXCL does), so no other build ever reads a lock half-written.
 * Where a file system has no links, it is created with O_EXCL and written.
 */
function createLock(path: string): Lock | undefined {
  const start = startTicks(process.pid);
  const token = randomBytes(4).toString('hex');
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token, ...(start ? { start } : {}) };
  const text = `${JSON.stringify(holder)}\n`;
  // Named as writeFilesAtomic names its temporaries: a later build removes one a kill left.
  const temporary = `${path}.${process.pid}.${token}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
  } catch (err) {
    unlinkQuietly(temporary); // a full disk: nothing left behind
    throw err;
  }
  try {
    linkSync(temporary, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
    if (!createExclusive(path, text)) return undefined;
  } finally {
    unlinkQuietly(temporary);
  }
  ownTokens.add(holder.token);
  return {
    path,
    release: () => {
      // Only this process's: a lock wrongly taken over from it is not removed under its new holder.
      if (readHolder(path)?.token === holder.token) unlinkQuietly(path);
      ownTokens.delete(holder.token);
    },
  };
}

/** O_EXCL create and write: false when the file exists. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, text);
  } catch (err) {
    closeSync(fd);
    unlinkQuietly(path); // a full disk: no empty lock left behind
    throw err;
  }
  closeSync(fd);
  return true;
}

function readHolder(path: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // missing, or not a file
  }
  return parseHolder(text);
}

/** The holder a lock file's text names, or undefined when it is not a whole lock's content. */
export function parseHolder(text: string): Holder | undefined {
  let h: Partial<Holder> | null;
  try {
    h = JSON.parse(text) as Partial<Holder> | null;
  } catch {
    return undefined; // being written, or not a lock's content
  }
  if (h && typeof h === 'object' && Number.isSafeInteger(h.pid) && (h.pid as number) > 0 && typeof h.host === 'string' && typeof h.since === 'string' && typeof h.token === 'string') return h as Holder;
  return undefined;
}

/** Whether the process that holds `holder` is gone; one on another host is taken to be alive. */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  // This process's id, but not a lock it holds: left by an earlier process given the same id
  // (in a container, each run may be process 1).
  if (holder.pid === process.pid) return !ownTokens.has(holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, another user's
  }
  // Alive: the same process, unless it started at another time (its id was given again).
  const start = holder.start && startTicks(holder.pid);
  return Boolean(start && start !== holder.start);
}

/** The locks this process holds, by token. */
const ownTokens = new Set<string>();

/** When process `pid` started, in clock ticks since boot, where the system says (Linux's /proc). */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from the third: the start is the 22nd.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Removes the lock at `path` if its holder is gone; true when it is gone now. Two processes
 * may find the same stale lock: a takeover file, created O_EXCL, lets one of them at a time
 * look again and remove it, so that none removes a lock the other has just taken.
 */
function removeIfStale(path: string): boolean {
  const seen = readLockState(path);
  if (seen === 'gone') return true;
  if (!seen.stale) return false;
  // The guard is a lock itself, made as locks are (whole, through a link): a process killed
  // while taking a lock over leaves a guard that says whose it was, and is taken for stale
  // as soon as that process is gone.
  const guard = `${path}.takeover`;
  let held: Lock | undefined;
  try {
    held = createLock(guard);
  } catch {
    return false; // the folder refuses new files: nor could the lock be taken
  }
  if (!held) {
    const left = readLockState(guard);
    if (left !== 'gone' && left.stale && readTextQuietly(guard) === left.text) unlinkQuietly(guard);
    return false;
  }
  try {
    const now = readLockState(path);
    if (now === 'gone') return true;
    if (now.stale && now.text === seen.text) unlinkQuietly(path);
    return !existsQuietly(path);
  } finally {
    held.release();
  }
}

function readTextQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readLockState(path: string): 'gone' | { stale: boolean; text: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // Gone; or not a file this process can read (a folder of that name): never taken over.
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : { stale: false, text: '' };
  }
  // Judged on the text just read, the one compared before a takeover: a second read could
  // see another holder's lock.
  const holder = parseHolder(text);
  if (holder) return { stale: isStale(holder), text };
  // Being written this instant, or left half-written by a process that died: wait a while.
  const age = ageMs(path);
  return { stale: age === undefined || age > UNREADABLE_STALE_MS, text };
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function existsQuietly(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
