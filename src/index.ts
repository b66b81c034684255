/**
 * The library entry (`import { check, build } from 'un-agenda'`): the core that the command
 * line is a layer over. Compile, check, fix and build a meeting definition in-process,
 * over the disk or over files held in memory (MemoryFileSystem), without the CLI.
 */
export * from './core/index.js';
export { compileSource, type CompileResult } from './pipeline.js';
export { FORMAT_NAMES } from './core/formats.js';
export { hasErrors, sortDiagnostics, type Diagnostic, type Position, type Severity, type SourceFix } from './diagnostics/types.js';
export type { Path, SourceLocator } from './load/locator.js';
export { UnreadableInputError } from './load/source.js';
export type { LoadedConfig, ProjectConfig } from './config/config.js';
export type { MeetingDefinition } from './definition.js';
export type * from './model.js';
