/**
 * The file system the core reads definitions and configurations from and writes outputs
 * and fixed definitions to: passed in, so that the CLI and batch builds use the disk, and a
 * language server or a test an in-memory set of files (an editor's unsaved buffers).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { readDefinitionBytes, UnreadableInputError } from '../load/source.js';
import { FileChangedError, writeFileThrough, writeFilesAtomic } from '../util/atomic-write.js';

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mtimeMs: number;
}

/** What a write checks was not changed by someone else since the read (see FileSystem.write). */
export type FileVersion = unknown;

export interface FileSystem {
  /**
   * A file's bytes and its version. Throws UnreadableInputError (with the message the
   * user reads) when it is missing, not a regular file or too large.
   */
  read(path: string): { bytes: Uint8Array; version: FileVersion };
  /**
   * Replaces a file's content. With `expected`, refuses (FileChangedError) when the file is
   * no longer the version read. Write errors are system errors with a `code` (see errors.ts).
   */
  write(path: string, data: string | Uint8Array, expected?: FileVersion): void;
  /** Writes a set of files together: none replaced unless all could be written. */
  writeAll(files: readonly (readonly [path: string, data: string | Uint8Array])[]): void;
  /** What is at a path; undefined when nothing is. */
  stat(path: string): FileStat | undefined;
  exists(path: string): boolean;
}

/** The disk, with the safeguards of the CLI: regular files only, atomic writes through links. */
export const nodeFileSystem: FileSystem = {
  read(path) {
    const { bytes, opened } = readDefinitionBytes(path);
    return { bytes, version: { dev: opened.dev, ino: opened.ino, size: opened.size, mtimeMs: opened.mtimeMs } };
  },
  write(path, data, expected) {
    writeFileThrough(path, data, expected as Parameters<typeof writeFileThrough>[2]);
  },
  writeAll(files) {
    writeFilesAtomic(files);
  },
  stat(path) {
    try {
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) return undefined;
      return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return undefined; // a loop of links, no permission: nothing that can be used
    }
  },
  exists: (path) => existsSync(path),
};

/**
 * Files held in memory, by path as given (no normalisation): folders exist where a file
 * lies below them. Each write makes a new version, as an editor's buffer.
 */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { bytes: Uint8Array; version: number; mtimeMs: number }>();
  private clock = 0;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, data] of Object.entries(files)) this.set(path, data);
  }

  /** Puts a file in place (or replaces it), as a save in an editor would. */
  set(path: string, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.clock++;
    this.files.set(path, { bytes, version: this.clock, mtimeMs: this.clock });
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  /** A file's text, as UTF-8; undefined when there is none. */
  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f && new TextDecoder().decode(f.bytes);
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  read(path: string) {
    const f = this.files.get(path);
    if (!f) throw this.isFolder(path) ? new UnreadableInputError(path, 'is a folder, not a file', 'name a .yaml file') : new UnreadableInputError(path, 'file not found', 'check the path');
    return { bytes: f.bytes, version: f.version as FileVersion };
  }

  write(path: string, data: string | Uint8Array, expected?: FileVersion): void {
    if (expected !== undefined && this.files.get(path)?.version !== expected) throw new FileChangedError(`${path} changed since it was read`);
    this.set(path, data);
  }

  writeAll(files: readonly (readonly [path: string, data: string | Uint8Array])[]): void {
    for (const [path, data] of files) this.set(path, data);
  }

  stat(path: string): FileStat | undefined {
    const f = this.files.get(path);
    if (f) return { kind: 'file', size: f.bytes.length, mtimeMs: f.mtimeMs };
    return this.isFolder(path) ? { kind: 'directory', size: 0, mtimeMs: 0 } : undefined;
  }

  exists(path: string): boolean {
    return this.stat(path) !== undefined;
  }

  private isFolder(path: string): boolean {
    for (const f of this.files.keys()) for (let d = dirname(f); ; d = dirname(d)) {
      if (d === path) return true;
      if (dirname(d) === d) break;
    }
    return false;
  }
}
