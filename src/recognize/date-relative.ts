/**
 * Dates relative to publication: اليوم / أمس / أول أمس, weekdays (the latest such day on or before publication;
 * الجمعة الماضية strictly before), calendar periods (الأسبوع الماضي = the Monday–Sunday week before the one
 * holding publication; الشهر الجاري = its 1st to publication), rolling windows (خلال الساعات الـ24 الماضية),
 * "ago" (قبل يومين) and weekends.
 */
import { lastWeekday, monthRange, nextWeekday, weekStart, yearRange, ymdOf } from '../days.js';
import type { TimeUnit } from './calendar-lexicon.js';
import { dayMonthDate, numericDate } from './date-absolute.js';
import type { DateCtx, Hit, Precision } from './date-context.js';
import { readNumberAt } from './number-reader.js';

/** اليوم, أمس, الأمس, البارحة, أول (من) أمس, with an optional weekday after (اليوم الإثنين, أمس الأحد). */
export function relativeDay(c: DateCtx, i: number): Hit | null {
  const m = c.lex.relativeDays.at(c.tokens, i);
  if (!m || m.last > c.end || c.pub === null) return null;
  const cues = c.lex.cues;
  if (m.value === 0) {
    // اليوم التالي, ذلك اليوم, في مثل هذا اليوم: not today
    if (c.normIn(m.last, cues.todayBlockNext)) return null;
    const prev = c.prev(i);
    if (prev && c.keyIn(i - 1, cues.todayBlockPrev)) return null;
    if (prev?.norm === 'هذا' && c.prev(i - 1) && c.keyIn(i - 2, cues.todayBlockPrev)) return null;
  }
  let last = m.last;
  if (c.normIn(last, c.lex.weekdays)) last++;
  if (c.normIn(last, c.lex.dayPartsAfter)) last++;
  const day = c.pub + m.value;
  return c.hit(i, last, m.pre, day, day, 'day', 'relative');
}

/** الجمعة, الجمعة الماضية, الإثنين مساءً, and a weekday with its explicit date: الجمعة 15 ديسمبر/كانون الأول 2023. */
export function weekdayDate(c: DateCtx, i: number): Hit | null {
  const k = c.keyIn(i, c.lex.weekdays);
  if (!k) return null;
  const dow = c.lex.weekdays.get(k.key)!;
  const prev = c.prev(i);
  if (prev && c.lex.cues.weekdayBlockPrev.has(prev.norm)) return null;
  let j = i + 1;
  // the explicit date wins: "الجمعة، 15 ديسمبر", "الجمعة (15 ديسمبر)", "الجمعة الموافق 15 ديسمبر"
  let e = j;
  if (c.isPunct(e, ',،-')) e++;
  const paren = c.isPunct(e, '(');
  if (paren) e++;
  if (c.normIn(e, c.lex.cues.equals)) e++;
  const ex = dayMonthDate(c, e) ?? numericDate(c, e);
  if (ex && ex.kind === 'absolute' && ex.precision === 'day') {
    const last = paren && c.isPunct(ex.last, ')') ? ex.last + 1 : ex.last;
    return {
      ...c.hit(i, last, k.pre, ex.start, ex.end, 'day', 'absolute'),
      cal: ex.cal,
      yearGiven: ex.yearGiven,
      provisional: ex.provisional,
    };
  }
  if (c.pub === null) return null;
  let day: number;
  // "الثلاثاء قبل الماضي", "الثلاثاء ما قبل الماضي": the one a week before the last
  const beforeLast = c.normIn(j, c.lex.cues.ago)
    ? j
    : c.tok(j)?.norm === 'ما' && c.normIn(j + 1, c.lex.cues.ago)
      ? j + 1
      : -1;
  if (beforeLast >= 0 && c.normIn(beforeLast + 1, c.lex.cues.past)) {
    day = lastWeekday(c.pub, dow, true) - 7;
    j = beforeLast + 2;
  } else if (c.normIn(j, c.lex.cues.past)) {
    day = lastWeekday(c.pub, dow, true);
    j++;
  } else if (c.normIn(j, c.lex.cues.next)) {
    day = nextWeekday(c.pub, dow);
    j++;
  } else day = lastWeekday(c.pub, dow);
  if (c.normIn(j, c.lex.dayPartsAfter)) j++;
  return c.hit(i, j, k.pre, day, day, 'day', 'weekday');
}

/** الأسبوع الماضي, هذا الشهر, العام الجاري…; عطلة نهاية الأسبوع (the latest Friday–Sunday). */
export function periodDate(c: DateCtx, i: number): Hit | null {
  if (c.pub === null) return null;
  const pub = c.pub;
  const w = c.lex.weekend.at(c.tokens, i);
  if (w && w.last <= c.end) {
    let last = w.last;
    let fri = lastWeekday(pub, 5);
    if (c.normIn(last, c.lex.cues.past)) {
      last++;
      if (fri + 2 > pub) fri -= 7;
    }
    return c.hit(i, last, w.pre, fri, Math.min(fri + 2, pub), 'week', 'period');
  }
  const p = c.lex.periods.at(c.tokens, i);
  if (!p || p.last > c.end) return null;
  const { unit, offset } = p.value;
  let range: [number, number];
  if (unit === 'week') {
    const ws = weekStart(pub) + 7 * offset;
    range = [ws, offset === 0 ? pub : ws + 6];
  } else {
    const { y, m } = ymdOf(pub);
    range = unit === 'month' ? monthRange(y, m + offset) : yearRange(y + offset);
    if (offset === 0) range[1] = pub;
  }
  return c.hit(i, p.last, p.pre, range[0], range[1], unit, 'period');
}

const UNIT_DAYS: Record<TimeUnit, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };
/** how many units an unnumbered plural means: الساعات الماضية = 24 hours, الأيام الأخيرة = a week */
const DEFAULT_COUNT: Record<TimeUnit, number> = { hour: 24, day: 7, week: 3, month: 3, year: 1 };

function windowDays(unit: TimeUnit, n: number): number {
  return Math.max(1, Math.ceil(n * UNIT_DAYS[unit]));
}

function precisionOf(days: number): Precision {
  return days <= 2 ? 'day' : days <= 14 ? 'week' : days <= 62 ? 'month' : 'year';
}

interface Duration {
  unit: TimeUnit;
  n: number | null;
  last: number;
}

/** يومين, ثلاثة أيام, 24 ساعة, أسبوع, أيام (n null). */
export function durationAt(c: DateCtx, j: number): Duration | null {
  const t = c.tok(j);
  if (!t) return null;
  const u = c.lex.durationUnits.get(t.norm);
  if (u) return { unit: u.unit, n: u.count, last: j + 1 };
  const r = readNumberAt(c.tokens, j);
  // الـ48 ساعة is a cardinal with the article; السابعة is not a count
  if (!r || (r.ordinal && r.words) || r.last >= c.end || !(r.value > 0)) return null;
  const u2 = c.lex.durationUnits.get(c.tokens[r.last].norm);
  return u2 ? { unit: u2.unit, n: r.value, last: r.last + 1 } : null;
}

/** Start of "منذ يومين", "منذ ساعات": publication minus the duration. */
export function sinceDuration(c: DateCtx, j: number): Hit | null {
  const d = durationAt(c, j);
  if (!d || c.pub === null) return null;
  if (d.n === null && d.unit !== 'hour' && d.unit !== 'day') return null;
  const days = windowDays(d.unit, d.n ?? DEFAULT_COUNT[d.unit]);
  return c.hit(j, d.last, 0, c.pub - days, c.pub, precisionOf(days), 'relative');
}

/** "نحو", "حوالي", "قرابة", "ما يقارب": an approximate count reads as the count ("قبل نحو 6 أشهر") */
const APPROXIMATELY = new Set(['نحو', 'حوالي', 'حوالى', 'قرابه', 'زهاء', 'تقريبا']);

/** The token after an approximation word at `j` (or `j` itself where there is none). */
export function pastApproximation(c: DateCtx, j: number): number {
  if (c.normIn(j, APPROXIMATELY)) return j + 1;
  if (c.tok(j)?.norm === 'ما' && c.tok(j + 1)?.norm === 'يقارب') return j + 2;
  return j;
}

/** قبل يومين, قبل ثلاثة أيام, قبل أسبوع, قبل ساعات, قبل نحو 6 أشهر. */
export function agoDate(c: DateCtx, i: number): Hit | null {
  const k = c.keyIn(i, c.lex.cues.ago);
  if (!k || c.pub === null) return null;
  const d = durationAt(c, pastApproximation(c, i + 1));
  if (!d) return null;
  // "قبل يومين من الانتخابات": two days before another event, not before publication (unless "من اليوم")
  if (c.normIn(d.last, c.lex.cues.of) && d.last + 1 < c.end && !c.lex.relativeDays.at(c.tokens, d.last + 1))
    return null;
  const p = c.pub;
  let range: [number, number];
  let precision: Precision;
  if (d.n === null) {
    if (d.unit === 'hour') [range, precision] = [[p - 1, p], 'day'];
    else if (d.unit === 'day') [range, precision] = [[p - 7, p - 1], 'week'];
    else return null;
  } else if (d.unit === 'hour') [range, precision] = [[p - windowDays('hour', d.n), p], 'day'];
  else if (d.unit === 'day') [range, precision] = [[p - d.n, p - d.n], 'day'];
  else {
    const center = p - windowDays(d.unit, d.n);
    const half = d.unit === 'week' ? 3 : d.unit === 'month' ? 15 : 182;
    [range, precision] = [[center - half, Math.min(center + half, p)], d.unit];
  }
  return c.hit(i, d.last, k.pre, range[0], range[1], precision, 'relative');
}

/**
 * Rolling windows ending at publication: الساعات (الـ24) الماضية, اليومين الماضيين, الأيام الثلاثة الأخيرة,
 * الـ24 ساعة الماضية, خلال 24 ساعة.
 */
export function recentWindow(c: DateCtx, i: number): Hit | null {
  if (c.pub === null) return null;
  const lex = c.lex;
  let unit: TimeUnit | null = null;
  let n: number | null = null;
  let j = i;
  let pre = 0;
  const k = c.keyIn(i, lex.recentUnits);
  if (k) {
    const u = lex.recentUnits.get(k.key)!;
    unit = u.unit;
    n = u.count;
    pre = k.pre;
    j = i + 1;
    const r = readNumberAt(c.tokens, j);
    if (r && r.last <= c.end && r.value > 0) {
      n = r.value;
      j = r.last;
    }
    if (!c.normIn(j, lex.recentAdjectives)) return null;
    j++;
  } else {
    const within = c.keyIn(i, lex.cues.within);
    const at = within ? i + 1 : i;
    const d = durationAt(c, at);
    // a number must be written: "خلال يومين" (within two days) may well be ahead
    if (!d || d.n === null || lex.durationUnits.has(c.tok(at)!.norm)) return null;
    unit = d.unit;
    n = d.n;
    j = d.last;
    if (c.normIn(j, lex.recentAdjectives)) {
      // "خلال الـ48 ساعة الماضية": the window is read from the number on, like "خلال الساعات الماضية"
      if (within) return null;
      j++;
    } else if (!within || unit !== 'hour') return null;
    if (within) pre = within.pre;
  }
  const days = windowDays(unit, n ?? DEFAULT_COUNT[unit]);
  return c.hit(i, j, pre, c.pub - days, c.pub, precisionOf(days), 'period');
}
