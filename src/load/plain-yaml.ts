/**
 * The fast way in for the common case. A meeting definition is nearly always plain YAML:
 * block (or flow) mappings and sequences of plain, quoted and block scalars. js-yaml's
 * event parser reads that about three times faster than `yaml` builds its document of
 * nodes, and allocates far less, which matters when a batch loads thousands of definitions.
 *
 * The data must be exactly what the full loader (load.ts) would give, so this reader
 * declines (returns undefined) whatever the full loader treats with care or reports: a
 * syntax error, tags, anchors and aliases, directives, several documents, nesting deeper
 * than the limit, a key that is not text or appears twice, an empty file. Plain scalars
 * are resolved by the `yaml` core schema's own tags, as the full loader resolves them.
 * Positions are not needed unless something is reported: load.ts then parses with `yaml`.
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { isScalar, Schema, type ParseOptions, type DocumentOptions, type SchemaOptions, type ToJSOptions } from 'yaml';

type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions;

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: YamlOptions): unknown;
}

/** The tags a plain scalar is resolved by, in the full loader's order (compose-scalar.js in `yaml`). */
function implicitTags(options: YamlOptions): ScalarTag[] {
  const schema = new Schema(options);
  return (schema.tags as unknown as (ScalarTag & { collection?: string })[]).filter((t) => !t.collection && t.default === true && t.test);
}

/**
 * Characters the two parsers read differently, found by the differential tests
 * (test/core/plain-yaml.test.ts): a carriage return alone ends a line for js-yaml (as YAML
 * 1.2 says) but not for `yaml`; a byte order mark inside the text is dropped by `yaml` only;
 * a line holding only a tab under a block scalar is an error for `yaml` only. Tabs are rare
 * in definitions, and the full loader is the one to judge them.
 */
const READ_DIFFERENTLY = /\r(?!\n)|\uFEFF|\t/;

/** The first characters of the core schema's null, boolean and number forms (the empty text is null). */
const MAYBE_NOT_TEXT = /^[-+.~0-9nNtTfF]/;

/** A value under construction: a mapping waiting for its next key, or a sequence. */
type Open = { kind: 'mapping'; value: Record<string, unknown>; key: string | undefined } | { kind: 'sequence'; value: unknown[] };

/**
 * A reader of plain YAML for the given `yaml` options (those of the full loader): the data,
 * or undefined when the full loader must read the text. Collections nested deeper than
 * `maxDepth` are declined.
 */
export function plainYamlReader(options: YamlOptions, maxDepth: number): (source: string) => { data: unknown } | undefined {
  const tags = implicitTags(options);
  let failed = false;
  const onError = () => {
    failed = true;
  };
  const resolvePlain = (text: string): unknown => {
    // Text, which most plain scalars are, skips the tests (YAML 1.2 core: null, bool, int, float).
    if (text !== '' && !MAYBE_NOT_TEXT.test(text)) return text;
    const tag = tags.find((t) => t.test!.test(text));
    if (!tag) return text;
    const value = tag.resolve(text, onError, options);
    return isScalar(value) ? value.value : value; // booleans come back as nodes
  };

  return (source) => {
    if (READ_DIFFERENTLY.test(source)) return undefined;
    let events: Event[];
    try {
      events = parseEvents(source, { maxDepth });
    } catch {
      return undefined; // the full loader says what is wrong, and where
    }
    failed = false;
    const open: Open[] = [];
    let root: unknown;
    let documents = 0;
    // Puts a finished value in its place; false when the full loader must decide.
    const place = (value: unknown): boolean => {
      const top = open[open.length - 1];
      if (!top) {
        root = value;
        return true;
      }
      if (top.kind === 'sequence') {
        top.value.push(value);
        return true;
      }
      if (top.key === undefined) {
        if (typeof value !== 'string' || Object.prototype.hasOwnProperty.call(top.value, value)) return false;
        top.key = value;
        return true;
      }
      // defineProperty, not assignment: a key named "__proto__" stays a plain key, as in the full loader.
      Object.defineProperty(top.value, top.key, { value, enumerable: true, writable: true, configurable: true });
      top.key = undefined;
      return true;
    };
    for (const e of events) {
      switch (e.type) {
        case EVENT_ID.DOCUMENT:
          if (++documents > 1 || e.directives.length) return undefined;
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE: {
          if (e.tagStart >= 0 || e.anchorStart >= 0) return undefined;
          const entry: Open = e.type === EVENT_ID.MAPPING ? { kind: 'mapping', value: {}, key: undefined } : { kind: 'sequence', value: [] };
          if (!place(entry.value)) return undefined; // a list or mapping as a key, among others
          open.push(entry);
          break;
        }
        case EVENT_ID.SCALAR: {
          if (e.tagStart >= 0 || e.anchorStart >= 0) return undefined;
          const text = getScalarValue(source, e);
          const value = e.style === SCALAR_STYLE.PLAIN ? resolvePlain(text) : text;
          if (failed || !place(value)) return undefined;
          break;
        }
        case EVENT_ID.POP:
          open.pop();
          break;
        default:
          return undefined; // an alias
      }
    }
    return root === undefined || root === null ? undefined : { data: root };
  };
}
