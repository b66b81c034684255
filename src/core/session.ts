/**
 * What the core remembers between checks and builds, owned by one session: one per CLI
 * run, per batch worker, per watch loop or per language-server workspace. The configuration
 * files found for each folder, their text and its parse, and the rules resolved for a
 * profile under a configuration. A configuration file that changes is read again (its size
 * and time are compared at each use), and `invalidate` forgets what a watcher reports saved
 * (a configuration file created where none was found before).
 */
import { dirname } from 'node:path';
import { findConfigFile, parseConfig, readConfigFile, type LoadedConfig, type ProjectConfig } from '../config/config.js';
import { decodeSource } from '../load/source.js';
import { activeRules, type ActiveRule } from '../rules/engine.js';
import { nodeFileSystem, type FileSystem } from './fs.js';

/** A configuration, with the file it was read from (none: no file applies). */
export interface ConfigInUse extends LoadedConfig {
  path?: string;
}

/** Which configuration applies: a file to use instead of looking for one; false for none. */
export type ConfigChoice = string | false | undefined;

export interface SessionOptions {
  /** Where files are read and written: the disk unless told otherwise. */
  fs?: FileSystem;
}

export class Session {
  readonly fs: FileSystem;
  /** Folder → the configuration file that applies to definitions in it (false: none). */
  private readonly nearest = new Map<string, string | false>();
  /** Configuration file → its text (or why it cannot be read), with the size and time it had. */
  private readonly configTexts = new Map<string, { stamp: string; read: { source: string } | LoadedConfig }>();
  /** Configuration file → its last text and what it says. */
  private readonly parsed = new Map<string, { text: string; loaded: LoadedConfig }>();
  /** The rules as a profile sets them under a configuration (none: the key `undefined`). */
  private readonly rules = new Map<ProjectConfig | undefined, Map<string, ActiveRule[]>>();

  constructor(options: SessionOptions = {}) {
    this.fs = options.fs ?? nodeFileSystem;
  }

  /** A definition's text as the compiler reads it (UTF-8 without its byte-order mark, line feeds). */
  readText(file: string): string {
    return decodeSource(file, this.fs.read(file).bytes);
  }

  /** The configuration file nearest to `folder` (see findConfigFile), remembered per folder. */
  findConfig(folder: string): string | undefined {
    let found = this.nearest.get(folder);
    if (found === undefined) {
      found = findConfigFile(folder, (p) => this.fs.exists(p)) ?? false;
      this.nearest.set(folder, found);
    }
    return found || undefined;
  }

  /** A configuration file's text, or the diagnostic that says why it cannot be read; read again when it changed. */
  readConfig(path: string, given = false): { source: string } | LoadedConfig {
    const st = this.fs.stat(path);
    const stamp = st ? `${st.kind}:${st.size}:${st.mtimeMs}` : '';
    const known = this.configTexts.get(path);
    if (known && stamp && known.stamp === stamp) return known.read;
    const read = readConfigFile(path, (f) => this.readText(f), given);
    if (stamp) this.configTexts.set(path, { stamp, read });
    return read;
  }

  /** What a configuration text says, parsed once per text (a batch worker is sent the text with each job). */
  parseConfig(path: string, text: string): LoadedConfig {
    const known = this.parsed.get(path);
    if (known && known.text === text) return known.loaded;
    const loaded = parseConfig(path, text);
    // The rules resolved under the text it replaces are not asked for again.
    if (known) this.rules.delete(known.loaded.config);
    this.parsed.set(path, { text, loaded });
    return loaded;
  }

  /** The configuration that applies to a definition, with the path of its file. */
  configFor(file: string, choice: ConfigChoice): ConfigInUse {
    if (choice === false) return { diagnostics: [] };
    const path = choice ?? this.findConfig(dirname(file));
    if (!path) return { diagnostics: [] };
    const read = this.readConfig(path, choice !== undefined);
    return { ...('source' in read ? this.parseConfig(path, read.source) : read), path };
  }

  /** Every rule with its severity and parameters under a profile and configuration (see activeRules). */
  rulesFor(profile: string, config?: ProjectConfig): ActiveRule[] {
    let byProfile = this.rules.get(config);
    if (!byProfile) {
      byProfile = new Map();
      this.rules.set(config, byProfile);
    }
    let active = byProfile.get(profile);
    if (!active) {
      active = activeRules(profile, config?.rules);
      byProfile.set(profile, active);
    }
    return active;
  }

  /**
   * Forgets what was read of `paths` (all when none are named): a configuration file saved,
   * created or removed is looked for and read again.
   */
  invalidate(paths?: Iterable<string>): void {
    const list = paths ? [...paths] : undefined;
    // Which folder a new configuration file applies to depends on the folders below it: forget them all.
    this.nearest.clear();
    if (!list) {
      this.configTexts.clear();
      this.parsed.clear();
      this.rules.clear();
      return;
    }
    for (const path of list) {
      this.configTexts.delete(path);
      const parsed = this.parsed.get(path);
      if (parsed) this.rules.delete(parsed.loaded.config);
      this.parsed.delete(path);
    }
  }
}
