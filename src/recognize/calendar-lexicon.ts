/** The calendar lexicon (data/lexicons/calendar.json), compiled once into Maps and phrase tables on first use. */
import { readLexiconJson } from '../data.js';
import { numberLexicon } from './number-lexicon.js';
import { PhraseTable } from './phrase-table.js';

export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'year';
export type PeriodUnit = 'week' | 'month' | 'year';
export type Part = 'early' | 'mid' | 'late';

export interface MonthName {
  cal: 'g' | 'h';
  month: number;
  /** a common word too (آب, مارس, صفر, رمضان…): a date only next to a day, a year, شهر or another month name */
  needsContext: boolean;
}

export interface UnitWord {
  unit: TimeUnit;
  /** count the form implies (يوم 1, يومين 2), null when a number must give it (أيام) */
  count: number | null;
}

type CueName =
  | 'since'
  | 'from'
  | 'between'
  | 'to'
  | 'ago'
  | 'within'
  | 'day'
  | 'month'
  | 'year'
  | 'of'
  | 'sameMonth'
  | 'equals'
  | 'eraGregorian'
  | 'eraHijri'
  | 'bareYearPrev'
  | 'past'
  | 'current'
  | 'next'
  | 'todayBlockNext'
  | 'todayBlockPrev'
  | 'weekdayBlockPrev';

interface CalendarJson {
  gregorian: Record<string, number>;
  hijri: Record<string, number>;
  needsContext: string[];
  weekdays: Record<string, number>;
  dayPartsBefore: string[];
  dayPartsAfter: string[];
  relativeDays: [string, number][];
  periods: [string, PeriodUnit, number][];
  weekend: string[];
  durationUnits: [string, TimeUnit, number | null][];
  recentUnits: [string, TimeUnit, number | null][];
  recentAdjectives: string[];
  parts: [string, Part][];
  seasons: [string, number, number][];
  cues: Record<CueName, string[]>;
}

export interface CalendarLexicon {
  months: PhraseTable<MonthName>;
  weekdays: Map<string, number>;
  dayPartsBefore: PhraseTable<true>;
  dayPartsAfter: Set<string>;
  relativeDays: PhraseTable<number>;
  periods: PhraseTable<{ unit: PeriodUnit; offset: number }>;
  weekend: PhraseTable<true>;
  durationUnits: Map<string, UnitWord>;
  recentUnits: Map<string, UnitWord>;
  recentAdjectives: Set<string>;
  parts: Map<string, Part>;
  seasons: Map<string, [number, number]>;
  cues: Record<CueName, Set<string>>;
  /** every word (proclitics removed) that can start a date expression */
  starts: Set<string>;
  /** the same without the words only the since/interval wrappers start with (منذ, من, بين) */
  coreStarts: Set<string>;
}

let lexicon: CalendarLexicon | null = null;

export function calendarLexicon(): CalendarLexicon {
  if (lexicon) return lexicon;
  const j = readLexiconJson<CalendarJson>('calendar.json');
  const ctx = new Set(j.needsContext);
  const months = new PhraseTable<MonthName>();
  for (const [name, month] of Object.entries(j.gregorian))
    months.add(name, { cal: 'g', month, needsContext: ctx.has(name) });
  for (const [name, month] of Object.entries(j.hijri)) months.add(name, { cal: 'h', month, needsContext: true });
  const cues = Object.fromEntries(Object.entries(j.cues).map(([k, v]) => [k, new Set(v)])) as Record<
    CueName,
    Set<string>
  >;
  const units = (xs: [string, TimeUnit, number | null][]) =>
    new Map(xs.map(([w, unit, count]): [string, UnitWord] => [w, { unit, count }]));
  const lex: CalendarLexicon = {
    months,
    weekdays: new Map(Object.entries(j.weekdays)),
    dayPartsBefore: new PhraseTable(j.dayPartsBefore.map((p) => [p, true as const])),
    dayPartsAfter: new Set(j.dayPartsAfter),
    relativeDays: new PhraseTable(j.relativeDays),
    periods: new PhraseTable(j.periods.map(([p, unit, offset]) => [p, { unit, offset }])),
    weekend: new PhraseTable(j.weekend.map((p) => [p, true as const])),
    durationUnits: units(j.durationUnits),
    recentUnits: units(j.recentUnits),
    recentAdjectives: new Set(j.recentAdjectives),
    parts: new Map(j.parts),
    seasons: new Map(j.seasons.map(([w, a, b]): [string, [number, number]] => [w, [a, b]])),
    cues,
    starts: new Set(),
    coreStarts: new Set(),
  };
  const core = lex.coreStarts;
  for (const t of [lex.months, lex.dayPartsBefore, lex.relativeDays, lex.periods, lex.weekend]) {
    for (const w of t.firstWords()) core.add(w);
  }
  for (const m of [lex.weekdays, lex.recentUnits, lex.parts, lex.seasons]) for (const w of m.keys()) core.add(w);
  for (const c of ['ago', 'within', 'day', 'month', 'year'] as const) for (const w of cues[c]) core.add(w);
  const nums = numberLexicon();
  for (const w of nums.articles) core.add(w);
  for (const [w, n] of nums.words) if (n.kind.startsWith('ordinal')) core.add(w);
  for (const w of core) lex.starts.add(w);
  for (const c of ['since', 'from', 'between'] as const) for (const w of cues[c]) lex.starts.add(w);
  lexicon = lex;
  return lex;
}
