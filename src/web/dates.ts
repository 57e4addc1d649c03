/** The timeline's bins over day numbers (src/days.ts: days since 1970-01-01, UTC, no time zones). */
import { dayOf, weekdayOf, ymdOf } from '../days.js';

export type BinSize = 'day' | 'week' | 'month';

/** Day bins up to four months, week bins up to three years, months beyond. */
export function binSizeFor(days: number): BinSize {
  if (days <= 120) return 'day';
  if (days <= 3 * 366) return 'week';
  return 'month';
}

/** The first day of the bin holding `day`: weeks start on Monday, months on the 1st. */
export function binStart(day: number, size: BinSize): number {
  if (size === 'day') return day;
  if (size === 'week') return day - ((weekdayOf(day) + 6) % 7);
  const { y, m } = ymdOf(day);
  return dayOf(y, m, 1);
}

export function nextBin(start: number, size: BinSize): number {
  if (size === 'day') return start + 1;
  if (size === 'week') return start + 7;
  const { y, m } = ymdOf(start);
  return dayOf(y, m + 1, 1);
}
