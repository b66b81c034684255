import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDefinition } from '../../src/core/build.js';
import { MemoryFileSystem } from '../../src/core/fs.js';
import { Session } from '../../src/core/session.js';
import { escapeText, fold, serialize, unfold } from '../../src/render/ics/lines.js';
import { renderIcs } from '../../src/render/ics/index.js';
import { offsetAt } from '../../src/render/ics/time-zone.js';
import { compileExample, compileYaml, examplePath, MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

/** The calendar read back by ical.js, an independent parser: its zones registered from the file's own VTIMEZONE blocks (ical.js knows no other zone but UTC). */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
      end: e.endDate.isDate ? e.endDate.toString() : e.endDate.toJSDate().toISOString(),
      summary: e.summary,
      description: e.description,
      location: e.location,
      status: v.getFirstPropertyValue('status'),
    };
  });
  return { calendar, events };
}

afterEach(() => ICAL.TimezoneService.reset());

const model = (yaml: string, allowErrors = false) => {
  const { model, diagnostics } = compileYaml(yaml);
  if (!allowErrors) expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
};

/** MINIMAL with an organization of work in its place (it is the last key). */
const withWork = (work: string, base = MINIMAL) => `${base}organization_of_work:\n${work}`;

const WORK = `  - date: 2025-03-03
    slots:
      - time: 10:00-13:00
        items: [adoption]
      - time: 15:00-18:00
        items: [{ title: Informal consultations }]
  - date: 2025-03-04
    slots:
      - time: 10:00-13:00
        items: [adoption]
`;

describe('iCalendar output', () => {
  it.each(['ctoc-cop-wg3-2023', 'ccpcj-2024'])('%s matches its golden file (UPDATE_GOLDEN=1 regenerates)', (name) => {
    const { model } = compileExample(`${name}.yaml`);
    const output = renderIcs(model!);
    const golden = resolve(repoRoot, 'test/golden', `${name}.ics`);
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, output);
    expect(output).toBe(readFileSync(golden, 'utf8'));
  });

  it('gives the reference one event per meeting, at the right instants, as ical.js reads them', () => {
    const text = renderIcs(compileExample('ctoc-cop-wg3-2023.yaml').model!);
    const { calendar, events } = read(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    // Vienna is on summer time (UTC+2) in September: 10:00 there is 08:00 UTC.
    expect(events.map((e) => [e.uid, e.sequence, e.start, e.end, e.location])).toEqual([
      ['CTOC-COP-WG.3-2023-1-20230911-1', 0, '2023-09-11T08:00:00.000Z', '2023-09-11T11:00:00.000Z', 'Vienna'],
      ['CTOC-COP-WG.3-2023-1-20230911-2', 0, '2023-09-11T13:00:00.000Z', '2023-09-11T16:00:00.000Z', 'Vienna'],
      ['CTOC-COP-WG.3-2023-1-20230912-1', 0, '2023-09-12T08:00:00.000Z', '2023-09-12T11:00:00.000Z', 'Vienna'],
      ['CTOC-COP-WG.3-2023-1-20230912-2', 0, '2023-09-12T13:00:00.000Z', '2023-09-12T16:00:00.000Z', 'Vienna'],
    ]);
    expect(events[0]!.summary).toBe('1 (a) Opening of the meeting; 1 (b) Adoption of the agenda and organization of work; 2 Practical implementation of article 27 of the Organized Crime Convention (law enforcement cooperation)');
    expect(events[3]!.summary).toBe('4 Other matters; 5 Adoption of the report');
    expect(events[3]!.description.split('\n')).toEqual([
      '4 Other matters',
      '5 Adoption of the report',
      '',
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      'Working Group on International Cooperation',
      'CTOC/COP/WG.3/2023/1: Annotated provisional agenda',
    ]);
    expect(events[1]!.summary).toMatch(/^2 Practical .* \(continued\); 3 Lessons learned/);
    // Lines end in CRLF, and none is longer than 75 octets.
    expect(text.split('\r\n').at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each([
    // [zone, day, local start, its UTC instant]: summer and winter time on both sides of a change, the southern hemisphere, zones without changes.
    ['America/New_York', '2025-03-07', '10:00', '2025-03-07T15:00:00.000Z'],
    ['America/New_York', '2025-03-10', '10:00', '2025-03-10T14:00:00.000Z'],
    ['Europe/Zurich', '2025-10-24', '15:00', '2025-10-24T13:00:00.000Z'],
    ['Europe/Zurich', '2025-10-27', '15:00', '2025-10-27T14:00:00.000Z'],
    ['Australia/Sydney', '2025-01-15', '09:30', '2025-01-14T22:30:00.000Z'],
    ['Australia/Sydney', '2025-07-15', '09:30', '2025-07-14T23:30:00.000Z'],
    ['Africa/Nairobi', '2025-06-02', '10:00', '2025-06-02T07:00:00.000Z'],
    ['Asia/Kolkata', '2025-06-02', '10:00', '2025-06-02T04:30:00.000Z'],
    ['America/Santiago', '2025-04-07', '10:00', '2025-04-07T14:00:00.000Z'],
  ])('in %s, a meeting on %s at %s starts at %s', (zone, day, time, instant) => {
    const yaml = MINIMAL.replace('  dates: 2025-03-03\n', `  dates: ${day}\n  time_zone: ${zone}\n`).replace('date: 2025-01-10', 'date: 2025-01-02');
    const text = renderIcs(model(withWork(`  - date: ${day}\n    slots:\n      - time: ${time}-${time.replace(/^\d\d/, (h) => String(Number(h) + 2).padStart(2, '0'))}\n        items: [adoption]\n`, yaml)));
    const { events } = read(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.start).toBe(instant);
    expect(Date.parse(events[0]!.end) - Date.parse(instant)).toBe(2 * 3600_000);
    expect(text).toContain(`DTSTART;TZID=${zone}:${day.replace(/-/g, '')}T${time.replace(':', '')}00`);
  });

  it('covers a meeting across the new year with the zone blocks of both years', () => {
    const yaml = MINIMAL.replace('  dates: 2025-03-03\n', '  dates: [2025-12-31, 2026-01-02]\n  time_zone: Australia/Sydney\n');
    const work = ['2025-12-31', '2026-01-02'].map((d) => `  - date: ${d}\n    slots:\n      - time: 10:00-13:00\n        items: [adoption]\n`).join('');
    const text = renderIcs(model(withWork(work, yaml)));
    // Summer time (UTC+11) on both days; the block holds the change in force on 1 January 2025 and every change of 2025 and 2026.
    expect(read(text).events.map((e) => e.start)).toEqual(['2025-12-30T23:00:00.000Z', '2026-01-01T23:00:00.000Z']);
    expect(text.match(/^DTSTART:\d{8}T\d{6}$/gm)).toEqual(['DTSTART:20241006T020000', 'DTSTART:20250406T030000', 'DTSTART:20251005T020000', 'DTSTART:20260405T030000', 'DTSTART:20261004T020000']);
    expect(text.match(/^BEGIN:(?:STANDARD|DAYLIGHT)$/gm)).toEqual(['BEGIN:DAYLIGHT', 'BEGIN:STANDARD', 'BEGIN:DAYLIGHT', 'BEGIN:STANDARD', 'BEGIN:DAYLIGHT']);
  });

  it('reads the zone offsets as the runtime does, to the minute', () => {
    expect(offsetAt('Europe/Vienna', Date.UTC(2023, 8, 11))).toBe(120);
    expect(offsetAt('Europe/Vienna', Date.UTC(2023, 0, 11))).toBe(60);
    expect(offsetAt('America/St_Johns', Date.UTC(2023, 0, 11))).toBe(-210);
    expect(offsetAt('UTC', Date.UTC(2023, 0, 11))).toBe(0);
  });

  it('makes a meeting whose time could not be read an all-day event that says the time as written', () => {
    // The build stops at a time it cannot read; the model allows one all the same (a library user's model).
    const doc = model(withWork(`  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [adoption]\n`));
    delete doc.annex!.days[0]!.slots[0]!.start;
    delete doc.annex!.days[0]!.slots[0]!.end;
    const text = renderIcs(doc);
    expect(text).toContain('DTSTART;VALUE=DATE:20250303\r\nDTEND;VALUE=DATE:20250304\r\n');
    const { events } = read(text);
    expect(events.map((e) => [e.start, e.end])).toEqual([['2025-03-03', '2025-03-04']]);
    expect(events[0]!.description.split('\n')[0]).toBe(doc.annex!.days[0]!.slots[0]!.time);
  });

  it('gives a meeting without an organization of work one all-day event over its days', () => {
    const doc = model(MINIMAL.replace('  dates: 2025-03-03\n', '  dates: [2025-03-03, 2025-03-05]\n'));
    const text = renderIcs(doc);
    // Dates only: no time in a zone, so no zone block.
    expect(text).not.toMatch(/VTIMEZONE|TZID/);
    const { events } = read(text);
    expect(events.map((e) => [e.uid, e.start, e.end, e.summary, e.location])).toEqual([['A-AC.999-2025-1-meeting', '2025-03-03', '2025-03-06', 'Ad Hoc Committee on Example Matters', 'New York']]);
  });

  it('leaves a meeting without a zone in floating local time (no TZID, no VTIMEZONE)', () => {
    const doc = model(withWork(WORK, MINIMAL.replace('venue: New York', 'venue: Nowhere Town')));
    const text = renderIcs(doc);
    expect(doc.meeting.timeZone).toBeUndefined();
    expect(text).not.toMatch(/TZID|VTIMEZONE/);
    expect(text).toContain('DTSTART:20250303T100000\r\n');
  });

  it('refuses, with a diagnostic at the meeting, a calendar of a definition without days', async () => {
    const yaml = MINIMAL.replace('  dates: 2025-03-03\n', '');
    const session = new Session({ fs: new MemoryFileSystem({ '/p/meeting.yaml': yaml, '/p/package.json': '{}' }) });
    const result = await buildDefinition(session, '/p/meeting.yaml', { formats: ['ics'], allowErrors: true });
    expect(result.outputs).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'ics-no-dates', severity: 'error', line: 6, message: expect.stringMatching(/^ics: the calendar needs the meeting days/) }));
  });
});

describe('text and lines', () => {
  it('escapes backslash, semicolon, comma and line breaks, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007g\th')).toBe('a\\\\b\\;c\\,d\\ne\\nfg\th');
  });

  it('carries hostile text through to ical.js unchanged', () => {
    const hostile = 'Item; with, commas\\ backslashes \\n not a break: END:VEVENT BEGIN:VCALENDAR "quoted"';
    const doc = model(withWork(WORK.replace('Informal consultations', JSON.stringify(hostile))).replace('venue: New York', 'venue: "New York; Room 1, \\\\ A"').replace('time_zone', 'x'));
    const { events } = read(renderIcs(doc));
    expect(events).toHaveLength(3);
    expect(events[1]!.summary).toBe(hostile);
    expect(events[1]!.description.split('\n')[0]).toBe(hostile);
    expect(events[1]!.location).toBe('New York; Room 1, \\ A');
  });

  const octets = (s: string) => new TextEncoder().encode(s).length;

  it.each([
    ['Arabic', 'ar', 'اعتماد جدول الأعمال وتنظيم الأعمال والمسائل التنظيمية الأخرى للدورة الرابعة عشرة للفريق العامل المعني بالتعاون الدولي'],
    ['Chinese', 'zh', '通过议程和安排工作以及其他组织事项联合国打击跨国有组织犯罪公约缔约方会议国际合作问题工作组第十四次会议的临时议程说明'],
    ['emoji', 'en', 'Adoption 🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️🗓️ of the agenda'],
  ])('folds %s titles at 75 octets, never inside a UTF-8 sequence', (_, language, title) => {
    const yaml = `language: ${language}\n${withWork(WORK).replace('title: Adoption of the agenda', `title: ${title}`)}`;
    const text = renderIcs(model(yaml, true));
    const bytes = new TextEncoder().encode(text);
    // Each physical line, as bytes, is valid UTF-8 on its own and at most 75 octets.
    let start = 0;
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        lines.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i)));
        start = i + 2;
      }
    }
    expect(start).toBe(bytes.length);
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => octets(l) > 70).length).toBeGreaterThan(3);
    expect(read(text).events[0]!.summary).toBe(`1 ${title}`);
  });

  it('gives ical.js back any text, escaped and folded, every line at most 75 octets of whole UTF-8 sequences', () => {
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp) => String.fromCodePoint(cp));
    const special = fc.constantFrom('\\', ';', ',', '\n', '\r\n', ':', '"', 'é', '中', 'ع', '🗓️', ' ');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(codePoint, special), maxLength: 200 }), (value) => {
        const text = serialize(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20250101T000000Z', `SUMMARY:${escapeText(value)}`, 'END:VEVENT', 'END:VCALENDAR']);
        const bytes = new TextEncoder().encode(text);
        const lines = text.split('\r\n').slice(0, -1);
        expect(lines.every((l) => octets(l) <= 75 && new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l)) === l)).toBe(true);
        expect(bytes.length).toBe(lines.reduce((n, l) => n + octets(l) + 2, 0));
        const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
        expect(event.getFirstPropertyValue('summary')).toBe(value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('folds exactly: 75 octets, then a space and 74', () => {
    const line = `SUMMARY:a${'é'.repeat(40)}`; // 9 + 80 octets
    const folded = fold(line).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 15]);
    // A two-octet letter that would end at octet 76 goes to the next line whole.
    expect(fold(`SUMMARY:${'é'.repeat(40)}`).split('\r\n').map(octets)).toEqual([74, 15]);
    expect(folded[1]!.startsWith(' ')).toBe(true);
    expect(unfold(fold(line))).toEqual([line]);
    expect(fold('A'.repeat(75))).toBe('A'.repeat(75));
    expect(fold('A'.repeat(76)).split('\r\n').map(octets)).toEqual([75, 2]);
  });
});

describe('identity across builds', () => {
  const files = (yaml: string) => new MemoryFileSystem({ '/p/meeting.yaml': yaml, '/p/package.json': '{}' });

  async function build(fs: MemoryFileSystem, options: { languages?: ('en' | 'fr')[] } = {}) {
    const session = new Session({ fs });
    const result = await buildDefinition(session, '/p/meeting.yaml', { formats: ['ics'], outDir: '/p/out', ...options });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return new TextDecoder().decode(fs.read('/p/out/meeting.ics').bytes);
  }

  it('is the same bytes from the same input and the same previous file', async () => {
    const fs = files(withWork(WORK));
    const first = await build(fs);
    expect(await build(fs)).toBe(first);
    expect(renderIcs(model(withWork(WORK)))).toBe(first);
    expect(renderIcs(model(withWork(WORK)), { previousCalendar: first })).toBe(first);
  });

  it('keeps the UID of a changed meeting, raises its SEQUENCE, and leaves the others as they were', async () => {
    const fs = files(withWork(WORK));
    const first = read(await build(fs)).events;
    ICAL.TimezoneService.reset();
    fs.set('/p/meeting.yaml', withWork(WORK.replace('15:00-18:00', '15:00-17:00')));
    const second = read(await build(fs)).events;
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(second.map((e) => e.sequence)).toEqual([0, 1, 0]);
    expect(second[1]!.end).toBe('2025-03-03T22:00:00.000Z');
    // A change of text counts as a change; building again changes nothing.
    ICAL.TimezoneService.reset();
    fs.set('/p/meeting.yaml', withWork(WORK.replace('15:00-18:00', '15:00-17:00').replace('Informal consultations', 'Informal consultations on the draft report')));
    const third = await build(fs);
    expect(read(third).events.map((e) => e.sequence)).toEqual([0, 2, 0]);
    expect(await build(fs)).toBe(third);
  });

  it('keeps a meeting that was removed, cancelled with a higher SEQUENCE', async () => {
    const fs = files(withWork(WORK));
    await build(fs);
    fs.set('/p/meeting.yaml', withWork(WORK.replace(/  - date: 2025-03-04[^]*$/, '')));
    const text = await build(fs);
    const { events } = read(text);
    expect(events.map((e) => [e.uid, e.sequence, e.status])).toEqual([
      ['A-AC.999-2025-1-20250303-1', 0, null],
      ['A-AC.999-2025-1-20250303-2', 0, null],
      ['A-AC.999-2025-1-20250304-1', 1, 'CANCELLED'],
    ]);
    expect(events[2]!.start).toBe('2025-03-04T15:00:00.000Z');
    expect(await build(fs)).toBe(text);
    // Back in the document, it is live again, one SEQUENCE further.
    ICAL.TimezoneService.reset();
    fs.set('/p/meeting.yaml', withWork(WORK));
    expect(read(await build(fs)).events.map((e) => [e.sequence, e.status])).toEqual([[0, null], [0, null], [2, null]]);
  });

  it("ignores the events of another document's calendar at the same path", () => {
    const other = renderIcs(model(withWork(WORK, MINIMAL.replace('A/AC.999/2025/1', 'A/AC.998/2025/1'))));
    expect(renderIcs(model(withWork(WORK)), { previousCalendar: other })).toBe(renderIcs(model(withWork(WORK))));
    expect(renderIcs(model(withWork(WORK)), { previousCalendar: 'not a calendar\u0000' })).toBe(renderIcs(model(withWork(WORK))));
  });

  it('gives a language version the same events, in its language, under the same UIDs', async () => {
    const fs = new MemoryFileSystem({
      '/p/meeting.yaml': readFileSync(examplePath('ctoc-cop-wg3-2023.yaml'), 'utf8'),
      '/p/meeting.fr.yaml': readFileSync(examplePath('ctoc-cop-wg3-2023.fr.yaml'), 'utf8'),
      '/p/package.json': '{}',
    });
    const session = new Session({ fs });
    const result = await buildDefinition(session, '/p/meeting.yaml', { formats: ['ics'], outDir: '/p/out', languages: ['en', 'fr'] });
    expect(result.written).toEqual(['/p/out/meeting.ics', '/p/out/meeting.fr.ics']);
    const en = read(new TextDecoder().decode(fs.read('/p/out/meeting.ics').bytes)).events;
    const fr = read(new TextDecoder().decode(fs.read('/p/out/meeting.fr.ics').bytes)).events;
    expect(fr.map((e) => [e.uid, e.start, e.end])).toEqual(en.map((e) => [e.uid, e.start, e.end]));
    expect(fr[0]!.location).toBe('Vienne');
    expect(fr[0]!.summary).toMatch(/^1 a\) Ouverture de la réunion; /);
    // The zone is the original's: the French venue's name ("Vienne") names none.
    expect(new TextDecoder().decode(fs.read('/p/out/meeting.fr.ics').bytes)).toContain('SUMMARY;LANGUAGE=fr:');
    expect(new TextDecoder().decode(fs.read('/p/out/meeting.fr.ics').bytes)).toContain('DTSTART;TZID=Europe/Vienna:20230911T100000\r\n');
  });
});

describe('agenda build --format ics', () => {
  const bin = join(repoRoot, 'bin/agenda.js');
  const run = (...args: string[]) => execFileSync('node', [bin, 'build', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('writes the calendar through the batch, raising the SEQUENCE of a changed meeting; "all" leaves it out, "every" builds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-ics-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, withWork(WORK));
    run(file, '--format', 'ics', '--out', join(dir, 'out'));
    const first = readFileSync(join(dir, 'out/meeting.ics'), 'utf8');
    expect(read(first).events).toHaveLength(3);
    ICAL.TimezoneService.reset();
    writeFileSync(file, withWork(WORK.replace('10:00-13:00', '09:30-13:00')));
    run(file, '--format', 'ics', '--out', join(dir, 'out'));
    const second = read(readFileSync(join(dir, 'out/meeting.ics'), 'utf8')).events;
    expect(second.map((e) => [e.sequence, e.start])).toEqual([[1, '2025-03-03T14:30:00.000Z'], [0, '2025-03-03T20:00:00.000Z'], [0, '2025-03-04T15:00:00.000Z']]);
    run(file, '--format', 'all', '--out', join(dir, 'all'));
    expect(existsSync(join(dir, 'all/meeting.ics'))).toBe(false);
    run(file, '--format', 'every', '--out', join(dir, 'every'));
    expect(existsSync(join(dir, 'every/meeting.ics'))).toBe(true);
  });
});

describe('the VTIMEZONE observances', () => {
  it('call summer time DAYLIGHT against each year’s standard offset, also after a zone changed it for good', async () => {
    const { vtimezone } = await import('../../src/render/ics/time-zone.js');
    const kinds = (zone: string, year: number) => vtimezone(zone, year, year).filter((l) => /^(BEGIN:(DAYLIGHT|STANDARD)|TZOFFSETTO)/.test(l)).join(' ');
    // Greenland moved its standard time from -03:00 to -02:00 in 2023: in 2024, -02:00 is standard.
    expect(kinds('America/Nuuk', 2024)).toBe('BEGIN:STANDARD TZOFFSETTO:-0200 BEGIN:DAYLIGHT TZOFFSETTO:-0100 BEGIN:STANDARD TZOFFSETTO:-0200');
    expect(kinds('Europe/Vienna', 2023)).toBe('BEGIN:STANDARD TZOFFSETTO:+0100 BEGIN:DAYLIGHT TZOFFSETTO:+0200 BEGIN:STANDARD TZOFFSETTO:+0100');
    // The southern summer spans the new year.
    expect(kinds('Australia/Sydney', 2024)).toBe('BEGIN:DAYLIGHT TZOFFSETTO:+1100 BEGIN:STANDARD TZOFFSETTO:+1000 BEGIN:DAYLIGHT TZOFFSETTO:+1100');
  });
});
