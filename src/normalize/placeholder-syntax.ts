/**
 * A micromark extension for placeholders and item references in annotation text:
 * `{session}`, `{opening-date}`, `{agenda-item:report}`. Parsing them in the
 * Markdown parser (not with a regular expression afterwards) gives exact source
 * positions and lets `\{` write a literal brace.
 */
import type { CompileContext, Extension as FromMarkdownExtension, Token as MdastToken } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    placeholder: 'placeholder';
    placeholderMarker: 'placeholderMarker';
    placeholderName: 'placeholderName';
  }
}

declare module 'mdast' {
  interface Placeholder extends Node {
    type: 'placeholder';
    /** What stands between the braces: "session", "agenda-item:report". */
    name: string;
  }
  interface PhrasingContentMap {
    placeholder: Placeholder;
  }
  interface RootContentMap {
    placeholder: Placeholder;
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const MAX_NAME = 80;
const MAX_FORM = 40;

const BAR = 124;

const isLetterCode = (code: Code): boolean => code !== null && ((code >= 97 && code <= 122) || (code >= 65 && code <= 90));

/** Letters, digits, "-", "_", ":" and ".". */
function isNameCode(code: Code): boolean {
  return code !== null && (isLetterCode(code) || (code >= 48 && code <= 57) || code === 45 || code === 95 || code === 58 || code === 46);
}

function tokenizePlaceholder(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const start: State = (code) => {
    effects.enter('placeholder');
    effects.enter('placeholderMarker');
    effects.consume(code);
    effects.exit('placeholderMarker');
    return nameStart;
  };
  const nameStart: State = (code) => {
    if (!isNameCode(code)) return nok(code);
    effects.enter('placeholderName');
    return name(code);
  };
  // A name of 1 to 80 characters, then at most one grammatical form: "|" and 1 to 40 letters
  // ("{session|genitive}"), as parse-inline.ts's INLINE_CONSTRUCT reads it.
  let formSize = -1;
  const name: State = (code) => {
    if (formSize < 0 && isNameCode(code) && size < MAX_NAME) {
      size++;
      effects.consume(code);
      return name;
    }
    if (formSize < 0 && code === BAR) {
      formSize = 0;
      effects.consume(code);
      return name;
    }
    if (formSize >= 0 && isLetterCode(code) && formSize < MAX_FORM) {
      formSize++;
      effects.consume(code);
      return name;
    }
    if (code !== RIGHT_BRACE || formSize === 0) return nok(code);
    effects.exit('placeholderName');
    effects.enter('placeholderMarker');
    effects.consume(code);
    effects.exit('placeholderMarker');
    effects.exit('placeholder');
    return ok;
  };
  return start;
}

export const placeholderSyntax: Extension = {
  text: { [LEFT_BRACE]: { name: 'placeholder', tokenize: tokenizePlaceholder } },
};

export const placeholderFromMarkdown: FromMarkdownExtension = {
  enter: {
    placeholder(this: CompileContext, token: MdastToken) {
      this.enter({ type: 'placeholder', name: '' }, token);
    },
  },
  exit: {
    placeholderName(this: CompileContext, token: MdastToken) {
      const node = this.stack[this.stack.length - 1] as { name: string };
      node.name = this.sliceSerialize(token);
    },
    placeholder(this: CompileContext, token: MdastToken) {
      this.exit(token);
    },
  },
};
