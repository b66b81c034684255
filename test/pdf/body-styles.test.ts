// The text of the PDFs of the examples that use document kinds and house styles, as a
// reader sees it: a plain provisional agenda has no "Annotations"; the older style prints
// "Distr. GENERAL", numbered paragraphs, "Page 2" under the running head and no barcode.
import { describe, expect, it } from 'vitest';
import { pdfOf, readPdf, wordsOf, type PageText } from './helpers.js';

const text = (page: PageText, filter: (tag?: string) => boolean = () => true) => wordsOf(page.runs.filter((r) => filter(r.tag))).join(' ');
const body = (tag?: string) => tag !== 'Artifact' && tag !== 'Note';
const artifacts = (tag?: string) => tag === 'Artifact';

describe('PDF of a plain provisional agenda (examples/ga-special-session.yaml)', () => {
  it('has the title, the list with sub-items and UN punctuation, and no annotations', async () => {
    const pages = await readPdf(await pdfOf('examples/ga-special-session.yaml'));
    const all = pages.map((p) => text(p, body)).join(' ');
    expect(all).toContain('Thirty-third special session New York, 7–9 June 2027 Provisional agenda 1. Opening of the session by the President of the General Assembly.');
    expect(all).toContain(
      '3. Credentials of representatives to the thirty-third special session of the General Assembly: (a) Appointment of the members of the Credentials Committee; (b) Report of the Credentials Committee. 4. Organization of the session.',
    );
    // A footnote call that ends a title follows the list's punctuation.
    expect(all).toContain('6. Review of progress in the implementation of the commitments on water and sanitation: 1 (a) National and regional action;');
    expect(all).toMatch(/7\. Adoption of the political declaration of the special session\. 2$/);
    expect(all).not.toContain('Annotations');
    // The title heads the list: "Provisional agenda" is printed once.
    expect(all.match(/Provisional agenda/g)).toHaveLength(1);
  });
});

describe('PDF in the older house style (examples/archive-1998.yaml)', () => {
  it('prints the older masthead in capitals and the three levels of the list', async () => {
    const pages = await readPdf(await pdfOf('examples/archive-1998.yaml'));
    const first = text(pages[0]!, body);
    expect(first).toContain('Distr. GENERAL');
    expect(first).toContain('Original: ENGLISH');
    expect(first).toContain('(b) Inter-firm cooperation: (i) Clusters and networks of enterprises; (ii) Linkages between small enterprises and transnational corporations. 5. Other business.');
  });

  it('numbers the annotation paragraphs through the annotations, and heads an annotation with its own title', async () => {
    const pages = await readPdf(await pdfOf('examples/archive-1998.yaml'));
    const all = pages.map((p) => text(p, body)).join(' ');
    expect(all).toContain('Annotations 1. Opening of the third session 1. The third session of the Commission will be opened on Monday, 16 November 1998, at 10 a.m.');
    expect(all).toContain('2. Election of officers 2. In accordance with rule 18');
    expect(all).toContain('4. The Commission will meet from Monday, 16 November, to Friday, 20 November 1998. It may wish to take up item 4 (a) in the plenary and item 4 (b) (i) in informal meetings.');
    expect(all).toContain('(i) Clusters and networks of enterprises 6. The secretariat');
    expect(all).toContain('7. The report of the Commission on its third session');
    // A third-level item in the annex, and "(continued)" on its second meeting.
    expect(all).toContain('4 (b) (i) Clusters and networks of enterprises (continued)');
  });

  it('puts "Page N" under the running head, no counter at the foot and no barcode on the first page', async () => {
    const pages = await readPdf(await pdfOf('examples/archive-1998.yaml'));
    expect(pages.length).toBeGreaterThan(1);
    expect(text(pages[0]!, artifacts)).toBe('GE.98-52031 (E) 100998');
    pages.slice(1).forEach((page, i) => {
      const furniture = page.runs.filter((r) => r.tag === 'Artifact');
      const head = furniture.filter((r) => r.y > page.height / 2).sort((a, b) => b.y - a.y);
      expect(wordsOf(head).join(' ')).toBe(`TD/B/COM.3/15 Page ${i + 2}`);
      const foot = furniture.filter((r) => r.y < page.height / 2);
      expect(wordsOf(foot).join(' ')).toBe('GE.98-52031');
    });
  });
});
