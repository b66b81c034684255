import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { finishObjectsFaster, pdfObject } from '../../src/export/pdf/objects.js';

/**
 * pdfObject against pdfkit's own PDFObject.convert, which is not exported: a reference of a
 * document left as pdfkit made it is finished by pdfkit, and the dictionary it writes (its
 * second line) is taken from the document's writes.
 */
function pdfkitWrites(value: unknown): string {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  const written: (string | Uint8Array)[] = [];
  (doc as unknown as { _write(d: string | Uint8Array): void })._write = (d) => void written.push(d);
  const ref = doc.ref(value as Record<string, unknown>);
  ref.finalize();
  return written[1] as string;
}

/** A document whose references are finished by finishObjectsFaster, for references to write. */
function fasterDocument(): PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  finishObjectsFaster(doc);
  return doc;
}

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const number = fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(0, -0, 0.1234567, 1e-7, 595.28, 841.89, 1e20, -1e20));
// Literal strings: ASCII with every character pdfkit escapes, and text past ASCII (written in UTF-16).
const literal = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '(', ')', '\\', '\n', '\r', '\t', '\b', '\f', '/', '<') }), fc.string({ unit: 'grapheme' }), fc.constantFrom('Ordre du jour provisoire', 'جدول الأعمال المؤقت', '临时议程', '(ab)\\')).map((s) => new String(s));
const scalar = fc.oneof(name, number, literal, fc.boolean(), fc.constant(null), fc.uint8Array({ maxLength: 12 }), fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('dict')),
  array: fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 5 }),
  dict: fc.dictionary(name, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 5 }),
}));

describe('PDF objects written by us (objects.ts)', () => {
  it('are written as pdfkit writes them: names, numbers, strings, bytes, dates, arrays, dictionaries', () => {
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 6 }), (dict) => {
        expect(pdfObject(dict)).toBe(pdfkitWrites(dict));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('write the dictionaries of a tagged document: references, structure elements, the parent tree', () => {
    const doc = fasterDocument();
    const page = doc.ref({ Type: 'Page' });
    const element = { Type: 'StructElem', S: 'P', P: page, K: [0, 1, { Type: 'MCR', Pg: page, MCID: 2 }], ActualText: new String('1er septembre'), Alt: new String('Emblème des Nations Unies') };
    expect(pdfObject(element)).toBe(pdfkitWrites(element));
    expect(pdfObject(element)).toContain(`/P ${page.toString()}`);
    // The structure's parent tree (pdfkit's number tree) writes itself, references inside.
    const internals = doc as unknown as { getStructTreeRoot(): { data: Record<string, unknown> }; getStructParentTree(): { add(key: number, value: unknown): void } };
    internals.getStructParentTree().add(0, [page, page]);
    internals.getStructParentTree().add(1, [page]);
    const root = internals.getStructTreeRoot().data;
    expect(pdfObject(root)).toBe(pdfkitWrites(root));
    expect(pdfObject(root)).toMatch(/\/ParentTree <<\n {2}\/Limits \[0 1\]\n {2}\/Nums \[/);
  });

  it('write name and number trees as pdfkit does: keys in order, limits, values', () => {
    const treeValue = fc.oneof(number, literal, fc.array(fc.oneof(number, name), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(fc.integer({ min: 0, max: 400 }).map(String), treeValue, { maxKeys: 8 }), fc.dictionary(fc.string({ maxLength: 6 }), treeValue, { maxKeys: 8 }), (numbers, names) => {
        const doc = fasterDocument();
        const internals = doc as unknown as { getStructParentTree(): { add(key: number, value: unknown): void }; _root: { data: { Names: { data: { Dests: { add(key: string, value: unknown): void } } } } } };
        const numberTree = internals.getStructParentTree();
        for (const [k, v] of Object.entries(numbers)) numberTree.add(Number(k), v);
        const nameTree = internals._root.data.Names.data.Dests;
        for (const [k, v] of Object.entries(names)) nameTree.add(k, v);
        const dict = { Nums: numberTree, Names: nameTree };
        expect(pdfObject(dict)).toBe(pdfkitWrites(dict));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('throw, as pdfkit does, on a number a PDF cannot hold', () => {
    expect(() => pdfObject({ Width: 1e21 })).toThrow(/unsupported number/);
    expect(() => pdfObject({ Width: Number.NaN })).toThrow(/unsupported number/);
  });
});
