import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

/** The value of a message argument: words already made by the locale, or a number for plural rules. */
export type MessageValue = string | number;

/** A tag of a rich message, `<em>continued</em>`: builds one node from the parts inside it. */
export type TagFunction<T> = (parts: (string | T)[]) => T;

/** A definition's value ("special-session") as an ICU `select` key, which cannot hold "-": "special_session". */
export const selectKey = (value: string): string => value.replaceAll('-', '_');

/** A message with its ICU syntax tree, as scripts/compile-messages.js writes it. */
export interface CompiledMessage {
  source: string;
  ast: MessageFormatElement[];
}

type UntypedFormat = (values?: Record<string, unknown>) => unknown;

/**
 * The tags of our locales are fixed and valid. The library checks each against the
 * runtime's list of locales (Intl.NumberFormat.supportedLocalesOf), whose first call loads
 * that list: some 20 ms at the first message of every process, a tenth of `agenda check`.
 * `resolveLocale` is the library's public hook for this step (intl-messageformat 12.1).
 */
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? locales[0]! : locales);

/**
 * One language's messages in ICU MessageFormat (arguments, `plural`, `select` for gender
 * and case). A message is parsed the first time it is asked for and kept for the life of
 * the process: a batch build formats thousands of documents with the same few dozen
 * compiled messages and never parses one per call.
 */
export class Catalogue<Id extends string> {
  private readonly compiled = new Map<Id, UntypedFormat>();
  private loaded: Readonly<Record<Id, string | CompiledMessage>> | undefined;

  constructor(
    /** The BCP 47 tag whose plural rules the messages follow. */
    readonly tag: string,
    /**
     * Each message as ICU MessageFormat text, or as text and its syntax tree parsed at build
     * time (scripts/compile-messages.js); or a function giving them, called on first use.
     */
    private readonly given: Readonly<Record<Id, string | CompiledMessage>> | (() => Readonly<Record<Id, string | CompiledMessage>>),
  ) {}

  private get sources(): Readonly<Record<Id, string | CompiledMessage>> {
    return (this.loaded ??= typeof this.given === 'function' ? this.given() : this.given);
  }

  /** The message with plain arguments, as text. */
  format(id: Id, args?: Readonly<Record<string, MessageValue>>): string {
    const out = this.compile(id)(args);
    if (typeof out !== 'string') throw new TypeError(`message '${id}' did not give text`);
    return out;
  }

  /**
   * The message with rich arguments (values of type T, such as inline nodes) and tags,
   * as a list of text and T in order; adjacent text is merged.
   */
  parts<T extends object>(id: Id, args: Readonly<Record<string, MessageValue | T | TagFunction<T>>>): (string | T)[] {
    const out = this.compile(id)(args) as string | T | (string | T)[];
    return Array.isArray(out) ? out : [out];
  }

  /** Whether the message has tags (`<em>…</em>`), whose functions its arguments must then give. */
  hasTags(id: Id): boolean {
    return this.source(id)?.includes('<') ?? false;
  }

  /** Every message id, for tests that compile them all. */
  ids(): Id[] {
    return Object.keys(this.sources) as Id[];
  }

  /** The pattern of a message as written, for tests and tools that read the catalogue. */
  source(id: Id): string | undefined {
    if (!Object.hasOwn(this.sources, id)) return undefined;
    const message = this.sources[id];
    return typeof message === 'string' ? message : message.source;
  }

  private compile(id: Id): UntypedFormat {
    let fn = this.compiled.get(id);
    if (!fn) {
      const source = this.source(id);
      if (source === undefined) throw new Error(`no message '${id}' in locale '${this.tag}'`);
      const message = this.sources[id];
      // A tree parsed at build time spares the parser, which the command's bundle leaves out.
      fn = SIMPLE.test(source) ? simpleMessage(source) : (new IntlMessageFormat(typeof message === 'string' ? source : message.ast, this.tag).format as UntypedFormat);
      this.compiled.set(id, fn);
    }
    return fn;
  }
}

/**
 * Messages that only put arguments in place ("agenda item {number}", "{venue}, {dates}") or
 * have none ("Annex"): most of a catalogue. They need no parser, and skipping it takes the
 * parser's cold start (some milliseconds) off every `agenda check`. Anything else (select,
 * plural, tags, quoting with ') goes to intl-messageformat. The result is what
 * intl-messageformat gives: text and string arguments joined, rich values apart.
 */
const SIMPLE = /^(?:[^{}<']|\{\s*\w+\s*\})*$/;

function simpleMessage(source: string): UntypedFormat {
  const pieces = source.split(/\{\s*(\w+)\s*\}/); // literal, name, literal, name ... literal
  if (pieces.length === 1) return () => source;
  return (values) => {
    const out: unknown[] = [];
    pieces.forEach((piece, i) => {
      let part: unknown = piece;
      if (i % 2) {
        if (!values || !Object.hasOwn(values, piece)) throw new Error(`the message '${source}' needs the argument '${piece}'`);
        part = values[piece];
        if (typeof part === 'number') part = String(part);
      }
      if (part === '') return;
      if (typeof part === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += part;
      else out.push(part);
    });
    return out.length === 1 && typeof out[0] === 'string' ? out[0] : out.length === 0 ? '' : out;
  };
}
