import type { CalendarDate } from './types.js';

/** Parses "YYYY-MM-DD" into a calendar date; undefined when it is not a real date. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month) ? d : undefined;
}

/**
 * Dates are days of the proleptic Gregorian calendar, counted here without `Date`: Date.UTC
 * reads the years 0 to 99 as 1900 to 1999, which gave 0001-01-01 the weekday of 1901-01-01.
 * Every year from 0000 to 9999 that the schema accepts is computed exactly.
 */
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** 0 = Sunday ... 6 = Saturday. No time zone is involved. */
export function weekday(d: CalendarDate): number {
  // 1970-01-01 (day 0) was a Thursday.
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

/**
 * Days since 1970-01-01 (negative before it), for differences between dates: the count of
 * days in whole 400-year cycles (146,097 days each), then within the cycle, the year
 * taken to start on 1 March so that the leap day comes last.
 */
export function dayNumber(d: CalendarDate): number {
  const year = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400; // 0 ... 399
  const dayOfYear = Math.floor((153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5) + d.day - 1; // from 1 March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `n` days after 1970-01-01: the inverse of dayNumber. */
export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const month = m < 10 ? m + 3 : m - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * m + 2) / 5) + 1 };
}

export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "140623": the DDMMYY stamp of UN job numbers. Language-independent. */
export function stamp(d: CalendarDate): string {
  return `${String(d.day).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(d.year % 100).padStart(2, '0')}`;
}

/** Parses "10:00" / "9:30" into minutes after midnight. */
export function parseTime(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 && h * 60 + min <= 24 * 60 ? h * 60 + min : undefined;
}
