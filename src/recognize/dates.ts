/**
 * Date mentions in a document, resolved against its publication date in UTC day arithmetic.
 *
 * Each sentence is scanned once, left to right; at each token the longest date expression wins and scanning
 * resumes after it. Wrappers: منذ X (kind 'since': X's start up to publication), من X إلى/حتى Y and بين X و Y
 * (kind 'interval'; "من 17 أكتوبر إلى 30 منه", "من 17 إلى 30 أكتوبر"). Day parts (مساء, ليلة, فجر…) and يوم before
 * a day keep that day (ليلة الأحد is Sunday). Without a publication date, explicit dates with a year still
 * resolve (a year-less day or month only inside an interval whose other side writes the year), everything
 * relative is skipped, and an open "since" ends where its start does.
 *
 * kind: 'absolute' (an explicit date, month, year or season, also "الجمعة 15 ديسمبر"), 'relative' (اليوم, أمس,
 * قبل يومين), 'weekday' (الجمعة, مساء الإثنين), 'period' (الأسبوع الماضي, الشهر الجاري, الساعات الماضية,
 * عطلة نهاية الأسبوع), 'since', 'interval' (also "15 و16 ديسمبر").
 */

import { dayOfIso, hijriOf, isoOf, ymdOf } from '../days.js';
import { ar } from '../lang/ar/index.js';
import { type Doc, normSpan } from '../text/doc.js';
import type { Span } from '../text/span.js';
import type { Token } from '../text/tokenize.js';
import { wordTest, wordTestBits } from '../text/words.js';
import { calendarLexicon } from './calendar-lexicon.js';
import { dayMonthDate, dayNumberAt, monthDate, numericDate, partOf, seasonDate, yearDate } from './date-absolute.js';
import {
  type Cal,
  coarser,
  DateCtx,
  type DateKind,
  dayInCal,
  type Hit,
  monthInCal,
  type Precision,
  ymInCal,
} from './date-context.js';
import {
  agoDate,
  pastApproximation,
  periodDate,
  recentWindow,
  relativeDay,
  sinceDuration,
  weekdayDate,
} from './date-relative.js';
import { tokenKeys } from './word-keys.js';

export type { DateKind, Precision };

export interface DateMention {
  /** token range [first, last) */
  first: number;
  last: number;
  span: Span;
  /** sentence index of the first token */
  sent: number;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  precision: Precision;
  kind: DateKind;
}

type Reader = (c: DateCtx, i: number) => Hit | null;

function longest(c: DateCtx, i: number, readers: Reader[]): Hit | null {
  let best: Hit | null = null;
  for (const r of readers) {
    const h = r(c, i);
    if (h && h.last <= c.end && (!best || h.last > best.last)) best = h;
  }
  return best;
}

/** Something that names one day: اليوم الإثنين, الجمعة, 15 ديسمبر, 15/12/2023. */
function dayish(c: DateCtx, i: number): Hit | null {
  const h = longest(c, i, [relativeDay, weekdayDate, dayMonthDate, numericDate]);
  return h && h.precision === 'day' && h.kind !== 'interval' ? h : null;
}

/** يوم الجمعة, يوم أمس, يوم 15 ديسمبر. */
function dayPrefixed(c: DateCtx, i: number): Hit | null {
  const k = c.keyIn(i, c.lex.cues.day);
  const inner = k && dayish(c, i + 1);
  return inner ? { ...inner, first: i, pre: k.pre } : null;
}

/** مساء اليوم الإثنين, ليلة الأحد, صباح يوم الجمعة, فجر أمس. */
function dayPartPrefixed(c: DateCtx, i: number): Hit | null {
  const p = c.lex.dayPartsBefore.at(c.tokens, i);
  if (!p || p.last >= c.end) return null;
  const inner = dayPrefixed(c, p.last) ?? dayish(c, p.last);
  return inner ? { ...inner, first: i, pre: p.pre } : null;
}

/** مطلع الشهر الجاري, منتصف ديسمبر, أواخر العام الماضي. */
function partPrefixed(c: DateCtx, i: number): Hit | null {
  const k = c.keyIn(i, c.lex.parts);
  if (!k) return null;
  const inner = longest(c, i + 1, [monthDate, periodDate, (cc, j) => yearDate(cc, j)]);
  if (!inner || inner.precision === 'day') return null;
  const r = partOf(inner, c.lex.parts.get(k.key)!, inner.cal);
  return r ? { ...inner, first: i, pre: k.pre, start: r[0], end: r[1] } : null;
}

const CORE: Reader[] = [
  dayPartPrefixed,
  dayPrefixed,
  relativeDay,
  weekdayDate,
  numericDate,
  dayMonthDate,
  monthDate,
  seasonDate,
  (c, i) => yearDate(c, i),
  periodDate,
  recentWindow,
  agoDate,
  partPrefixed,
];

/** Can a date expression, wrapped or not, start at this token? (`starts` holds the wrappers' cue words too.) */
const DATE_START = wordTest((t) => startsWith(t, calendarLexicon().starts));
/** Can an unwrapped one (core) start at it? Its readers each start with a word of `coreStarts`, digits or a date. */
const CORE_START = wordTest((t) => startsWith(t, calendarLexicon().coreStarts));

function startsWith(t: Token, words: Set<string>): boolean {
  return t.kind === 'word' ? tokenKeys(t).some((k) => words.has(k.key)) : t.kind === 'number' || t.kind === 'date';
}

const tokenCan = (c: DateCtx, i: number, start: number) => (wordTestBits(c.tokens)[i] & start) !== 0;

/** The longest date expression starting at token i (no since/interval wrapper). */
function core(c: DateCtx, i: number, bareYear = false): Hit | null {
  const t = c.tok(i);
  if (!t || !tokenCan(c, i, CORE_START)) return null;
  const best = longest(c, i, CORE);
  if (bareYear) {
    const y = yearDate(c, i, true);
    if (y && (!best || y.last > best.last)) return y;
  }
  return best;
}

/** منذ الجمعة, منذ 7 أكتوبر, منذ 2014, منذ يومين, منذ مطلع الشهر الجاري. */
function sinceAt(c: DateCtx, i: number): Hit | null {
  const k = c.keyIn(i, c.lex.cues.since);
  if (!k) return null;
  const inner = core(c, i + 1, true) ?? sinceDuration(c, pastApproximation(c, i + 1));
  if (!inner || inner.provisional || inner.kind === 'since' || inner.kind === 'interval') return null;
  const end = c.pub !== null && c.pub >= inner.start ? c.pub : inner.end;
  return c.hit(i, inner.last, k.pre, inner.start, end, inner.precision, 'since');
}

function ymdInCal(cal: Cal, day: number) {
  return cal === 'g' ? ymdOf(day) : hijriOf(day);
}

/** The same month as a day-precision hit, on another day (من 17 إلى 30 أكتوبر, من 17 أكتوبر إلى 30 منه). */
function sameMonth(anchor: Hit, day: number, after: boolean): number | null {
  const cal: Cal = anchor.cal ?? 'g';
  const { y, m } = ymInCal(cal, anchor.start);
  const d = dayInCal(cal, y, m, day);
  if (d === null || !after || d >= anchor.start) return d;
  // "من 28 أكتوبر إلى 3": the next month
  return m === 12 ? dayInCal(cal, y + 1, 1, day) : dayInCal(cal, y, m + 1, day);
}

/**
 * The start (or end) of one side of an interval, in the year the other side wrote when this side wrote none:
 * "بين التاسع من كانون الثاني 2017 و18 كانون الثاني" ends in 2017, "من 15 يناير إلى 14 أبريل 2016" starts in 2016.
 */
function shareYear(side: Hit, other: Hit, which: 'start' | 'end'): number | null {
  const own = side[which];
  if (side.yearGiven !== false || !other.yearGiven || side.cal === undefined || side.cal !== other.cal) return own;
  const cal = side.cal;
  const { y: otherYear } = ymInCal(cal, other.start);
  const { m } = ymInCal(cal, own);
  const d = side.precision === 'day' ? ymdInCal(cal, own).d : null;
  // the other side's year; the start may fall in the year before the end and the end in the year after the start
  const shift = which === 'start' ? -1 : 1;
  for (const y of [otherYear, otherYear + shift]) {
    const range = d === null ? monthInCal(cal, y, m) : [dayInCal(cal, y, m, d), dayInCal(cal, y, m, d)];
    const v = which === 'start' ? range[0] : range[1];
    if (v === null) continue;
    if (which === 'start' ? v <= other.end : v >= other.start) return v;
  }
  return own;
}

/** من X إلى Y, من X حتى Y, بين X و Y. */
function intervalAt(c: DateCtx, i: number): Hit | null {
  const cues = c.lex.cues;
  const from = c.keyIn(i, cues.from);
  const between = from ? null : c.keyIn(i, cues.between);
  const k = from ?? between;
  if (!k) return null;
  const left = core(c, i + 1);
  // "بين 17 و30 أكتوبر" is read whole by the day-and-month reader
  if (left?.kind === 'interval') return { ...left, first: i, pre: k.pre };
  const leftDay = left ? null : dayNumberAt(c, i + 1, true);
  if (!left && !leftDay) return null;
  let j = left ? left.last : leftDay!.last;
  if (between) {
    if (c.tok(j)?.norm === 'و') j++;
    else if (!c.tok(j)?.norm.startsWith('و')) return null;
  } else if (c.keyIn(j, cues.to)?.pre === 0) j++;
  else return null;
  const right = core(c, j);
  const rightDay = right ? null : dayNumberAt(c, j, true);
  if (!right && !rightDay) return null;
  let last = right ? right.last : rightDay!.last;
  if (rightDay && c.normIn(last, cues.sameMonth)) last++;
  let start: number | null;
  let end: number | null;
  if (left && right) [start, end] = [shareYear(left, right, 'start'), shareYear(right, left, 'end')];
  else if (right && leftDay && right.precision === 'day')
    [start, end] = [sameMonth(right, leftDay.day, false), right.end];
  else if (left && rightDay && left.precision === 'day')
    [start, end] = [left.start, sameMonth(left, rightDay.day, true)];
  else return null;
  if (start === null || end === null || start > end) return null;
  const precision = coarser(left?.precision ?? 'day', right?.precision ?? 'day');
  const h = c.hit(i, last, k.pre, start, end, precision, 'interval');
  // a side with no year is fixed only by a written year on the other side
  if ((left?.provisional && !right?.yearGiven) || (right?.provisional && !left?.yearGiven)) h.provisional = true;
  return h;
}

/** Every date mention in the document, left to right, not overlapping. */
export function findDates(doc: Doc): DateMention[] {
  const c = new DateCtx(doc);
  const toks = doc.tokens;
  const out: DateMention[] = [];
  for (const s of doc.sentences) {
    c.end = s.last;
    for (let i = s.first; i < s.last; ) {
      // most tokens start nothing: one test instead of every reader's own
      const h = tokenCan(c, i, DATE_START) ? (sinceAt(c, i) ?? intervalAt(c, i) ?? core(c, i)) : null;
      if (!h || h.provisional) {
        i++;
        continue;
      }
      // "ليل السبت - الأحد", "ليل الأربعاء الخميس": one night across two days
      const prev = out[out.length - 1];
      if (
        prev &&
        prev.sent === s.i &&
        h.kind === 'weekday' &&
        prev.kind === 'weekday' &&
        ar.nightWords.test(toks[prev.first].norm) &&
        toks.slice(prev.last, h.first).every((t) => t.norm === '-' || t.norm === 'و' || t.norm === 'الى') &&
        h.first - prev.last <= 1 &&
        h.start === (dayOfIso(prev.end) ?? Number.NaN) + 1
      ) {
        prev.last = h.last;
        prev.span = normSpan(doc, toks[prev.first].nStart, toks[h.last - 1].nEnd);
        prev.end = isoOf(h.end);
        i = h.last;
        continue;
      }
      out.push({
        first: h.first,
        last: h.last,
        span: normSpan(doc, toks[h.first].nStart + h.pre, toks[h.last - 1].nEnd),
        sent: s.i,
        start: isoOf(h.start),
        end: isoOf(h.end),
        precision: h.precision,
        kind: h.kind,
      });
      i = h.last;
    }
  }
  return out;
}
