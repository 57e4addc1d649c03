/** Calendar days as integers (days since 1970-01-01, UTC), for binning and brushing without time zones. */
const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

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
  if (size === 'week') return day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

export function nextBin(start: number, size: BinSize): number {
  if (size === 'day') return start + 1;
  if (size === 'week') return start + 7;
  const d = new Date(start * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}
