import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.js';
import { SourceLocator } from './locator.js';

export interface LoadedDefinition {
  file: string;
  source: string;
  /** The definition as plain data; undefined when the YAML could not be read. */
  data: unknown;
  locator: SourceLocator;
  diagnostics: Diagnostic[];
}

/** YAML aliases may not expand into more than this many nodes ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

/** Parses YAML text, keeping every node's place in the file. Never throws on bad input. */
export function loadDefinition(file: string, source: string): LoadedDefinition {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, customTags: [], keepSourceTokens: false });
  const locator = new SourceLocator(file, source, doc, lineCounter);
  const diagnostics: Diagnostic[] = [];
  const report = (e: YAMLError, severity: 'error' | 'warning') => {
    const at = locator.position(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    // The parser is recursive: absurdly deep nesting ends in a stack overflow that it reports as an error.
    if (/call stack/i.test(e.message)) {
      diagnostics.push({ file, ...at, severity: 'error', code: 'too-deep', message: 'the YAML is nested too deeply to be a meeting definition', hint: 'check for runaway brackets or indentation' });
      return;
    }
    diagnostics.push({
      file,
      ...at,
      severity,
      code: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate ? 'this key appears twice in the same mapping' : yamlMessage(e),
      hint: duplicate ? 'keep one of the two entries' : yamlHint(e),
    });
  };
  doc.errors.forEach((e) => report(e, 'error'));
  doc.warnings.forEach((e) => report(e, e.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning'));
  if (diagnostics.some((d) => d.severity === 'error')) return { file, source, data: undefined, locator, diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'yaml-aliases',
      message: `YAML aliases expand too far (${(err as Error).message})`,
      hint: 'write the repeated text out instead of using anchors (&) and aliases (*)',
    });
    return { file, source, data: undefined, locator, diagnostics };
  }
  data = normalizeStrings(data);
  if (data === null || data === undefined) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', code: 'empty-file', message: 'the file is empty', hint: 'start from examples/minimal.yaml' });
    data = undefined;
  }
  return { file, source, data, locator, diagnostics };
}

function yamlMessage(e: YAMLError): string {
  // The parser's message ends with a source excerpt when prettyErrors is on; ours is off, keep the first line.
  const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

function yamlHint(e: YAMLError): string | undefined {
  switch (e.code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: items of one list or mapping start in the same column';
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a value that contains ": " must be quoted or written as a block (title: >-)';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'TAG_RESOLVE_FAILED':
      return 'remove the !tag: definitions are plain data';
    default:
      return undefined;
  }
}

/**
 * Unicode NFC for every string value, so that the same words give the same bytes
 * whatever the editor composed ("é" as one code point or as "e" + accent).
 */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a key named "__proto__" must stay a plain key.
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k.normalize('NFC'), { value: normalizeStrings(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
