// The organ of the masthead when it is not the parent body (`organ`): a working group of the
// United Nations Commission on International Trade Law issues its documents under the
// General Assembly, and the meeting block names the Commission above the working group.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx/index.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import type { AgendaDocument } from '../../src/model.js';
import { renderAkn } from '../../src/render/akn/index.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderIcs } from '../../src/render/ics/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { translatableTexts } from '../../src/translate/texts.js';
import { buildSource } from '../../src/core/build.js';
import { compileYaml } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';
import { readPdf } from '../pdf/helpers.js';

const WORKING_GROUP = `document:
  symbol: A/CN.9/WG.II/WP.230
  date: 2024-07-20
organ: General Assembly
parent_body: United Nations Commission on International Trade Law
body: Working Group II (Dispute Settlement)
meeting:
  number: 80
  venue: Vienna
  dates: [2024-09-23, 2024-09-27]
items:
  - id: adoption
    title: Adoption of the agenda
`;

function compile(yaml = WORKING_GROUP): AgendaDocument {
  const { model, diagnostics } = compileYaml(yaml);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

describe('an organ above the parent body', () => {
  it('names the organ in the masthead and the parent body above the body in the meeting block', () => {
    const doc = compile();
    expect([doc.masthead.organ, doc.masthead.principalOrgan, doc.masthead.organOrigin?.path]).toEqual(['General Assembly', true, ['organ']]);
    expect([doc.meeting.parentBody, doc.meeting.body]).toEqual(['United Nations Commission on International Trade Law', 'Working Group II (Dispute Settlement)']);
    // Without it, the parent body is the organ, as before.
    const plain = compile(WORKING_GROUP.replace('organ: General Assembly\n', ''));
    expect([plain.masthead.organ, plain.meeting.parentBody, plain.meeting.body]).toEqual(['United Nations Commission on International Trade Law', undefined, 'Working Group II (Dispute Settlement)']);
    // An organ that is the parent body is printed once.
    const same = compile(WORKING_GROUP.replace('organ: General Assembly', 'organ: United Nations Commission on International Trade Law'));
    expect([same.masthead.organ, same.meeting.parentBody]).toEqual(['United Nations Commission on International Trade Law', undefined]);
  });

  it('prints the two names in bold, in order, in every format', async () => {
    const doc = compile();
    expect(renderMarkdown(doc)).toContain('United Nations\\\nGeneral Assembly\n');
    expect(renderMarkdown(doc)).toContain('**United Nations Commission on International Trade Law**\\\n**Working Group II (Dispute Settlement)**\\\nEightieth session\\\nVienna, 23–27 September 2024');
    expect(renderHtml(doc)).toContain('<span><strong>United Nations Commission on International Trade Law</strong></span><span><strong>Working Group II (Dispute Settlement)</strong></span><span>Eightieth session</span>');
    const body = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const meetingLines = [...body.matchAll(/<w:pStyle w:val="UNMeeting"\/>[\s\S]*?<w:rPr>(<w:b\/>)?[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => (m[1] ? `**${m[2]}**` : m[2]));
    expect(meetingLines.slice(0, 3)).toEqual(['**United Nations Commission on International Trade Law**', '**Working Group II (Dispute Settlement)**', 'Eightieth session']);
    const xml = renderAkn(doc);
    expect(xml).toContain('<p><inline name="parentBody">United Nations Commission on International Trade Law</inline></p>\n<p><inline name="body">Working Group II (Dispute Settlement)</inline></p>');
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', resolve(repoRoot, 'schemas/akn/akomantoso30.xsd'), '-'], { input: xml, encoding: 'utf8' });
      expect(r.stderr.trim()).toBe('- validates');
    }
    const ics = renderIcs(doc);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('General Assembly\\nUnited Nations Commission on International Trade Law\\nWorking Group II (Dispute Settlement)\\nEightieth session');
    const [page] = await readPdf(await renderPdf(doc));
    const organ = page!.runs.find((r) => r.str.startsWith('General Assembly'))!;
    expect(organ.size).toBeCloseTo(20, 1); // a principal organ, set larger
    const lines = page!.runs.filter((r) => r.size === 10 && r.x < 80 && r.y < organ.y).sort((a, b) => b.y - a.y).map((r) => r.str.trim());
    expect(lines.join(' ').replace(/\s+/g, ' ')).toMatch(/^United Nations Commission on International Trade Law Working Group II \(Dispute Settlement\) Eightieth session Vienna/);
  });

  it("names the Framework Convention on Climate Change above the UNFCCC's bodies, in each language", () => {
    const sbi = (language: string) => compile(`language: ${language}\n${WORKING_GROUP.replace('A/CN.9/WG.II/WP.230', 'FCCC/SBI/2024/1').replace(/organ: .*\nparent_body: .*\n/, '').replace('Working Group II (Dispute Settlement)', 'Subsidiary Body for Implementation')}`);
    expect([sbi('en').masthead.organ, sbi('en').meeting.body, sbi('en').masthead.principalOrgan]).toEqual(['Framework Convention on Climate Change', 'Subsidiary Body for Implementation', undefined]);
    expect(sbi('fr').masthead.organ).toBe('Convention-cadre sur les changements climatiques');
    expect(sbi('es').masthead.organ).toBe('Convención Marco sobre el Cambio Climático');
  });

  it("an error a renderer finds in a version's text is reported in its translation file, at its line", async () => {
    const { definition, model } = compileYaml(WORKING_GROUP);
    const texts = translatableTexts(model!, definition);
    const hash = (key: string) => texts.find((t) => t.key === key)!.hash;
    const long = Array.from({ length: 400 }, (_, k) => `mot${k}`).join(' ');
    const french = ['language: fr', 'texts:', '  organ:', `    source: ${hash('organ')}`, `    text: ${long}`, '  parent_body:', `    source: ${hash('parent_body')}`, '    text: Commission des Nations Unies pour le droit commercial international', '  body:', `    source: ${hash('body')}`, '    text: Groupe de travail II', '  meeting.venue:', `    source: ${hash('meeting.venue')}`, '    text: Vienne', '  items[adoption].title:', `    source: ${hash('items[adoption].title')}`, '    text: Adoption de l’ordre du jour', ''].join('\n');
    const built = await buildSource('m.yaml', WORKING_GROUP, { formats: ['pdf'], languages: ['fr'], translations: { fr: { file: 'm.fr.yaml', source: french } } }, { diagnostics: [] });
    expect(built.outputs).toBeUndefined();
    expect(built.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['m.fr.yaml:5:11 masthead-too-long']);
  });

  it('is a name to translate, before the parent body, and an empty one is reported at its line', () => {
    const { definition, model } = compileYaml(WORKING_GROUP);
    expect(translatableTexts(model!, definition).map((t) => t.key).slice(0, 4)).toEqual(['organ', 'parent_body', 'body', 'meeting.venue']);
    const empty = compileYaml(WORKING_GROUP.replace('organ: General Assembly', 'organ: " "'));
    expect(empty.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:8 empty-text']);
  });
});
