/**
 * A seeded generator of realistic, varied meeting definitions, for the benchmark and
 * for fuzzing. The same seed gives the same archive on every machine.
 */
import { stringify } from 'yaml';

/** mulberry32: small, fast, and good enough to vary test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the working group may wish to consider implementation of the convention and protocols thereto including international cooperation ' +
  'mutual legal assistance extradition confiscation technical assistance States parties secretariat report background paper ' +
  'prepared pursuant to resolution decision paragraph article exchange views experiences challenges good practices review mechanism'
).split(' ');

const TOPICS = ['International cooperation in criminal matters', 'Technical assistance', 'Trafficking in persons', 'Smuggling of migrants', 'Firearms', 'Asset recovery', 'Prevention', 'Review of implementation', 'Cybercrime', 'Corruption and organized crime'];

export function generateMeeting(seed: number): string {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    return `${w[0]!.charAt(0).toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  const year = int(2004, 2026);
  const month = int(1, 11);
  const day = int(1, 20);
  const days = int(1, 5);
  const iso = (d: number) => new Date(Date.UTC(year, month - 1, d)).toISOString().slice(0, 10);
  const wg = int(1, 7);
  const footnotes: Record<string, string> = {};
  const itemCount = int(4, 14);
  let noteCount = 0;
  const paragraph = () => {
    let p = sentence(int(12, 40));
    if (rnd() < 0.3) p = `Under {agenda-item:item-${int(1, itemCount - 2)}}, ${p.charAt(0).toLowerCase()}${p.slice(1)}`;
    if (rnd() < 0.25) {
      const id = `note-${++noteCount}`;
      footnotes[id] = rnd() < 0.5 ? `www.unodc.org/unodc/en/${pick(WORDS)}/${pick(WORDS)}-${year}.html.` : sentence(int(8, 30));
      p = `${p}[^${id}]`;
    }
    if (rnd() < 0.1) p = `${p} The *${pick(TOPICS)}* publication is relevant.`;
    return p;
  };
  let serial = 1; // each document its own symbol
  // Joint documents carry the symbols of two bodies; each symbol is used once in a meeting.
  const documentation = () =>
    Array.from({ length: int(1, 3) }, () => ({
      title: `Background paper prepared by the Secretariat on ${pick(TOPICS).toLowerCase()}`,
      symbol: rnd() < 0.2 ? [`CTOC/COP/WG.${wg}/${year}/${++serial}`, `CTOC/COP/WG.${(wg % 7) + 1}/${year}/${serial}`] : `CTOC/COP/WG.${wg}/${year}/${++serial}`,
    }));
  const items = Array.from({ length: itemCount - 2 }, (_, i) => {
    const id = `item-${i + 1}`;
    const subs = i === 0 ? 2 : rnd() < 0.2 ? int(2, 4) : 0;
    const item: Record<string, unknown> = { id, title: i === 0 ? 'Organizational matters' : `${pick(TOPICS)}: ${sentence(int(3, 18)).slice(0, -1).toLowerCase()}` };
    if (rnd() < 0.3) item.short_title = pick(TOPICS);
    if (subs) {
      item.items = Array.from({ length: subs }, (_, j) => ({
        id: `${id}-${String.fromCharCode(97 + j)}`,
        title: i === 0 ? ['Opening of the meeting', 'Adoption of the agenda and organization of work', 'Election of officers', 'Other organizational matters'][j] : sentence(int(4, 12)).slice(0, -1),
        annotation: Array.from({ length: int(1, 3) }, paragraph).join('\n\n'),
      }));
    } else {
      item.annotation = Array.from({ length: int(1, 5) }, paragraph).join('\n\n');
    }
    // Substantive items (sub-items, where there are) list their documentation.
    if (i > 0) for (const target of (item.items as Record<string, unknown>[] | undefined) ?? [item]) target.documentation = documentation();
    return item;
  });
  // The closing items every agenda of these bodies ends with.
  items.push(
    { id: `item-${itemCount - 1}`, title: 'Other matters', annotation: 'As no issues to be raised under {agenda-item:item-' + (itemCount - 1) + '} have come to the attention of the secretariat, no documentation regarding the item is currently foreseen.' },
    { id: `item-${itemCount}`, title: 'Adoption of the report', annotation: sentence(int(12, 30)) },
  );
  // Spread the items (sub-items individually) over two meetings a day.
  const ids = items.flatMap((it) => ((it.items as { id: string }[] | undefined) ?? [it as { id: string }]).map((x) => x.id));
  const slots = days * 2;
  const organization = Array.from({ length: days }, (_, d) => ({
    date: iso(day + d),
    slots: [0, 1].map((s) => {
      const k = d * 2 + s;
      const from = Math.floor((k * ids.length) / slots);
      const to = Math.max(from + 1, Math.floor(((k + 1) * ids.length) / slots));
      return { time: s ? '15:00-18:00' : '10:00-13:00', items: ids.slice(Math.min(from, ids.length - 1), Math.min(to, ids.length)) };
    }),
  }));
  const definition = {
    profile: 'untoc-working-group',
    document: { symbol: `CTOC/COP/WG.${wg}/${year}/1`, date: `${year - 1}-09-01`, original: 'en' },
    parent_body: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    // Invented bodies: real ones (Trafficking in Persons is WG.4) have fixed symbol series.
    body: `Working Group on ${pick(['Prevention', 'Cybercrime', 'Review of Implementation', 'Corruption and Organized Crime'])}`,
    meeting: { kind: 'meeting', number: int(1, 30), venue: 'Vienna', dates: days === 1 ? iso(day) : [iso(day), iso(day + days - 1)] },
    resources: { interpretation: 'all' },
    items,
    ...(noteCount ? { footnotes } : {}),
    organization_of_work: organization,
  };
  return stringify(definition, { lineWidth: 0 });
}
