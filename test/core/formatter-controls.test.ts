import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/diagnostics/formatters/github.js';
import { formatJunit } from '../../src/diagnostics/formatters/junit.js';
import { formatSarif } from '../../src/diagnostics/formatters/sarif.js';
import type { FileReport, FormatContext } from '../../src/diagnostics/formatters/types.js';
import { visibleControls } from '../../src/diagnostics/formatters/visible.js';

/** A file name and a message with what a terminal, an XML parser or a log must not receive raw. */
const FILE = 'm/a\x1b[31mred\x07,x:y.yaml';
const MESSAGE = 'bad\x00 \x01 \x7f \x9b \ufffe \ud800 text \u202egnp.exe\u202c 50% done\r\nnext';
const reports: FileReport[] = [{ file: FILE, diagnostics: [{ file: FILE, line: 2, column: 3, severity: 'error', code: 'schema', message: MESSAGE, hint: 'tab\there' }] }];
const context: FormatContext = { color: false, rules: [], version: '0', cwd: '/' };
/** What may not appear raw in any of the outputs: C0 (but tab, LF, CR), DEL, C1, bidi controls, noncharacters, lone surrogates. */
const RAW = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('control characters in machine-readable reports', () => {
  it('are written as visible escapes, one for each character', () => {
    expect(visibleControls('a\x1b[0m\x00\x9b\u202e\ud800b\u{1f600}\t\n\r')).toBe('a\\x1B[0m\\x00\\x9B\\u202E\\uD800b\u{1f600}\t\n\r');
  });

  it('github: no raw ESC or other control reaches the log; %, CR and LF, and : and , in properties, escaped as the runner reads them', () => {
    const out = formatGithub(reports, context);
    expect(out).not.toMatch(RAW);
    expect(out).toBe(
      '::error file=m/a\\x1B[31mred\\x07%2Cx%3Ay.yaml,line=2,col=3,title=schema::bad\\x00 \\x01 \\x7F \\x9B \\uFFFE \\uD800 text \\u202Egnp.exe\\u202C 50%25 done%0D%0Anext%0Atab\there\n',
    );
  });

  it('junit: well-formed XML 1.0 that keeps each control as a visible escape (they were dropped without a trace)', () => {
    const out = formatJunit(reports, context);
    expect(out).not.toMatch(RAW);
    expect(XMLValidator.validate(out)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true, trimValues: false }).parse(out);
    const suite = xml.testsuites.testsuite;
    expect(suite.name).toBe('m/a\\x1B[31mred\\x07,x:y.yaml');
    const failure = suite.testcase.failure;
    expect(failure.message).toContain('bad\\x00 \\x01 \\x7F \\x9B \\uFFFE \\uD800 text \\u202Egnp.exe\\u202C 50% done');
    // A line break in an attribute is a character reference: a parser would read a raw one as a space.
    expect(out).toContain('50% done&#13;&#10;next"');
    expect(failure['#text']).toContain('\\u202Egnp.exe\\u202C');
  });

  it('sarif: valid JSON whose message text, once decoded by a viewer, holds no raw control', () => {
    const out = formatSarif(reports, context);
    const log = JSON.parse(out);
    const text: string = log.runs[0].results[0].message.text;
    expect(text).not.toMatch(RAW);
    expect(text).toContain('bad\\x00 \\x01 \\x7F \\x9B \\uFFFE \\uD800 text \\u202Egnp.exe\\u202C 50% done\r\nnext. tab\there');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('m/a%1B%5B31mred%07,x:y.yaml');
  });
});
