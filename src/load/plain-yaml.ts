/**
 * A reader for the YAML that definitions and translations are written in: block mappings
 * and sequences, plain, quoted and block scalars, one-line lists of plain words. It gives the
 * data the `yaml` package gives under our options (core schema, toJS), or declines (undefined)
 * on anything else: anchors, aliases, tags, flow mappings, multi-line plain or quoted
 * scalars, tabs, carriage returns, directives, duplicate keys, keys that are not text, and
 * every error. The loader then parses with `yaml`, which reports what is wrong at its place.
 *
 * Why: `yaml` builds a concrete syntax tree and a document of nodes for each file, which
 * costs about 2 ms a meeting warm and most of a cold check's parsing of a definition and its
 * translations; the places of nodes are only wanted for diagnostics, and the locator parses
 * with `yaml` then (SourceLocator's lazy `parse`). Kept honest by a differential test against
 * `yaml` over the examples, the templates, generated meetings and random edits of them.
 */

/** Declines: the loader falls back to `yaml`. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/** Nesting the fast reader takes on; deeper input goes to `yaml` and the loader's depth check. */
const MAX_DEPTH = 64;

interface Line {
  /** Leading spaces. */
  indent: number;
  /** The line without its indentation. */
  text: string;
}

/** The data of the YAML text when it is written in the subset this module reads, else undefined. */
export function readPlainYaml(source: string): { data: Record<string, unknown> } | undefined {
  if (source.includes('\r') || source.includes('\t') || source.charCodeAt(0) === 0xfeff) return undefined;
  const lines: Line[] = source.split('\n').map((raw) => {
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    return { indent, text: raw.slice(indent) };
  });
  try {
    const reader = new Reader(lines);
    const first = reader.next();
    if (!first || first.indent !== 0) return undefined;
    const data = reader.mapping(0, 0);
    if (reader.next()) return undefined; // something left that belongs to no node
    return { data };
  } catch (err) {
    if (err instanceof Decline) return undefined;
    throw err;
  }
}

class Reader {
  /** Index of the line being read. */
  private at = 0;

  constructor(private readonly lines: Line[]) {}

  /** The next line holding a node (not blank, not a comment), without taking it; undefined at the end. */
  next(): Line | undefined {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.text === '' || line.text.startsWith('#')) this.at++;
      else {
        if (line.text.startsWith('---') || line.text.startsWith('...') || (line.indent === 0 && line.text.startsWith('%'))) decline();
        return line;
      }
    }
    return undefined;
  }

  /** A block mapping whose keys stand at `indent`; its first key may follow a "- " (`first`). */
  mapping(indent: number, depth: number, first?: string): Record<string, unknown> {
    if (depth > MAX_DEPTH) decline();
    const map: Record<string, unknown> = {};
    let text = first;
    for (;;) {
      if (text === undefined) {
        const line = this.next();
        if (!line || line.indent < indent) return map;
        if (line.indent > indent || isSequenceEntry(line.text)) decline();
        text = line.text;
      }
      this.at++;
      const colon = keyEnd(text);
      const key = text.slice(0, colon);
      if (!isPlainKey(key) || Object.prototype.hasOwnProperty.call(map, key)) decline();
      map[key] = this.value(text.slice(colon + 1), indent, depth, true);
      text = undefined;
    }
  }

  /** A block sequence whose dashes stand at `indent`. */
  sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) decline();
    const list: unknown[] = [];
    for (;;) {
      const line = this.next();
      if (!line || line.indent < indent) return list;
      if (line.indent > indent || !isSequenceEntry(line.text)) {
        // A mapping's next key at the same indentation ends a sequence that is its value.
        if (line.indent === indent && !isSequenceEntry(line.text)) return list;
        decline();
      }
      let rest = line.text.slice(1);
      let spaces = 0;
      while (rest.charCodeAt(spaces) === 0x20) spaces++;
      rest = rest.slice(spaces);
      if (rest !== '' && !rest.startsWith('#') && spaces > 0 && hasKey(rest)) {
        // "- id: x": a mapping whose keys stand where "id" does.
        list.push(this.mapping(indent + 1 + spaces, depth + 1, rest));
      } else {
        this.at++;
        if (isSequenceEntry(rest)) decline(); // "- - x"
        list.push(this.value(spaces > 0 || rest === '' ? ` ${rest}` : decline(), indent, depth, false));
      }
    }
  }

  /**
   * The value after "key:" or "- " (`after`, with its leading space), its node at `indent`
   * (the key's or the dash's): on the same line, a block scalar below, or a collection on the
   * lines below.
   */
  private value(after: string, indent: number, depth: number, ofKey: boolean): unknown {
    if (after !== '' && after.charCodeAt(0) !== 0x20) decline(); // "key:value" is one plain scalar, left to yaml
    const trimmed = after.trimStart();
    // A quoted scalar may hold " #"; one followed by a comment is yaml's.
    const quoted = trimmed[0] === '"' || trimmed[0] === "'";
    const text = quoted ? trimmed : withoutComment(trimmed);
    if (text === '') {
      const line = this.next();
      if (line && line.indent > indent) return isSequenceEntry(line.text) ? this.sequence(line.indent, depth + 1) : this.mapping(line.indent, depth + 1);
      // A sequence may stand at its key's own indentation.
      if (ofKey && line && line.indent === indent && isSequenceEntry(line.text)) return this.sequence(indent, depth + 1);
      return null;
    }
    let value: unknown;
    const c = text[0]!;
    if (c === '|' || c === '>') return this.blockScalar(text, indent);
    if (c === '"') value = doubleQuoted(text);
    else if (c === "'") value = singleQuoted(text);
    else if (c === '[') value = flowSequence(text);
    else value = plainScalar(text);
    // A more indented line after a one-line value would continue it (or be an error): yaml's.
    const line = this.next();
    if (line && line.indent > indent) decline();
    return value;
  }

  /** A literal (|) or folded (>) block scalar, clipped or stripped ("-"); its header is `header`. */
  private blockScalar(header: string, indent: number): string {
    const match = /^([|>])(-?)$/.exec(header);
    if (!match) decline(); // "+" (keep), indentation indicators: left to yaml
    const [, style, chomp] = match!;
    const content: string[] = [];
    let contentIndent = -1;
    let blanks = 0; // blank lines not yet known to be inside the scalar
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.text === '') {
        // Spaces past the content's indentation are text (or, before the first line, an error): yaml's.
        if (contentIndent < 0 ? line.indent > 0 && line.indent >= (this.peekIndent() ?? 0) : line.indent > contentIndent) decline();
        blanks++;
        this.at++;
        continue;
      }
      if (contentIndent < 0) {
        if (line.indent <= indent) break;
        contentIndent = line.indent;
      }
      if (line.indent < contentIndent) break;
      if (line.indent > contentIndent && style === '>') decline(); // more-indented lines keep their breaks
      for (; blanks > 0; blanks--) content.push('');
      content.push(' '.repeat(line.indent - contentIndent) + line.text);
      this.at++;
    }
    // Trailing blank lines belong to the scalar only with "+", which is declined: leave them.
    this.at -= blanks;
    const after = this.next();
    if (after && after.indent > indent) decline();
    if (!content.length) return '';
    const body = style === '|' ? content.join('\n') : fold(content);
    return chomp === '-' ? body : `${body}\n`;
  }

  /** Indentation of the next line that is not blank, from the line being read. */
  private peekIndent(): number | undefined {
    for (let i = this.at; i < this.lines.length; i++) if (this.lines[i]!.text !== '') return this.lines[i]!.indent;
    return undefined;
  }
}

/** Folded lines: joined by a space, a run of n blank lines between two becoming n line breaks. */
function fold(content: string[]): string {
  let out = content[0]!;
  let blanks = 0;
  for (let i = 1; i < content.length; i++) {
    const line = content[i]!;
    if (line === '') {
      blanks++;
      continue;
    }
    out += blanks ? '\n'.repeat(blanks) : ' ';
    out += line;
    blanks = 0;
  }
  return out;
}

const isSequenceEntry = (text: string) => text === '-' || text.startsWith('- ');

/** Where the ":" that ends a key stands (followed by a space or the end of the line); declines without one. */
function keyEnd(text: string): number {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    if (i + 1 === text.length || text.charCodeAt(i + 1) === 0x20) return i;
  }
  return decline();
}

/** Whether a sequence entry's text is "key: …" (a mapping) rather than a scalar. */
function hasKey(text: string): boolean {
  const c = text[0]!;
  if (c === '"' || c === "'" || c === '[' || c === '{' || c === '|' || c === '>') return false;
  const i = text.indexOf(':');
  if (i === -1) return false;
  // A ": " inside a plain scalar's text is an error in block context (yaml's to report).
  for (let j = i; j !== -1; j = text.indexOf(':', j + 1)) if (j + 1 === text.length || text.charCodeAt(j + 1) === 0x20) return true;
  return false;
}

/** Characters that cannot start a plain scalar, or that start another construct. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A key written as a plain scalar that the core schema reads as text, not "__proto__". */
function isPlainKey(key: string): boolean {
  if (key === '' || INDICATOR.test(key) || key.endsWith(' ') || key.includes(' #') || key === '__proto__') return false;
  return typeof resolvePlain(key) === 'string';
}

/** The text before a comment (" #"), without trailing spaces. */
function withoutComment(text: string): string {
  if (text.startsWith('#')) return '';
  const hash = text.indexOf(' #');
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

/** A plain scalar on one line. */
function plainScalar(text: string): unknown {
  if (INDICATOR.test(text) && !/^[-?:][^\s]/.test(text)) decline();
  if (/^[?:]/.test(text) || text.includes(': ') || text.endsWith(':')) decline();
  return resolvePlain(text);
}

/** The core schema's reading of a plain scalar (YAML 1.2, 10.3.2), as `yaml` resolves it. */
function resolvePlain(text: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) decline(); // floats: yaml's own reading (precision, "1." and "-0.0")
  return text;
}

/** A one-line list of plain words, "[a, b]": anything else in brackets is yaml's. */
function flowSequence(text: string): unknown[] {
  const end = text.indexOf(']');
  if (end !== text.length - 1) decline();
  const inner = text.slice(1, end).trim();
  if (inner === '') return [];
  return inner.split(',').map((part) => {
    const item = part.trim();
    if (item === '' || /[[\]{}"'#:]/.test(item) || INDICATOR.test(item)) decline();
    return resolvePlain(item);
  });
}

/** A single-quoted scalar closed on its line ('' is a quote). */
function singleQuoted(text: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q === -1) decline();
    out += text.slice(i, q);
    if (text[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    if (text.slice(q + 1).trim() !== '') decline();
    return out;
  }
}

/** Escapes of a double-quoted scalar (YAML 1.2, 5.7) that stand for one character. */
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar closed on its line. */
function doubleQuoted(text: string): string {
  let out = '';
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      if (text.slice(i + 1).trim() !== '') decline();
      return out;
    }
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) decline();
    if (ESCAPES[e!] !== undefined) {
      out += ESCAPES[e!];
      i += 2;
      continue;
    }
    const digits = HEX_DIGITS[e!];
    if (!digits) decline();
    const hex = text.slice(i + 2, i + 2 + digits!);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) decline();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) decline(); // lone surrogates: yaml's reading, and the loader's refusal
    out += String.fromCodePoint(code);
    i += 2 + digits!;
  }
  return decline();
}
