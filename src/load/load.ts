import { isMap, isPair, isSeq, LineCounter, parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.js';
import { MAX_INPUT_BYTES } from './source.js';
import { SourceLocator, type ParsedYaml, type Path } from './locator.js';
import { readPlainYaml } from './plain-yaml.js';

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

/**
 * How definitions are parsed. The core schema whatever the file's %YAML directive says:
 * YAML 1.1 would read 2025-01-10 as a timestamp and yes as true. logLevel 'error': the
 * parser's warnings come back as diagnostics, never printed by Node (process.emitWarning).
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = { prettyErrors: false, uniqueKeys: true, strict: true, schema: 'core', customTags: [], resolveKnownTags: false, keepSourceTokens: false, logLevel: 'error' };

/** The YAML document with its nodes' places. */
function parseWithPlaces(source: string): ParsedYaml {
  const lines = new LineCounter();
  return { doc: parseDocument(source, { ...YAML_OPTIONS, lineCounter: lines }), lines };
}

/** Parses YAML text, keeping every node's place in the file. Never throws on bad input. */
export function loadDefinition(file: string, source: string): LoadedDefinition {
  return loadWithPlaces(file, source);
}

/**
 * A file that is not YAML by its name and does not read as a YAML mapping (`agenda check
 * README.md`): said once, instead of a YAML error for every line of Markdown. A definition
 * saved under another name still reads as one.
 */
function notADefinition(file: string, source: string, doc: Document.Parsed): Diagnostic | undefined {
  if (/\.(?:ya?ml|json)$/i.test(file) || !source.trim() || (doc.errors.length === 0 && isMap(doc.contents))) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'not-a-definition',
    message: 'this file is not a meeting definition: it is not a YAML mapping of the fields of one (document, body, meeting, items)',
    hint: 'check the file name: a meeting definition is a YAML file such as examples/minimal.yaml',
  };
}

/**
 * The loader: every node's place, every problem reported. YAML in the subset plain-yaml.ts
 * reads (what definitions are written in) is read by it, and parsed by `yaml` only if a
 * place is asked for; anything else, errors included, is parsed by `yaml` at once.
 */
export function loadWithPlaces(file: string, source: string): LoadedDefinition {
  const plain = readPlainYaml(source);
  // Without aliases the data holds no more text than the source: no expansion to measure.
  if (plain) return finish(file, source, plain.data, new SourceLocator(file, source, () => parseWithPlaces(source)), [], false);
  const parsed = parseWithPlaces(source);
  const { doc } = parsed;
  const locator = new SourceLocator(file, source, () => parsed);
  const foreign = notADefinition(file, source, doc);
  if (foreign) return { file, source, data: undefined, locator, diagnostics: [foreign] };
  const diagnostics: Diagnostic[] = [];
  const report = (e: YAMLError, severity: 'error' | 'warning') => {
    const at = locator.position(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    if (e.code === 'TAG_RESOLVE_FAILED') {
      diagnostics.push({ file, ...at, severity: 'error', code: 'yaml-tag', message: `YAML tags are not allowed (${e.message.split('\n')[0]!.replace(/^.*?tag:\s*/i, '').replace(/^tag:yaml\.org,2002:/, '!!').replace(/ at line \d+.*$/, '')})`, hint: TAG_HINT });
      return;
    }
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
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const deep = tooDeep(doc);
    if (deep !== undefined) {
      diagnostics.push({ file, ...locator.position(deep), severity: 'error', code: 'too-deep', message: `the YAML is nested more than ${MAX_DEPTH} levels deep, which no meeting definition needs`, hint: 'check for runaway brackets or indentation' });
    } else {
      // One by one: a file may hold more tags than a spread can pass as arguments.
      for (const d of [explicitTags(file, source, doc, locator), collectionKeys(file, doc, locator)].flat()) diagnostics.push(d);
    }
  }
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
  return finish(file, source, data, locator, diagnostics);
}

/** What both paths do with the data: limits, forbidden characters, Unicode NFC. */
function finish(file: string, source: string, loaded: unknown, locator: SourceLocator, diagnostics: Diagnostic[], mayExpand = true): LoadedDefinition {
  let data = loaded;
  if (mayExpand && expandedSize(data) > MAX_EXPANDED_CHARS) {
    let at = { line: 1, column: 1 };
    visit(locator.document, { Alias: (_k, node) => { at = locator.position(node.range?.[0] ?? 0); return visit.BREAK; } });
    diagnostics.push({
      file,
      ...at,
      severity: 'error',
      code: 'yaml-aliases',
      message: `YAML aliases expand the definition to more than ${MAX_EXPANDED_CHARS.toLocaleString('en')} characters of text`,
      hint: 'write the repeated text out instead of using anchors (&) and aliases (*)',
    });
    return { file, source, data: undefined, locator, diagnostics };
  }
  const bad = forbiddenCharacters(file, data, locator);
  if (bad.length) return { file, source, data: undefined, locator, diagnostics: [...diagnostics, ...bad] };
  data = normalizeStrings(data);
  if (data === null || data === undefined) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', code: 'empty-file', message: 'the file is empty', hint: 'start from examples/minimal.yaml' });
    data = undefined;
  }
  return { file, source, data, locator, diagnostics };
}

/**
 * Aliases repeat text without costing input bytes: 900 aliases of a 1 MB string would make
 * every later stage handle 900 MB. The expanded text may be at most twice the input limit.
 */
const MAX_EXPANDED_CHARS = 2 * MAX_INPUT_BYTES;

/** Characters of text (keys and values) in the loaded data, counted without recursion; stops past the limit. */
function expandedSize(data: unknown): number {
  let total = 0;
  const stack: unknown[] = [data];
  while (stack.length && total <= MAX_EXPANDED_CHARS) {
    const value = stack.pop();
    total += 1;
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const v of value) stack.push(v);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        total += k.length;
        stack.push(v);
      }
    }
  }
  return total;
}

/** A meeting definition is about ten levels deep; the later stages recurse, so the depth is bounded here. */
const MAX_DEPTH = 64;

/** Where the first node deeper than MAX_DEPTH starts, found without recursion; undefined if none. */
function tooDeep(doc: Document.Parsed): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DEPTH) return node.range?.[0] ?? 0;
    for (const entry of node.items as unknown[]) {
      if (isPair(entry)) {
        stack.push({ node: entry.key, depth: depth + 1 }, { node: entry.value, depth: depth + 1 });
      } else stack.push({ node: entry, depth: depth + 1 });
    }
  }
  return undefined;
}

const TAG_HINT = 'remove the tag: a definition is plain data (text, numbers, lists and mappings)';

/** The tags of plain data; `!!str 2025` may force a text. Any other tag would construct something else. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Explicit tags the parser knows how to construct (`!!binary`, `!!set`, `!!timestamp`,
 * `!!omap`...) are refused like unknown ones: loading a definition constructs plain data only.
 */
function explicitTags(file: string, source: string, doc: Document.Parsed, locator: SourceLocator): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, (_key, node) => {
    const tag = (node as { tag?: string } | null)?.tag;
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!tag || PLAIN_TAGS.has(tag) || !range) return;
    // The tag token stands before the value: step back over spaces, then over the token.
    let start = range[0];
    let i = start - 1;
    while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--;
    let j = i;
    while (j >= 0 && !/\s/.test(source[j]!)) j--;
    if (source[j + 1] === '!') start = j + 1;
    const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
    found.push({ file, ...locator.position(start), severity: 'error', code: 'yaml-tag', message: `YAML tags are not allowed (${shown})`, hint: TAG_HINT });
  });
  return found;
}

/** Keys written as lists or mappings (`{ x }: 1`, `? [a, b]`): data would turn them into text like "[object Object]". */
function collectionKeys(file: string, doc: Document.Parsed, locator: SourceLocator): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Pair: (_key, pair) => {
      if (!isMap(pair.key) && !isSeq(pair.key)) return;
      found.push({ file, ...locator.position(pair.key.range?.[0] ?? 0), severity: 'error', code: 'yaml-key', message: 'this key is a list or a mapping, but keys must be plain text', hint: 'write the key as a word (quote it if it has brackets or braces)' });
    },
  });
  return found;
}

/**
 * Characters that have no place in a meeting definition: control characters (tab, line
 * breaks, vertical tab and form feed, which Word uses for line and page breaks, are
 * whitespace), unpaired surrogates (from "\\ud800" escapes) and noncharacters. They would
 * print as nothing, as boxes, or as U+FFFD, so they are refused where they stand.
 */
const SUSPECT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** Index of the first forbidden character of a string, or -1. Linear. */
export function forbiddenCharacter(s: string): number {
  if (!SUSPECT.test(s)) return -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return i;
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      if ((cp & 0xfffe) === 0xfffe) return i;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || (c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}

/** The bidirectional formatting characters that can reorder what a reader sees. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** SUSPECT and BIDI in one test: most texts have neither, and are passed by one scan. */
const ANY_SUSPECT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]/;
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};
const bidiName = (c: number) => `U+${c.toString(16).toUpperCase()} ${BIDI_NAMES[c]}`;

/**
 * The first bidirectional control that could make a text read differently from what it
 * says ("trojan source": `gnp.exe` shown as `exe.png` in a browser but not in the PDF), or
 * undefined. Embeddings and overrides (U+202A–U+202E) are refused always. Isolates
 * (U+2066–U+2068), which right-to-left text may need, are allowed when each is closed by a
 * U+2069 in the same text, so that their effect ends there; a U+2069 that closes nothing is
 * refused too. The marks U+200E and U+200F reorder nothing and are allowed. Linear.
 */
export function bidiControl(s: string): { index: number; message: string; hint: string } | undefined {
  if (!BIDI.test(s)) return undefined;
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x202a && c <= 0x202e) {
      return {
        index: i,
        message: `the text contains ${bidiName(c)}, which can make the text read differently from what it says`,
        hint: 'delete it: embeddings and overrides are not allowed (right-to-left text needs none; to set a passage apart, enclose it in U+2067 ... U+2069)',
      };
    }
    if (c >= 0x2066 && c <= 0x2068) open.push(i);
    else if (c === 0x2069 && open.pop() === undefined) {
      return { index: i, message: `the text contains ${bidiName(c)}, which closes no isolate`, hint: 'delete it, or open the isolate before it with U+2066, U+2067 or U+2068' };
    }
  }
  const first = open[0];
  if (first === undefined) return undefined;
  return {
    index: first,
    message: `the text contains ${bidiName(s.charCodeAt(first))}, which is not closed in this text and can make what follows read differently from what it says`,
    hint: 'close it with U+2069 POP DIRECTIONAL ISOLATE in the same text, or delete it',
  };
}

const describeChar = (s: string, i: number): string => {
  const cp = s.codePointAt(i)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
};

function forbiddenCharacters(file: string, data: unknown, locator: SourceLocator): Diagnostic[] {
  const found: Diagnostic[] = [];
  const message = (s: string, i: number) => `the text contains the control or invalid character ${describeChar(s, i)}, which cannot be printed`;
  const hint = 'delete it (it often comes with text copied from another program); write line breaks as blank lines';
  // One path, grown and shrunk as the walk goes, copied only for a report.
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (found.length >= 20) return;
    if (typeof value === 'string') {
      if (!ANY_SUSPECT.test(value)) return;
      const i = forbiddenCharacter(value);
      if (i >= 0) found.push({ file, ...locator.textPosition([...path], i), severity: 'error', code: 'control-character', message: message(value, i), hint });
      const bidi = bidiControl(value);
      if (bidi) found.push({ file, ...locator.textPosition([...path], bidi.index), severity: 'error', code: 'bidi-control', message: bidi.message, hint: bidi.hint });
    } else if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) {
        path.push(k);
        walk(value[k]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const k of Object.keys(value)) {
        path.push(k);
        if (ANY_SUSPECT.test(k)) {
          const i = forbiddenCharacter(k);
          if (i >= 0) found.push({ file, ...locator.keyStart([...path]), severity: 'error', code: 'control-character', message: `a key ${message(k, i).slice(4)}`, hint });
          const bidi = bidiControl(k);
          if (bidi) found.push({ file, ...locator.keyStart([...path]), severity: 'error', code: 'bidi-control', message: bidi.message.replace(/^the text contains/, 'a key contains'), hint: bidi.hint });
        }
        walk((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(data);
  return found;
}

function yamlMessage(e: YAMLError): string {
  if (e.code === 'MULTIPLE_DOCS') return 'YAML syntax: the file holds more than one YAML document (a second "---" line)';
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
    case 'MULTIPLE_DOCS':
      return 'keep one meeting per file, and remove the "---" line that starts the second';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'TAG_RESOLVE_FAILED':
      return 'remove the !tag: definitions are plain data';
    default:
      return undefined;
  }
}

/**
 * Unicode NFC for every string value and key, so that the same words give the same bytes
 * whatever the editor composed ("é" as one code point or as "e" + accent). The data is the
 * loader's own, fresh from the parser: changed in place, and only where a text changes. Text
 * below U+0300, where the first combining marks are, is in NFC already: it is not normalized.
 */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return MAY_DECOMPOSE.test(value) ? value.normalize('NFC') : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const n = normalizeStrings(v);
      if (n !== v) value[i] = n;
    }
    return value;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.some((k) => MAY_DECOMPOSE.test(k) && k.normalize('NFC') !== k)) {
      // A key changes: the object is made anew, in its order. defineProperty, not assignment: a
      // key named "__proto__" must stay a plain key.
      const out: Record<string, unknown> = {};
      for (const k of keys) Object.defineProperty(out, k.normalize('NFC'), { value: normalizeStrings((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    for (const k of keys) {
      const v = (value as Record<string, unknown>)[k];
      const n = normalizeStrings(v);
      if (n !== v) Object.defineProperty(value, k, { value: n, enumerable: true, writable: true, configurable: true });
    }
    return value;
  }
  return value;
}
const MAY_DECOMPOSE = /[^\u0000-\u02ff]/;
