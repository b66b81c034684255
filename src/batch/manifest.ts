import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { hasUnprintable } from '../diagnostics/formatters/visible.js';

/**
 * The incremental-build manifest, kept next to the outputs: for each input, a hash
 * of everything its outputs depend on (its text, the configuration, the tool and its
 * fonts, the formats asked for) and the outputs it produced. Content hashes, never
 * file times: a checkout or a copy does not cause rebuilds, an edit always does.
 * The build's diagnostics are kept too, so that a run that skips a file reports
 * the same warnings as the run that built it: CI sees the same result either way.
 *
 * What is read back is replayed to the terminal and decides the exit code, so every entry
 * is checked when read: the type of each field, and a digest of the entry, which a hand
 * edit (an error turned into a warning) does not keep. An entry that fails costs a rebuild
 * of its file, never a wrong exit code or a message that is not the build's.
 */
export const MANIFEST_NAME = '.agenda-manifest.json';

export interface ManifestEntry {
  key: string;
  /** Relative to the manifest's folder. */
  outputs: string[];
  /** Without their file, the definition's; `in` names a translation beside it (meeting.fr.yaml). */
  diagnostics?: (Omit<Diagnostic, 'file'> & { in?: string })[];
  /**
   * Files the outputs depend on besides the definition and configuration (the emblem), each
   * with the SHA-256 of its content when built: relative to the manifest's folder.
   */
  depends?: Record<string, string>;
}

export interface Manifest {
  version: 3;
  /** Without a prototype: an input may be named like one of Object's properties. */
  entries: Record<string, ManifestEntry>;
}

/** What a run changed in a manifest: new entries, and null for those to drop. */
export type ManifestChanges = Map<string, ManifestEntry | null>;

const emptyManifest = (): Manifest => ({ version: 3, entries: Object.create(null) as Record<string, ManifestEntry> });

export function buildKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0');
  }
  return h.digest('hex');
}

/** The manifest of `outDir`; synchronous, as it is also read under a lock as the process exits. */
export function readManifest(outDir: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), 'utf8'));
  } catch {
    return emptyManifest(); // missing or damaged: build everything, which rewrites it
  }
  const manifest = emptyManifest();
  if (!isObject(data) || data.version !== 3 || !isObject(data.entries)) return manifest; // an older format: rebuilt once
  for (const [name, entry] of Object.entries(data.entries)) {
    const valid = validEntry(entry);
    if (valid) manifest.entries[name] = valid;
  }
  return manifest;
}

/** The entry `name` of a manifest, if it has one of its own. */
export const entryOf = (manifest: Manifest, name: string): ManifestEntry | undefined => (Object.hasOwn(manifest.entries, name) ? manifest.entries[name] : undefined);

/**
 * Writes `changes` into the manifest of `outDir`, read again just before: another build may
 * have recorded its own files since (shards of a CI matrix sharing one output folder, under
 * the manifest's lock: see lock.ts). Synchronous: it also runs as the process exits.
 */
export function mergeManifest(outDir: string, changes: ManifestChanges): void {
  const manifest = readManifest(outDir);
  let changed = false;
  for (const [name, entry] of changes) {
    if (entry) manifest.entries[name] = entry;
    else if (Object.hasOwn(manifest.entries, name)) delete manifest.entries[name];
    else continue;
    changed = true;
  }
  // Only failures of files it never had: no manifest is written where there was none.
  if (changed) writeManifest(outDir, manifest);
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  const names = Object.keys(manifest.entries).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = Object.fromEntries(names.map((name) => [name, sealed(manifest.entries[name]!)]));
  writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify({ version: 3, entries }, null, 1)}\n`);
}

/** The entry with its digest, its fields in a fixed order (exported for tests that forge one). */
export function sealed(entry: ManifestEntry): ManifestEntry & { digest: string } {
  const fields = { key: entry.key, outputs: entry.outputs, ...(entry.diagnostics?.length ? { diagnostics: entry.diagnostics } : {}), ...(entry.depends && Object.keys(entry.depends).length ? { depends: entry.depends } : {}) };
  return { ...fields, digest: digestOf(fields) };
}

const digestOf = (fields: ManifestEntry) => buildKey(['agenda manifest entry', JSON.stringify(fields)]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;
/** Text a build writes: no control character but tab and line feed, no bidi control (visible.ts); never replayed to a terminal otherwise. */
const isText = (v: unknown, max = 100_000): v is string => typeof v === 'string' && v.length <= max && !hasUnprintable(v) && !v.includes('\r');
const isCode = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9][\w.-]{0,99}$/.test(v);
const isPosition = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const SEVERITIES: readonly unknown[] = ['error', 'warning', 'info'];
const DIAGNOSTIC_FIELDS = new Set(['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'rule', 'message', 'hint', 'fix', 'in']);

/** The entry as the build wrote it, or undefined when any field is not what a build writes. */
function validEntry(entry: unknown): ManifestEntry | undefined {
  if (!isObject(entry) || Object.keys(entry).some((k) => !['key', 'outputs', 'diagnostics', 'depends', 'digest'].includes(k))) return undefined;
  const { key, outputs, diagnostics, depends, digest } = entry;
  if (typeof key !== 'string' || !HEX64.test(key) || typeof digest !== 'string' || !HEX64.test(digest)) return undefined;
  if (!Array.isArray(outputs) || !outputs.every(isOutput)) return undefined;
  if (diagnostics !== undefined && (!Array.isArray(diagnostics) || !diagnostics.length || !diagnostics.every(validDiagnostic))) return undefined;
  if (depends !== undefined && (!isObject(depends) || !Object.keys(depends).length || !Object.entries(depends).every(([path, digest]) => isText(path, 4096) && path !== '' && !path.includes('\n') && typeof digest === 'string' && HEX64.test(digest)))) return undefined;
  const fields: ManifestEntry = { key, outputs: outputs as string[], ...(diagnostics ? { diagnostics: diagnostics as ManifestEntry['diagnostics'] } : {}), ...(depends ? { depends: depends as Record<string, string> } : {}) };
  return digestOf(fields) === digest ? fields : undefined;
}

/** A path relative to the manifest's folder, inside it. */
function isOutput(v: unknown): boolean {
  return isText(v, 4096) && v !== '' && !v.includes('\n') && !v.includes('\t') && !isAbsolute(v) && !v.split(/[\\/]/).includes('..');
}

function validDiagnostic(d: unknown): boolean {
  if (!isObject(d) || Object.keys(d).some((k) => !DIAGNOSTIC_FIELDS.has(k))) return false;
  if (!isPosition(d.line) || !isPosition(d.column) || !SEVERITIES.includes(d.severity) || !isCode(d.code) || !isText(d.message) || d.message === '') return false;
  if ((d.endLine !== undefined && !isPosition(d.endLine)) || (d.endColumn !== undefined && !isPosition(d.endColumn))) return false;
  if ((d.rule !== undefined && !isCode(d.rule)) || (d.hint !== undefined && !isText(d.hint))) return false;
  if (d.in !== undefined && (!isText(d.in) || /[\\/]/.test(d.in as string) || d.in === '' || d.in === '.' || d.in === '..')) return false;
  if (d.fix !== undefined) {
    const f = d.fix;
    if (!isObject(f) || Object.keys(f).length !== 3 || !isOffset(f.start) || !isOffset(f.end) || f.end < f.start || typeof f.replacement !== 'string') return false;
  }
  return true;
}

/** The SHA-256 of a file's content, as `depends` records it; undefined when it cannot be read. */
export function fileDigest(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Whether every file an entry depends on still has the content it was built with. */
export function dependenciesUnchanged(entry: ManifestEntry, folder: string): boolean {
  return Object.entries(entry.depends ?? {}).every(([path, digest]) => fileDigest(resolve(folder, path)) === digest);
}
