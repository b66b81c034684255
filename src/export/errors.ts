import type { Origin } from '../model.js';

/**
 * Thrown by a renderer that cannot render some text of the definition (a character
 * the PDF font cannot draw, say). It carries the text's origin, so that the build
 * reports it as a diagnostic at its line and column instead of an internal error.
 */
export class UnrenderableInputError extends Error {
  constructor(
    message: string,
    readonly origin?: Origin,
    readonly hint?: string,
    readonly code = 'unrenderable',
  ) {
    super(message);
  }
}
