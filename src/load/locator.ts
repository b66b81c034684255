import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import type { Position } from '../diagnostics/types.js';
import type { Path } from '../model.js';

/** A YAML document and the line starts of its source. */
export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** A path into the definition: declared with the model, which rules read; loading speaks it too. */
export type { Path };

/**
 * Finds where things are in the YAML source: a value by its path, a key, or a
 * character inside a string value. Everything after loading speaks in paths and
 * offsets; only this class knows about YAML nodes.
 */
/** How many non-space source characters a character of a value may be preceded by (escapes, quotes). */
const PROBE_WINDOW = 12;

export class SourceLocator {
  private parsed: ParsedYaml | undefined;

  /**
   * `parse` gives the YAML document with its nodes' places: called once, when a place is
   * first asked for.
   */
  constructor(
    readonly file: string,
    private readonly source: string,
    private readonly parse: () => ParsedYaml,
  ) {}

  /** The YAML document, parsed now if it was not yet. */
  get document(): Document.Parsed {
    return this.yaml().doc;
  }

  private yaml(): ParsedYaml {
    return (this.parsed ??= this.parse());
  }

  position(offset: number): Position {
    const { line, col } = this.yaml().lines.linePos(Math.max(0, Math.min(offset, this.source.length)));
    return { line, column: col };
  }

  /** The node at the path, or the nearest ancestor that exists. */
  private node(path: Path): { node: YamlNode | null; exact: boolean } {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.document.contents : (this.document.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined);
      if (node && (node as { range?: unknown }).range) return { node, exact: n === path.length };
    }
    return { node: null, exact: false };
  }

  /** Where the value at the path starts. */
  valueStart(path: Path): Position {
    const { node } = this.node(path);
    return this.position(node?.range?.[0] ?? 0);
  }

  /** Where the key of the last path segment stands (for unknown or misplaced fields). */
  keyStart(path: Path): Position {
    if (path.length === 0) return this.valueStart(path);
    const parent = this.document.getIn(path.slice(0, -1) as unknown[], true);
    const key = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      const keyNode = pair?.key as YamlNode | undefined;
      if (keyNode?.range) return this.position(keyNode.range[0]);
    }
    return this.valueStart(path);
  }

  /**
   * The position of character `offset` of the string value at `path`. YAML may have
   * folded lines, stripped indentation or resolved escapes, so the value is aligned
   * with its source text character by character (linear in the string's length).
   */
  textPosition(path: Path, offset: number): Position {
    const { node, exact } = this.node(path);
    if (!node || !exact || !isScalar(node) || typeof node.value !== 'string' || !node.range) return this.valueStart(path);
    const value = node.value;
    let src = node.range[0];
    const end = node.range[1];
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      src = this.source.indexOf('\n', src) + 1; // skip the "|" or ">" header
    } else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
      src += 1;
    }
    for (let i = 0; i < value.length && src < end; i++) {
      const ch = value[i]!;
      if (/\s/.test(ch)) {
        // Whitespace may be folded or re-indented: step over the source's whitespace instead.
        if (i === offset) return this.position(src);
        while (src < end && /\s/.test(this.source[src]!)) src++;
        while (i + 1 < value.length && /\s/.test(value[i + 1]!)) i++;
        continue;
      }
      // Skip source characters that produced no value character (escapes, quotes, indentation).
      // An escape is at most 10 characters ("\U0010FFFF"): a character written as an escape is
      // not found within the window and costs a bounded probe, so the walk stays linear.
      let probe = src;
      let skipped = 0;
      while (probe < end && this.source[probe] !== ch && skipped <= PROBE_WINDOW) {
        if (!/\s/.test(this.source[probe]!)) skipped++;
        probe++;
      }
      if (probe < end && this.source[probe] === ch) src = probe;
      if (i >= offset) return this.position(src);
      src++;
    }
    return this.position(Math.min(src, end));
  }

  /**
   * The path of the innermost node whose text holds `offset` (a cursor before the
   * character at that offset): a value, or a key with its value (`["items", 2, "title"]`
   * for the key `title` too). An offset in the space between two entries of a mapping or
   * sequence belongs to that collection; one outside every node, to the document ([]).
   * For the language server: what the cursor stands on.
   */
  pathAt(offset: number): Path {
    const path: (string | number)[] = [];
    const inside = (range: readonly number[] | null | undefined) => Boolean(range) && range![0]! <= offset && offset < range![1]!;
    let node: unknown = this.document.contents;
    if (!inside((node as YamlNode | null)?.range)) return path;
    for (;;) {
      if (isMap(node)) {
        const pair = node.items.find((p) => {
          const start = (p.key as YamlNode | null)?.range?.[0] ?? (p.value as YamlNode | null)?.range?.[0];
          const end = (p.value as YamlNode | null)?.range?.[1] ?? (p.key as YamlNode | null)?.range?.[1];
          return start !== undefined && end !== undefined && start <= offset && offset < end;
        });
        if (!pair) return path;
        path.push(isScalar(pair.key) ? (pair.key.value as string | number) : String(pair.key));
        if (!inside((pair.value as YamlNode | null)?.range)) return path;
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => inside((item as YamlNode | null)?.range));
        if (index < 0) return path;
        path.push(index);
        node = node.items[index];
      } else {
        return path;
      }
    }
  }

  /** A length-one path for things only located by collection index, e.g. ["items", 2]. */
  itemCount(path: Path): number {
    const node = this.document.getIn(path as unknown[], true);
    return isSeq(node) ? node.items.length : 0;
  }
}
