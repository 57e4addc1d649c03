/** Shared state and token helpers of the date recognizer: one instance per document, one sentence at a time. */
import { dayOf, dayOfHijri, dayOfIso, daysInMonth, hijriMonthLength, hijriOf, isValidYmd, ymdOf } from '../days.js';
import type { Doc } from '../text/doc.js';
import type { Token } from '../text/tokenize.js';
import { type CalendarLexicon, calendarLexicon } from './calendar-lexicon.js';
import { tokenKeys, type WordKey } from './word-keys.js';

export type Precision = 'day' | 'week' | 'month' | 'year';
export type DateKind = 'absolute' | 'relative' | 'weekday' | 'since' | 'interval' | 'period';
export type Cal = 'g' | 'h';

/** A date expression read at a token range, as day numbers (see src/days.ts). */
export interface Hit {
  first: number;
  last: number;
  /** normalised proclitic characters to skip on the first token (ومنذ → منذ) */
  pre: number;
  start: number;
  end: number;
  precision: Precision;
  kind: DateKind;
  /** calendar of an explicit day-and-month date */
  cal?: Cal;
  /** the year was written (2023, عام 2023), not inferred from publication */
  yearGiven?: boolean;
  /** no year and no publication date: a placeholder year, kept only if an interval's other side gives one */
  provisional?: boolean;
}

/** Placeholder years of a provisional date (2000 is a leap year, so 29 February parses). */
export const PROVISIONAL_YEAR: Record<Cal, number> = { g: 2000, h: 1421 };

const RANK: Record<Precision, number> = { day: 0, week: 1, month: 2, year: 3 };

export function coarser(a: Precision, b: Precision): Precision {
  return RANK[a] >= RANK[b] ? a : b;
}

export class DateCtx {
  readonly tokens: Token[];
  readonly lex: CalendarLexicon;
  /** publication day number, or null: relative expressions are then skipped */
  readonly pub: number | null;
  /** one past the last token of the sentence being read: no expression crosses it */
  end = 0;

  constructor(doc: Doc) {
    this.tokens = doc.tokens;
    this.lex = calendarLexicon();
    this.pub = dayOfIso(doc.published);
  }

  /** Token j if it lies in the current sentence. */
  tok(j: number): Token | undefined {
    return j >= 0 && j < this.end ? this.tokens[j] : undefined;
  }

  /** The token before i if it is in the same sentence. */
  prev(i: number): Token | undefined {
    const p = this.tokens[i - 1];
    return p && p.sent === this.tokens[i]?.sent ? p : undefined;
  }

  /** The proclitic reading of word token j whose key is in `set`, or null. */
  keyIn(j: number, set: { has(key: string): boolean }): WordKey | null {
    const t = this.tok(j);
    if (t?.kind !== 'word') return null;
    for (const k of tokenKeys(t)) if (set.has(k.key)) return k;
    return null;
  }

  /** Token j's normalised form, exactly, is in `set`. */
  normIn(j: number, set: { has(key: string): boolean }): boolean {
    const t = this.tok(j);
    return !!t && set.has(t.norm);
  }

  isPunct(j: number, chars: string): boolean {
    const t = this.tok(j);
    return !!t && t.kind === 'punct' && chars.includes(t.norm);
  }

  /** A four-digit year at token j: Gregorian 1800–2199, Hijri 1300–1599. */
  yearAt(j: number, cal: Cal): number | null {
    const t = this.tok(j);
    if (t?.kind !== 'number' || !/^\d{4}$/.test(t.norm)) return null;
    const y = Number(t.norm);
    return (cal === 'g' ? y >= 1800 && y < 2200 : y >= 1300 && y < 1600) ? y : null;
  }

  /** The publication year in a calendar. */
  pubYear(cal: Cal): number {
    return cal === 'g' ? ymdOf(this.pub!).y : hijriOf(this.pub!).y;
  }

  hit(first: number, last: number, pre: number, start: number, end: number, precision: Precision, kind: DateKind): Hit {
    return { first, last, pre, start, end, precision, kind };
  }
}

/** Day number of a date in a calendar, or null if there is no such day. */
export function dayInCal(cal: Cal, y: number, m: number, d: number): number | null {
  if (cal === 'g') return isValidYmd(y, m, d) ? dayOf(y, m, d) : null;
  if (!Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > hijriMonthLength(y, m)) return null;
  return dayOfHijri(y, m, d);
}

/** First and last day of a month in a calendar. */
export function monthInCal(cal: Cal, y: number, m: number): [number, number] {
  if (cal === 'g') return [dayOf(y, m, 1), dayOf(y, m, daysInMonth(y, m))];
  const s = dayOfHijri(y, m, 1);
  return [s, s + hijriMonthLength(y, m) - 1];
}

/** Year and month of a day in a calendar. */
export function ymInCal(cal: Cal, day: number): { y: number; m: number } {
  return cal === 'g' ? ymdOf(day) : hijriOf(day);
}
