/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC): no local time zone anywhere. Hijri dates use
 * the tabular Islamic calendar (civil epoch, 16 July 622 Julian; leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
 * 29 of each 30), which is within a day or two of the observed or Umm al-Qura calendars.
 *
 * The one place days are counted: the date recognisers, event assembly, fusion, the filters and the web app's
 * timeline (bundled separately, which is why this module imports nothing).
 */

export const DAY_MS = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Day number of a Gregorian date (month 1-12); no validation, overflow rolls over like Date.UTC. */
export function dayOf(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

export function ymdOf(day: number): Ymd {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return dayOf(y, m + 1, 1) - dayOf(y, m, 1);
}

/** YYYY-MM-DD */
export function isoOf(day: number): string {
  const { y, m, d } = ymdOf(day);
  const yy = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${yy}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number of an ISO date or date-time (only its date part is read), or null if it is not one. */
export function dayOfIso(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? dayOf(y, mo, d) : null;
}

/** Days from ISO date `a` to ISO date `b` (negative when b is earlier); NaN when either is not a date. */
export function daysBetween(a: string, b: string): number {
  const from = dayOfIso(a);
  const to = dayOfIso(b);
  return from === null || to === null ? Number.NaN : to - from;
}

/** A day as users and documents write it: exactly YYYY-MM-DD, a real calendar day. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The latest day on or before `day` (strictly before if `strict`) that falls on `dow`. */
export function lastWeekday(day: number, dow: number, strict = false): number {
  let back = (weekdayOf(day) - dow + 7) % 7;
  if (strict && back === 0) back = 7;
  return day - back;
}

/** The earliest day strictly after `day` that falls on `dow`. */
export function nextWeekday(day: number, dow: number): number {
  const ahead = (dow - weekdayOf(day) + 7) % 7;
  return day + (ahead === 0 ? 7 : ahead);
}

/** Monday that starts the (ISO, Monday–Sunday) week holding `day`: ACLED's and the annotators' week. */
export function weekStart(day: number): number {
  return lastWeekday(day, 1);
}

export function monthRange(y: number, m: number): [number, number] {
  return [dayOf(y, m, 1), dayOf(y, m + 1, 0)];
}

export function yearRange(y: number): [number, number] {
  return [dayOf(y, 1, 1), dayOf(y, 12, 31)];
}

/** Day number of a tabular Hijri date (month 1-12). */
export function dayOfHijri(y: number, m: number, d: number): number {
  return d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) - 492149;
}

export function hijriOf(day: number): Ymd {
  const y = Math.floor((30 * (day + 492148) + 10646) / 10631);
  const m = Math.min(12, Math.ceil((day - (29 + dayOfHijri(y, 1, 1))) / 29.5) + 1);
  return { y, m, d: day - dayOfHijri(y, m, 1) + 1 };
}

export function hijriMonthLength(y: number, m: number): number {
  return (m === 12 ? dayOfHijri(y + 1, 1, 1) : dayOfHijri(y, m + 1, 1)) - dayOfHijri(y, m, 1);
}
