import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * The incremental-build manifest, kept next to the outputs: for each input, a hash
 * of everything its outputs depend on (its text, the configuration, the tool and its
 * fonts, the formats asked for) and the outputs it produced. Content hashes, never
 * file times: a checkout or a copy does not cause rebuilds, an edit always does.
 * The build's diagnostics are kept too, so that a run that skips a file reports
 * the same warnings as the run that built it: CI sees the same result either way.
 */
export const MANIFEST_NAME = '.agenda-manifest.json';

export interface ManifestEntry {
  key: string;
  /** Relative to the manifest's folder. */
  outputs: string[];
  /** Without their `file`, which is the entry's input. */
  diagnostics?: Omit<Diagnostic, 'file'>[];
}

export interface Manifest {
  version: 2;
  entries: Record<string, ManifestEntry>;
}

export function buildKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0');
  }
  return h.digest('hex');
}

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (data.version === 2 && data.entries && typeof data.entries === 'object') {
      // Keep only well-formed entries: a hand-edited manifest costs rebuilds, never a crash.
      const entries = Object.entries(data.entries).filter(([, e]) => typeof e?.key === 'string' && Array.isArray(e.outputs) && e.outputs.every((o) => typeof o === 'string') && (e.diagnostics === undefined || Array.isArray(e.diagnostics)));
      return { version: 2, entries: Object.fromEntries(entries) };
    }
  } catch {
    // Missing or damaged: build everything, which rewrites it.
  }
  return { version: 2, entries: {} };
}

/** Synchronous: it also runs as the process exits (a second Ctrl+C). */
export function writeManifest(outDir: string, manifest: Manifest): void {
  const sorted: Manifest = { version: 2, entries: Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify(sorted, null, 1)}\n`);
}
