import { IntlMessageFormat } from 'intl-messageformat';

/** The value of a message argument: words already made by the locale, or a number for plural rules. */
export type MessageValue = string | number;

/** A tag of a rich message, `<em>continued</em>`: builds one node from the parts inside it. */
export type TagFunction<T> = (parts: (string | T)[]) => T;

/** A definition's value ("special-session") as an ICU `select` key, which cannot hold "-": "special_session". */
export const selectKey = (value: string): string => value.replaceAll('-', '_');

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

  constructor(
    /** The BCP 47 tag whose plural rules the messages follow. */
    readonly tag: string,
    private readonly sources: Readonly<Record<Id, string>>,
  ) {}

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

  /** Every message id, for tests that compile them all. */
  ids(): Id[] {
    return Object.keys(this.sources) as Id[];
  }

  /** The pattern of a message as written, for tests and tools that read the catalogue. */
  source(id: Id): string | undefined {
    return Object.hasOwn(this.sources, id) ? this.sources[id] : undefined;
  }

  private compile(id: Id): UntypedFormat {
    let fn = this.compiled.get(id);
    if (!fn) {
      const source = this.source(id);
      if (source === undefined) throw new Error(`no message '${id}' in locale '${this.tag}'`);
      // A message without arguments, tags or quoting is its own text: most headings and labels.
      fn = /[{}<']/.test(source) ? (new IntlMessageFormat(source, this.tag).format as UntypedFormat) : () => source;
      this.compiled.set(id, fn);
    }
    return fn;
  }
}
