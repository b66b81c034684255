/**
 * The calendar written before at the same path, read back for what the new one must keep:
 * each event's SEQUENCE and content, by UID. Only the events of this document count (their
 * UID begins with its symbol's part); anything else in the file is ignored.
 */
import { unfold } from './lines.js';

export interface PreviousEvent {
  uid: string;
  sequence: number;
  /** Its content lines, unfolded, in order. */
  lines: string[];
}

/** The property name of a content line: "DTSTART" of "DTSTART;TZID=Europe/Vienna:2023…". */
export const propertyName = (line: string): string => line.slice(0, line.search(/[;:]|$/)).toUpperCase();

/** The value of a content line (after the first colon outside quoted parameter values). */
export function propertyValue(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return line.slice(i + 1);
  }
  return '';
}

/** The top-level events of a calendar's text, in file order; components nested in an event (alarms) stay in its lines. */
export function previousEvents(text: string, owns: (uid: string) => boolean): PreviousEvent[] {
  const out: PreviousEvent[] = [];
  let current: string[] | undefined;
  let depth = 0;
  for (const line of unfold(text)) {
    const name = propertyName(line);
    const value = propertyValue(line).trim().toUpperCase();
    if (!current) {
      if (name === 'BEGIN' && value === 'VEVENT') {
        current = [];
        depth = 0;
      }
      continue;
    }
    if (name === 'BEGIN') depth++;
    if (name === 'END' && depth === 0) {
      const uid = current.find((l) => propertyName(l) === 'UID');
      const id = uid === undefined ? undefined : propertyValue(uid);
      if (id !== undefined && owns(id)) {
        const seq = current.find((l) => propertyName(l) === 'SEQUENCE');
        const n = seq === undefined ? 0 : Number.parseInt(propertyValue(seq), 10);
        out.push({ uid: id, sequence: Number.isSafeInteger(n) && n >= 0 ? n : 0, lines: current });
      }
      current = undefined;
      continue;
    }
    if (name === 'END') depth--;
    current.push(line);
  }
  return out;
}
