/**
 * `agenda xliff export meeting.yaml --lang fr` writes meeting.fr.xlf (XLIFF 2.1) for a
 * translator or a translation tool; `agenda xliff import meeting.fr.xlf` writes the
 * translations back into meeting.fr.yaml beside the original, creating it if needed.
 */
import { basename, dirname, join } from 'node:path';
import { checkDefinition } from '../core/check.js';
import { Session } from '../core/session.js';
import { formatStylish } from '../diagnostics/formatters/stylish.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { EXIT } from '../exit-codes.js';
import { decodeSource, UnreadableInputError } from '../load/source.js';
import { FileChangedError } from '../util/atomic-write.js';
import type { LanguageCode } from '../locale/types.js';
import { LANGUAGES, loadTranslation, translationFile } from '../translate/load.js';
import { translatableTexts } from '../translate/texts.js';
import { originalLanguage } from '../translate/version.js';
import { exportXliff, mergeIntoTranslation, readXliff, XmlSyntaxError } from '../translate/xliff.js';
import type { Io } from './io.js';

const failed = (io: Io, diagnostics: Diagnostic[], file: string) => {
  io.err(formatStylish([{ file, diagnostics }], { color: io.color }));
  return EXIT.errors;
};

export async function xliffExport(file: string, language: LanguageCode, out: string | undefined, io: Io): Promise<number> {
  const session = new Session();
  const checked = checkDefinition(session, file);
  const { definition, model } = checked.compiled;
  if (!definition || !model) return failed(io, checked.diagnostics, file);
  const from = originalLanguage(definition);
  if (language === from) {
    io.err(`agenda: ${file} is written in '${language}': export it for another language\n`);
    return EXIT.usage;
  }
  const path = translationFile(file, language);
  const translation = session.fs.exists(path) ? loadTranslation(path, session.readText(path)) : undefined;
  if (translation?.diagnostics.some((d) => d.severity === 'error')) return failed(io, translation.diagnostics, path);
  const xml = await exportXliff(file, translatableTexts(model, definition), from, language, translation);
  if (out === '-') {
    io.out(xml);
    return EXIT.ok;
  }
  const target = out ?? path.replace(/\.ya?ml$/i, '.xlf');
  session.fs.writeAll([[target, xml]]);
  io.err(`wrote ${target}\n`);
  return EXIT.ok;
}

export async function xliffImport(xlf: string, into: string | undefined, io: Io): Promise<number> {
  const session = new Session();
  let imported;
  try {
    imported = await readXliff(session.readText(xlf));
  } catch (err) {
    if (err instanceof UnreadableInputError) throw err;
    if (err instanceof XmlSyntaxError) {
      io.err(`${xlf}:${err.at.line}:${err.at.column}: error this is not well-formed XML: ${err.message}\n  → the file may have been cut short or edited by hand: export it again, or correct it there\n`);
      return EXIT.errors;
    }
    io.err(`${xlf}:1:1: error this is not an XLIFF document: ${(err as Error).message.split('\n')[0]}\n  → export one with \`agenda xliff export meeting.yaml --lang fr\`\n`);
    return EXIT.errors;
  }
  const language = imported.targetLanguage?.toLowerCase().slice(0, 2) as LanguageCode;
  if (!LANGUAGES.includes(language)) {
    io.err(`${xlf}:1:1: error its target language '${imported.targetLanguage}' is not an official language of the United Nations\n  → set trgLang to one of ${LANGUAGES.join(', ')}\n`);
    return EXIT.errors;
  }
  const target = into ?? (imported.original ? translationFile(join(dirname(xlf), basename(imported.original)), language) : undefined);
  if (!target) {
    io.err(`${xlf}:1:1: error it does not name the definition it translates\n  → say where to write with --into meeting.${language}.yaml\n`);
    return EXIT.errors;
  }
  const read = session.fs.exists(target) ? session.fs.read(target) : undefined;
  const existing = read ? decodeSource(target, read.bytes) : undefined;
  // A translation file holds texts only; a definition (the original itself, named by mistake) is not written over.
  if (existing !== undefined && /^items\s*:/m.test(existing)) {
    io.err(`${target}:1:1: error this is a meeting definition, not a translation file: it is left as it is\n  → write the translations into a translation file beside it: --into ${translationFile(target, language)}\n`);
    return EXIT.usage;
  }
  const { text, changed } = mergeIntoTranslation(existing, language, imported.units);
  if (changed) {
    // An existing file is rewritten as --fix rewrites a definition: through a link to its target, its mode kept, refused when read-only or changed since it was read.
    try {
      if (read) session.fs.write(target, text, read.version);
      else session.fs.writeAll([[target, text]]);
    } catch (err) {
      if (!(err instanceof FileChangedError)) throw err;
      io.err(`${target}: error it changed while the translations were being imported, so it was left as it is now\n  → run the import again\n`);
      return EXIT.usage;
    }
  }
  io.err(changed ? `${changed} ${changed === 1 ? 'text' : 'texts'} written to ${target}\n` : `${target} already holds these translations\n`);
  return EXIT.ok;
}
