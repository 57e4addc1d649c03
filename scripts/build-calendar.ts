/**
 * Builds data/lexicons/calendar.json: normalised Arabic month names (Gregorian in every regional naming, Hijri)
 * → month number, weekday names → 0 (Sunday) … 6 (Saturday), day-period adverbs, and the relative-date phrase
 * tables the date recognizer reads.
 *
 * Raw material: CLDR calendar names (cldr_ar_calendar_names.json, Unicode License v3): months per Arabic locale
 * (يناير…, كانون الثاني…, جانفي…, غشت…), Hijri months, weekdays, day periods. Spelling variants and the
 * relative expressions (أمس, الأسبوع الماضي, منذ…) are added from the tables below (not from CLDR). Output is
 * sorted, so reruns are byte-identical.
 *
 *   node --import tsx scripts/build-calendar.ts [--cldr DIR] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeString } from '../src/lang/ar/normalize.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const cldrDir = resolve(arg('--cldr') ?? process.env.RASD_CLDR_DIR ?? join(root, 'corpus/cldr'));
const outFile = resolve(arg('--out') ?? join(root, 'data/lexicons/calendar.json'));

interface LocaleNames {
  months_wide?: string[];
  months_standalone_wide?: string[];
  days_wide?: Record<string, string>;
  dayPeriods_wide?: Record<string, string>;
}
const cldr: Record<string, LocaleNames> = JSON.parse(
  readFileSync(join(cldrDir, 'cldr_ar_calendar_names.json'), 'utf8'),
);
const n = normalizeString;

function addTo(map: Map<string, number>, name: string, value: number) {
  const k = n(name);
  const had = map.get(k);
  if (had !== undefined && had !== value) throw new Error(`${name}: ${had} vs ${value}`);
  map.set(k, value);
}

// --- months and weekdays from CLDR ---
const gregorian = new Map<string, number>();
const hijri = new Map<string, number>();
const weekdays = new Map<string, number>();
const dayPartsAfter = new Set<string>();
const DOW: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
for (const [locale, names] of Object.entries(cldr).sort()) {
  const target = locale.startsWith('islamic') ? hijri : gregorian;
  for (const list of [names.months_wide, names.months_standalone_wide]) {
    list?.forEach((m, k) => {
      addTo(target, m, k + 1);
    });
  }
  for (const [d, name] of Object.entries(names.days_wide ?? {})) addTo(weekdays, name, DOW[d]);
  // single-word day-period adverbs (صباحًا, ظهرًا, مساءً, ليلاً) may follow a date: "الإثنين مساءً"
  for (const p of Object.values(names.dayPeriods_wide ?? {})) {
    const k = n(p);
    if (!k.includes(' ') && k.length > 2) dayPartsAfter.add(k);
  }
}

// --- SUPPLEMENT: spellings CLDR does not list (not from CLDR) ---
const GREGORIAN_VARIANTS: [string, number][] = [
  ['إبريل', 4],
  ['ابريل', 4],
  ['يونيه', 6],
  ['يوليه', 7],
  ['أغسطس', 8],
  ['اغسطس', 8],
  ['سبتمبر', 9],
  ['اكتوبر', 10],
  ['نوفمبر', 11],
  ['ديسمبر', 12],
  ['كانون ثاني', 1],
  ['تشرين أول', 10],
  ['تشرين ثاني', 11],
  ['كانون أول', 12],
];
for (const [m, v] of GREGORIAN_VARIANTS) addTo(gregorian, m, v);
const HIJRI_VARIANTS: [string, number][] = [
  ['ربيع الثاني', 4],
  ['ربيع الأخير', 4],
  ['جمادى الأول', 5],
  ['جمادى الثانية', 6],
  ['جمادى الآخر', 6],
  ['ذي القعدة', 11],
  ['ذا القعدة', 11],
  ['ذي الحجة', 12],
  ['ذا الحجة', 12],
];
for (const [m, v] of HIJRI_VARIANTS) addTo(hijri, m, v);
for (const p of ['فجرا', 'عصرا', 'ليلا']) dayPartsAfter.add(n(p));

/** Gregorian names that are also common words (آب "father", مارس "practised", نيسان the car maker…): accepted
 * only next to a day number, a year, the word شهر or an alternative month name. Every Hijri month needs it too
 * (صفر "zero", رمضان/رجب/شعبان are personal names). */
const NEEDS_CONTEXT = ['آب', 'مارس', 'ماي', 'جوان', 'نيسان', 'أوت'];

const RELATIVE_DAYS: [string, number][] = [
  ['اليوم', 0],
  ['أمس', -1],
  ['الأمس', -1],
  ['البارحة', -1],
  ['أول أمس', -2],
  ['أول من أمس', -2],
  ['أمس الأول', -2],
  // last night is yesterday's evening, as ACLED dates it
  ['الليلة الماضية', -1],
  ['الليلة الفائتة', -1],
  ['غدا', 1],
];
/** [phrase, unit, offset]: calendar weeks (Monday–Sunday), months, years relative to publication */
const PERIODS: [string, string, number][] = [];
const PAST = ['الماضي', 'المنصرم', 'الفائت', 'المنقضي'];
const CURRENT = ['الجاري', 'الحالي'];
const NEXT = ['المقبل', 'القادم'];
for (const [noun, unit, fem] of [
  ['الأسبوع', 'week', false],
  ['الشهر', 'month', false],
  ['العام', 'year', false],
  ['السنة', 'year', true],
] as const) {
  const adj = (a: string) => (fem ? `${a}ة` : a);
  for (const a of PAST) PERIODS.push([`${noun} ${adj(a)}`, unit, -1]);
  for (const a of CURRENT) PERIODS.push([`${noun} ${adj(a)}`, unit, 0]);
  for (const a of NEXT) PERIODS.push([`${noun} ${adj(a)}`, unit, 1]);
  PERIODS.push([`${fem ? 'هذه' : 'هذا'} ${noun}`, unit, 0]);
}
const WEEKEND = ['عطلة نهاية الأسبوع', 'نهاية الأسبوع', 'عطلة آخر الأسبوع'];
/** [word, unit, count implied by the form (null: a number must precede)] */
const DURATION_UNITS: [string, string, number | null][] = [
  ['ساعة', 'hour', 1],
  ['ساعات', 'hour', null],
  ['ساعتين', 'hour', 2],
  ['ساعتان', 'hour', 2],
  ['يوم', 'day', 1],
  ['يوما', 'day', 1],
  ['أيام', 'day', null],
  ['يومين', 'day', 2],
  ['يومان', 'day', 2],
  ['أسبوع', 'week', 1],
  ['أسبوعا', 'week', 1],
  ['أسابيع', 'week', null],
  ['أسبوعين', 'week', 2],
  ['أسبوعان', 'week', 2],
  ['شهر', 'month', 1],
  ['شهرا', 'month', 1],
  ['أشهر', 'month', null],
  ['شهور', 'month', null],
  ['شهرين', 'month', 2],
  ['شهران', 'month', 2],
  ['عام', 'year', 1],
  ['عاما', 'year', 1],
  ['أعوام', 'year', null],
  ['عامين', 'year', 2],
  ['عامان', 'year', 2],
  ['سنة', 'year', 1],
  ['سنوات', 'year', null],
  ['سنين', 'year', null],
  ['سنتين', 'year', 2],
  ['سنتان', 'year', 2],
];
/** definite plural/dual units of a rolling window: "الساعات الماضية", "اليومين الماضيين" */
const RECENT_UNITS: [string, string, number | null][] = [
  ['الساعات', 'hour', null],
  ['الساعتين', 'hour', 2],
  ['الأيام', 'day', null],
  ['اليومين', 'day', 2],
  ['الأسابيع', 'week', null],
  ['الأسبوعين', 'week', 2],
  ['الأشهر', 'month', null],
  ['الشهور', 'month', null],
  ['الشهرين', 'month', 2],
];
const RECENT_ADJECTIVES = [
  'الماضية',
  'الماضيين',
  'الماضي',
  'الأخيرة',
  'الأخيرين',
  'الأخير',
  'المنصرمة',
  'المنصرمين',
  'الفائتة',
  'المنقضية',
];
const DAY_PARTS_BEFORE = [
  'فجر',
  'صباح',
  'صبيحة',
  'ضحى',
  'ظهر',
  'ظهيرة',
  'عصر',
  'مساء',
  'عشية',
  'ليل',
  'ليلة',
  'منتصف ليل',
];
const PARTS: [string, string][] = [
  ['مطلع', 'early'],
  ['بداية', 'early'],
  ['أوائل', 'early'],
  ['منتصف', 'mid'],
  ['أواسط', 'mid'],
  ['أواخر', 'late'],
  ['نهاية', 'late'],
];
/** [word, first month, last month] of a season (winter spans the new year: December of the year before) */
const SEASONS: [string, number, number][] = [
  ['ربيع', 3, 5],
  ['صيف', 6, 8],
  ['خريف', 9, 11],
  ['شتاء', 12, 2],
];
const CUES: Record<string, string[]> = {
  since: ['منذ'],
  from: ['من'],
  between: ['بين'],
  to: ['إلى', 'حتى', 'لغاية', 'وحتى', 'ولغاية'],
  ago: ['قبل'],
  within: ['خلال', 'طوال', 'طيلة'],
  day: ['يوم'],
  month: ['شهر'],
  year: ['عام', 'العام', 'سنة', 'السنة'],
  of: ['من'],
  sameMonth: ['منه', 'ذاته', 'نفسه'],
  equals: ['الموافق'],
  eraGregorian: ['م', 'ميلادي', 'ميلادية'],
  eraHijri: ['ه', 'هجري', 'هجرية'],
  /** a bare year (2020) is a date only after one of these */
  bareYearPrev: [
    'في',
    'خلال',
    'منذ',
    'حتى',
    'قبل',
    'بعد',
    'مطلع',
    'بداية',
    'نهاية',
    'أواخر',
    'أوائل',
    'منتصف',
    'بحلول',
  ],
  past: PAST.flatMap((a) => [a, `${a}ة`]),
  current: CURRENT.flatMap((a) => [a, `${a}ة`]),
  next: NEXT.flatMap((a) => [a, `${a}ة`]),
  /** اليوم followed by these is "the next day", "World Day", not today */
  todayBlockNext: [
    'التالي',
    'السابق',
    'الأول',
    'الثاني',
    'الثالث',
    'الرابع',
    'الخامس',
    'السادس',
    'السابع',
    'الأخير',
    'العالمي',
    'الدولي',
    'الوطني',
    'نفسه',
    'ذاته',
    'الموعود',
  ],
  /** ذلك اليوم "that day", نفس اليوم "the same day", في مثل هذا اليوم "on this day (in history)" */
  todayBlockPrev: ['ذلك', 'تلك', 'مثل', 'نفس', 'ذات'],
  /** كلا الاثنين "both", الواحد الأحد "the One" */
  weekdayBlockPrev: ['كلا', 'الواحد'],
};

const sortPairs = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const words = (xs: string[]) => [...new Set(xs.map(n))].sort();
const out = {
  $comment:
    'Generated by scripts/build-calendar.ts from CLDR calendar names (Unicode License v3) plus the supplement tables in that script. Do not edit by hand.',
  gregorian: Object.fromEntries(sortPairs(gregorian)),
  hijri: Object.fromEntries(sortPairs(hijri)),
  needsContext: words(NEEDS_CONTEXT),
  weekdays: Object.fromEntries(sortPairs(weekdays)),
  dayPartsBefore: words(DAY_PARTS_BEFORE),
  dayPartsAfter: [...dayPartsAfter].sort(),
  relativeDays: RELATIVE_DAYS.map(([p, o]) => [n(p), o]),
  periods: PERIODS.map(([p, u, o]) => [n(p), u, o]),
  weekend: words(WEEKEND),
  durationUnits: DURATION_UNITS.map(([w, u, c]) => [n(w), u, c]),
  recentUnits: RECENT_UNITS.map(([w, u, c]) => [n(w), u, c]),
  recentAdjectives: words(RECENT_ADJECTIVES),
  parts: PARTS.map(([w, p]) => [n(w), p]),
  seasons: SEASONS.map(([w, a, b]) => [n(w), a, b]),
  cues: Object.fromEntries(Object.entries(CUES).map(([k, v]) => [k, words(v)])),
};
writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
console.log(
  `wrote ${outFile}: ${gregorian.size} Gregorian and ${hijri.size} Hijri month names, ${weekdays.size} weekday names`,
);
