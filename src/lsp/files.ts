/**
 * The files the language server's checks read: the editor's open documents as typed (saved
 * or not), the disk for everything else. A definition's configuration, its original (for a
 * translation) and its translations are then read as the user sees them.
 */
import { nodeFileSystem, type FileStat, type FileSystem } from '../core/index.js';

export class EditorFileSystem implements FileSystem {
  /** Open documents by file path: their text and a counter that changes with each edit. */
  private readonly open = new Map<string, { text: string; bytes: Uint8Array; edits: number }>();
  private edits = 0;

  /** Sets (or, with undefined, forgets) the text of an open document. */
  set(path: string, text: string | undefined): void {
    if (text === undefined) this.open.delete(path);
    else this.open.set(path, { text, bytes: Buffer.from(text, 'utf8'), edits: ++this.edits });
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  read(path: string): { bytes: Uint8Array; version: unknown } {
    const doc = this.open.get(path);
    return doc ? { bytes: doc.bytes, version: undefined } : nodeFileSystem.read(path);
  }

  /** The server never writes: fixes go back to the editor as edits. */
  write(): void {
    throw new Error('the language server does not write files');
  }

  writeAll(): void {
    throw new Error('the language server does not write files');
  }

  /** An open document's time is its edit counter: the session reads a configuration again when it changes. */
  stat(path: string): FileStat | undefined {
    const doc = this.open.get(path);
    return doc ? { kind: 'file', size: doc.bytes.length, mtimeMs: doc.edits } : nodeFileSystem.stat(path);
  }

  exists(path: string): boolean {
    return this.open.has(path) || nodeFileSystem.exists(path);
  }
}
