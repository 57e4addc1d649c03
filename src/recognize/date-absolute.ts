/**
 * Explicit dates: day + month [+ year] (15 ديسمبر/كانون الأول 2023, السابع من أكتوبر, 2 جمادى الآخرة 1445هـ),
 * month [+ year] (أكتوبر 2023, شهر رمضان), numeric dates (15/12/2023, 2023-12-15), years (عام 2020, في 2020)
 * and seasons (صيف 2022). A missing year is the one that puts the date closest before (or at) publication.
 */
import { dayOfHijri, monthRange, yearRange } from '../days.js';
import { type Cal, type DateCtx, dayInCal, type Hit, monthInCal, PROVISIONAL_YEAR, ymInCal } from './date-context.js';
import { readNumberAt } from './number-reader.js';

interface DayPart {
  day: number;
  last: number;
  pre: number;
}

/** A day of the month: 1–31 in digits, or an ordinal (الـ7, السابع); `digitsOnly` refuses ordinals. */
export function dayNumberAt(c: DateCtx, j: number, digitsOnly = false): DayPart | null {
  const t = c.tok(j);
  if (!t) return null;
  if (t.kind === 'number') {
    if (!/^\d{1,2}$/.test(t.norm)) return null;
    const day = Number(t.norm);
    return day >= 1 && day <= 31 ? { day, last: j + 1, pre: 0 } : null;
  }
  if (digitsOnly || t.kind !== 'word') return null;
  const r = readNumberAt(c.tokens, j);
  if (!r?.ordinal || r.last > c.end || !Number.isInteger(r.value) || r.value < 1 || r.value > 31) return null;
  return { day: r.value, last: r.last, pre: r.pre };
}

interface MonthPart {
  cal: Cal;
  month: number;
  needsContext: boolean;
  last: number;
  pre: number;
  /** written with a second name: ديسمبر/كانون الأول, أكتوبر (تشرين الأول) */
  alt: boolean;
}

export function monthAt(c: DateCtx, j: number, clitics: boolean): MonthPart | null {
  const m = c.lex.months.at(c.tokens, j, clitics);
  if (!m || m.last > c.end) return null;
  let last = m.last;
  let alt = false;
  // a second name after "/", in parentheses, or just after: ديسمبر/كانون الأول, أكتوبر (تشرين الأول), نيسان أبريل
  const sep = c.isPunct(last, '/(') ? 1 : 0;
  if (sep || c.tok(last)?.kind === 'word') {
    const paren = sep === 1 && c.tok(last)!.norm === '(';
    const m2 = c.lex.months.at(c.tokens, last + sep, false);
    if (m2 && m2.last <= c.end && m2.value.cal === m.value.cal && m2.value.month === m.value.month) {
      last = m2.last;
      alt = true;
      if (paren && c.isPunct(last, ')')) last++;
    }
  }
  return { ...m.value, last, pre: m.pre, alt };
}

interface YearPart {
  year: number | null;
  /** من العام الماضي: -1, من العام الجاري: 0 */
  relYear: number | null;
  /** أكتوبر الماضي / المقبل / الجاري */
  mode: 'past' | 'next' | 'current' | null;
  last: number;
}

/** What follows a month name to fix its year: 2023[م], الماضي, (من) العام 2023, (من) العام الماضي. */
export function yearAfter(c: DateCtx, j: number, cal: Cal): YearPart {
  const cues = c.lex.cues;
  const era = cal === 'g' ? cues.eraGregorian : cues.eraHijri;
  const year = c.yearAt(j, cal);
  if (year !== null) return { year, relYear: null, mode: null, last: c.normIn(j + 1, era) ? j + 2 : j + 1 };
  if (c.normIn(j, cues.past)) return { year: null, relYear: null, mode: 'past', last: j + 1 };
  if (c.normIn(j, cues.next)) return { year: null, relYear: null, mode: 'next', last: j + 1 };
  if (c.normIn(j, cues.current)) return { year: null, relYear: null, mode: 'current', last: j + 1 };
  const k = c.normIn(j, cues.of) ? j + 1 : j;
  if (c.normIn(k, cues.year)) {
    const y = c.yearAt(k + 1, cal);
    if (y !== null) return { year: y, relYear: null, mode: null, last: c.normIn(k + 2, era) ? k + 3 : k + 2 };
    const rel = c.normIn(k + 1, cues.past)
      ? -1
      : c.normIn(k + 1, cues.current)
        ? 0
        : c.normIn(k + 1, cues.next)
          ? 1
          : null;
    if (rel !== null && cal === 'g') return { year: null, relYear: rel, mode: null, last: k + 2 };
  }
  return { year: null, relYear: null, mode: null, last: j };
}

/** How many days ahead a date without a year is read as coming rather than last year's. */
const SOON = 62;

function resolveDay(c: DateCtx, cal: Cal, month: number, day: number, yp: YearPart): number | null {
  if (yp.year !== null) return dayInCal(cal, yp.year, month, day);
  if (c.pub === null)
    return yp.relYear === null && yp.mode === null ? dayInCal(cal, PROVISIONAL_YEAR[cal], month, day) : null;
  const py = c.pubYear(cal);
  if (yp.relYear !== null) return dayInCal(cal, py + yp.relYear, month, day);
  if (yp.mode === 'current') return dayInCal(cal, py, month, day);
  if (yp.mode === 'next') {
    for (let y = py; y <= py + 1; y++) {
      const d = dayInCal(cal, y, month, day);
      if (d !== null && d > c.pub) return d;
    }
    return null;
  }
  // a day of the coming two months is that day ("ستجرى الانتخابات في 25 تموز" in June), not last year's
  const ahead = dayInCal(cal, py, month, day) ?? Number.NaN;
  if (ahead > c.pub && ahead - c.pub <= SOON) return ahead;
  // the year that puts the date closest before or at publication (29 February: the last leap year)
  for (let y = py; y >= py - 4; y--) {
    const d = dayInCal(cal, y, month, day);
    if (d !== null && d <= c.pub) return d;
  }
  return null;
}

function resolveMonth(c: DateCtx, cal: Cal, month: number, yp: YearPart): [number, number] | null {
  if (yp.year !== null) return monthInCal(cal, yp.year, month);
  if (c.pub === null)
    return yp.relYear === null && yp.mode === null ? monthInCal(cal, PROVISIONAL_YEAR[cal], month) : null;
  const py = c.pubYear(cal);
  if (yp.relYear !== null) return monthInCal(cal, py + yp.relYear, month);
  if (yp.mode === 'current') return monthInCal(cal, py, month);
  const here = monthInCal(cal, py, month);
  const pubMonth = ymInCal(cal, c.pub).m;
  if (yp.mode === 'next') return here[0] > c.pub ? here : monthInCal(cal, py + 1, month);
  if (yp.mode === 'past') return month < pubMonth ? here : monthInCal(cal, py - 1, month);
  return here[0] <= c.pub || here[0] - c.pub <= SOON ? here : monthInCal(cal, py - 1, month);
}

/** 15 ديسمبر 2023, السابع من أكتوبر, 7 أكتوبر/ تشرين الأول الماضي, 15 و16 ديسمبر. */
export function dayMonthDate(c: DateCtx, i: number): Hit | null {
  const d = dayNumberAt(c, i);
  if (!d) return null;
  let j = d.last;
  let d2: DayPart | null = null;
  if (c.tok(j)?.norm === 'و') {
    d2 = dayNumberAt(c, j + 1, true);
    if (d2) j = d2.last;
  }
  if (c.normIn(j, c.lex.cues.of)) j++;
  // "في السابع من الشهر الحالي", "25 الشهر الماضي": that day of the month publication names
  const p = c.pub !== null && !d2 ? c.lex.periods.at(c.tokens, j) : null;
  if (p && p.value.unit === 'month' && p.last <= c.end) {
    const { y, m } = ymInCal('g', c.pub!);
    const range = monthRange(y, m + p.value.offset);
    const day = range[0] + d.day - 1;
    if (day > range[1]) return null;
    return { ...c.hit(i, p.last, d.pre, day, day, 'day', 'absolute'), cal: 'g', yearGiven: true };
  }
  if (c.normIn(j, c.lex.cues.month)) j++;
  const m = monthAt(c, j, false);
  if (!m) return null;
  const yp = yearAfter(c, m.last, m.cal);
  const start = resolveDay(c, m.cal, m.month, d.day, yp);
  if (start === null) return null;
  const h: Hit = {
    ...c.hit(i, yp.last, d.pre, start, start, 'day', 'absolute'),
    cal: m.cal,
    yearGiven: yp.year !== null,
  };
  if (c.pub === null && yp.year === null) h.provisional = true;
  if (d2) {
    const end = resolveDay(c, m.cal, m.month, d2.day, yp);
    if (end === null || end < start) return null;
    h.end = end;
    h.kind = 'interval';
  }
  return h;
}

/** أكتوبر 2023, تشرين الأول الماضي, شهر رمضان, أكتوبر من العام الماضي (month precision). */
export function monthDate(c: DateCtx, i: number): Hit | null {
  const shahr = c.keyIn(i, c.lex.cues.month);
  const m = monthAt(c, shahr ? i + 1 : i, !shahr);
  if (!m) return null;
  const yp = yearAfter(c, m.last, m.cal);
  if (m.needsContext && !shahr && !m.alt && yp.last === m.last) return null;
  const r = resolveMonth(c, m.cal, m.month, yp);
  if (!r) return null;
  const h = c.hit(i, yp.last, shahr ? shahr.pre : m.pre, r[0], r[1], 'month', 'absolute');
  return { ...h, cal: m.cal, yearGiven: yp.year !== null, provisional: c.pub === null && yp.year === null };
}

/** 15/12/2023, 15-12-23, 15.12.2023 (day first unless that cannot be), 2023-12-15, 2023/12/15. */
export function numericDate(c: DateCtx, i: number): Hit | null {
  const t = c.tok(i);
  if (!t) return null;
  let y: number;
  let m: number;
  let d: number;
  let last = i + 1;
  if (t.kind === 'date') {
    const parts = t.norm.split(/[/.-]/);
    if (parts.length !== 3 || parts[2].length === 3) return null;
    [d, m, y] = parts.map(Number);
    if (parts[2].length === 2) y += y < 50 ? 2000 : 1900;
    if (m > 12 && d <= 12) [d, m] = [m, d];
  } else if (t.kind === 'number' && /^\d{4}$/.test(t.norm)) {
    const sep = c.tok(i + 1);
    const mm = c.tok(i + 2);
    const sep2 = c.tok(i + 3);
    const dd = c.tok(i + 4);
    if (!sep || !mm || !sep2 || !dd || sep.kind !== 'punct' || !'-/.'.includes(sep.norm) || sep2.norm !== sep.norm) {
      return null;
    }
    const glued = [t, sep, mm, sep2, dd].every((x, k, a) => k === 0 || a[k - 1].nEnd === x.nStart);
    if (!glued || !/^\d{1,2}$/.test(mm.norm) || !/^\d{1,2}$/.test(dd.norm)) return null;
    [y, m, d] = [Number(t.norm), Number(mm.norm), Number(dd.norm)];
    last = i + 5;
  } else return null;
  const day = dayInCal('g', y, m, d);
  return day === null ? null : { ...c.hit(i, last, 0, day, day, 'day', 'absolute'), cal: 'g', yearGiven: true };
}

function yearHit(c: DateCtx, first: number, pre: number, j: number): Hit | null {
  const hijri = c.yearAt(j, 'h') !== null && c.normIn(j + 1, c.lex.cues.eraHijri);
  const y = c.yearAt(j, hijri ? 'h' : 'g');
  if (y === null) return null;
  const era = hijri ? c.lex.cues.eraHijri : c.lex.cues.eraGregorian;
  const last = c.normIn(j + 1, era) ? j + 2 : j + 1;
  const [s, e] = hijri ? [dayOfHijri(y, 1, 1), dayOfHijri(y + 1, 1, 1) - 1] : yearRange(y);
  return c.hit(first, last, pre, s, e, 'year', 'absolute');
}

/** عام 2020, العام 2020, سنة 1445هـ; a bare 2020 only after في, خلال, منذ… or when `bare`. */
export function yearDate(c: DateCtx, i: number, bare = false): Hit | null {
  const cue = c.keyIn(i, c.lex.cues.year);
  if (cue) return yearHit(c, i, cue.pre, i + 1);
  const t = c.tok(i);
  if (t?.kind !== 'number') return null;
  const prev = c.prev(i);
  if (!bare && !(prev && prev.kind === 'word' && c.keyIn(i - 1, c.lex.cues.bareYearPrev))) return null;
  const y = c.yearAt(i, 'g');
  if (y === null || (y < 1900 && !c.normIn(i + 1, c.lex.cues.eraHijri)) || y > 2100) {
    return c.normIn(i + 1, c.lex.cues.eraHijri) ? yearHit(c, i, 0, i) : null;
  }
  return yearHit(c, i, 0, i);
}

/** صيف 2022, شتاء العام الماضي (winter: December of the year before to February). */
export function seasonDate(c: DateCtx, i: number): Hit | null {
  const k = c.keyIn(i, c.lex.seasons);
  const range = k && c.lex.seasons.get(k.key);
  if (!k || !range) return null;
  const yp = yearAfter(c, i + 1, 'g');
  let y = yp.year;
  if (y === null && yp.relYear !== null && c.pub !== null) y = c.pubYear('g') + yp.relYear;
  if (y === null) return null;
  const [a, b] = range;
  const start = monthInCal('g', a > b ? y - 1 : y, a)[0];
  const end = monthInCal('g', y, b)[1];
  return c.hit(i, yp.last, k.pre, start, end, 'month', 'absolute');
}

/** مطلع/منتصف/أواخر + a month, week or year: its first, middle or last third. */
export function partOf(inner: Hit, part: 'early' | 'mid' | 'late', cal: Cal = 'g'): [number, number] | null {
  let full: [number, number];
  if (inner.precision === 'month') {
    const { y, m } = ymInCal(cal, inner.start);
    full = monthInCal(cal, y, m);
  } else if (inner.precision === 'year' || inner.precision === 'week') {
    full = [inner.start, inner.precision === 'week' ? inner.start + 6 : yearRange(ymInCal('g', inner.start).y)[1]];
  } else return null;
  const len = full[1] - full[0] + 1;
  const third = Math.floor(len / 3);
  if (part === 'early') return [full[0], full[0] + third - 1];
  if (part === 'mid') return [full[0] + third, full[0] + 2 * third - 1];
  return [full[0] + 2 * third, full[1]];
}
