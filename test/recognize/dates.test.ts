import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  dayOf,
  dayOfHijri,
  dayOfIso,
  hijriMonthLength,
  hijriOf,
  isoOf,
  lastWeekday,
  weekdayOf,
} from '../../src/days.js';
import { type DateMention, findDates } from '../../src/recognize/dates.js';
import { makeDoc } from '../../src/text/doc.js';

/** [span text, start, end, precision, kind] */
type Expect = [string, string, string, DateMention['precision'], DateMention['kind']];
type Row = [input: string, published: string | null, expected: Expect[]];

const MON = '2023-10-30'; // a Monday (seed-000)
const FRI = '2023-12-15'; // a Friday (seed-001)

const ROWS: Row[] = [
  // from the seed articles
  ['قاعدة عين الأسد مساء اليوم الإثنين.', MON, [['مساء اليوم الإثنين', MON, MON, 'day', 'relative']]],
  [
    'ونفذت طائرات حربية أميركية الأسبوع الماضي غارات',
    MON,
    [['الأسبوع الماضي', '2023-10-23', '2023-10-29', 'week', 'period']],
  ],
  [
    'أعلنت المقاومة، الجمعة 15 ديسمبر/كانون الأول 2023، استهداف',
    FRI,
    [['الجمعة 15 ديسمبر/كانون الأول 2023', FRI, FRI, 'day', 'absolute']],
  ],
  ['"من 17 أكتوبر إلى 30 منه، تعرضت القوات', MON, [['من 17 أكتوبر إلى 30 منه', '2023-10-17', MON, 'day', 'interval']]],
  ['ووقعت ثلاث هجمات في سوريا منذ الجمعة', MON, [['منذ الجمعة', '2023-10-27', MON, 'day', 'since']]],
  ['خلَّفت، حتى الأربعاء، 18 ألفاً', FRI, [['الأربعاء', '2023-12-13', '2023-12-13', 'day', 'weekday']]],
  [
    'ومنذ 7 أكتوبر/تشرين الأول الماضي، يشنّ',
    FRI,
    [['منذ 7 أكتوبر/تشرين الأول الماضي', '2023-10-07', FRI, 'day', 'since']],
  ],
  ['على غزة منذ 7 أكتوبر/ تشرين الأول.', MON, [['منذ 7 أكتوبر/ تشرين الأول', '2023-10-07', MON, 'day', 'since']]],
  ['23 مرة خلال الشهر الجاري', MON, [['الشهر الجاري', '2023-10-01', MON, 'month', 'period']]],
  ['خلال عطلة نهاية الأسبوع في هجمات', MON, [['عطلة نهاية الأسبوع', '2023-10-27', '2023-10-29', 'week', 'period']]],
  ['ومنذ صيف 2022 توقفت هذه الهجمات', FRI, [['منذ صيف 2022', '2022-06-01', FRI, 'month', 'since']]],
  ['وحتى العام الماضي، تعرضت القواعد', FRI, [['العام الماضي', '2022-01-01', '2022-12-31', 'year', 'period']]],
  // relative days
  ['اليوم', MON, [['اليوم', MON, MON, 'day', 'relative']]],
  // one night across two days
  ['قصفت موقعا ليل السبت- الأحد', MON, [['ليل السبت- الأحد', '2023-10-28', '2023-10-29', 'day', 'weekday']]],
  ['ليل الأربعاء الخميس', FRI, [['ليل الأربعاء الخميس', '2023-12-13', '2023-12-14', 'day', 'weekday']]],
  [
    'ليل الأربعاء والجمعة',
    FRI,
    [
      ['ليل الأربعاء', '2023-12-13', '2023-12-13', 'day', 'weekday'],
      ['الجمعة', FRI, FRI, 'day', 'weekday'],
    ],
  ],
  ['قتل أمس', MON, [['أمس', '2023-10-29', '2023-10-29', 'day', 'relative']]],
  ['بالأمس', MON, [['الأمس', '2023-10-29', '2023-10-29', 'day', 'relative']]],
  ['البارحة', MON, [['البارحة', '2023-10-29', '2023-10-29', 'day', 'relative']]],
  ['أول أمس', MON, [['أول أمس', '2023-10-28', '2023-10-28', 'day', 'relative']]],
  ['الليلة الماضية', MON, [['الليلة الماضية', '2023-10-29', '2023-10-29', 'day', 'relative']]],
  ['أول من أمس', MON, [['أول من أمس', '2023-10-28', '2023-10-28', 'day', 'relative']]],
  ['وقع فجر اليوم', MON, [['فجر اليوم', MON, MON, 'day', 'relative']]],
  ['صباح أمس', MON, [['صباح أمس', '2023-10-29', '2023-10-29', 'day', 'relative']]],
  ['يوم أمس الأحد', MON, [['يوم أمس الأحد', '2023-10-29', '2023-10-29', 'day', 'relative']]],
  ['اليوم الجمعة', FRI, [['اليوم الجمعة', FRI, FRI, 'day', 'relative']]],
  ['قبل يومين', MON, [['قبل يومين', '2023-10-28', '2023-10-28', 'day', 'relative']]],
  ['قبل ثلاثة أيام', MON, [['قبل ثلاثة أيام', '2023-10-27', '2023-10-27', 'day', 'relative']]],
  // two days before another event, which the text does not date here
  ['قبل يومين من الانتخابات', MON, []],
  ['قبل 10 أيام', MON, [['قبل 10 أيام', '2023-10-20', '2023-10-20', 'day', 'relative']]],
  ['قبل أسبوع', MON, [['قبل أسبوع', '2023-10-20', '2023-10-26', 'week', 'relative']]],
  // an approximate count
  ['قبل نحو 10 أيام', MON, [['قبل نحو 10 أيام', '2023-10-20', '2023-10-20', 'day', 'relative']]],
  ['قبل ما يقارب أسبوع', MON, [['قبل ما يقارب أسبوع', '2023-10-20', '2023-10-26', 'week', 'relative']]],
  // weekdays
  ['الإثنين', MON, [['الإثنين', MON, MON, 'day', 'weekday']]],
  ['الاثنين', MON, [['الاثنين', MON, MON, 'day', 'weekday']]],
  ['الثلاثاء', MON, [['الثلاثاء', '2023-10-24', '2023-10-24', 'day', 'weekday']]],
  // the one a week before the last
  ['الثلاثاء قبل الماضي', MON, [['الثلاثاء قبل الماضي', '2023-10-17', '2023-10-17', 'day', 'weekday']]],
  ['الثلاثاء ما قبل الماضي', MON, [['الثلاثاء ما قبل الماضي', '2023-10-17', '2023-10-17', 'day', 'weekday']]],
  ['مساء الإثنين', MON, [['مساء الإثنين', MON, MON, 'day', 'weekday']]],
  ['ليلة الأحد', MON, [['ليلة الأحد', '2023-10-29', '2023-10-29', 'day', 'weekday']]],
  ['صلاة يوم الجمعة', MON, [['يوم الجمعة', '2023-10-27', '2023-10-27', 'day', 'weekday']]],
  ['الجمعة الماضية', FRI, [['الجمعة الماضية', '2023-12-08', '2023-12-08', 'day', 'weekday']]],
  ['السبت المقبل', FRI, [['السبت المقبل', '2023-12-16', '2023-12-16', 'day', 'weekday']]],
  [
    'الخميس والجمعة',
    MON,
    [
      ['الخميس', '2023-10-26', '2023-10-26', 'day', 'weekday'],
      ['الجمعة', '2023-10-27', '2023-10-27', 'day', 'weekday'],
    ],
  ],
  ['الأحد، 29 أكتوبر 2023', MON, [['الأحد، 29 أكتوبر 2023', '2023-10-29', '2023-10-29', 'day', 'absolute']]],
  // periods and windows
  ['هذا الأسبوع', MON, [['هذا الأسبوع', MON, MON, 'week', 'period']]],
  ['الأسبوع الجاري', FRI, [['الأسبوع الجاري', '2023-12-11', FRI, 'week', 'period']]],
  ['الشهر الماضي', MON, [['الشهر الماضي', '2023-09-01', '2023-09-30', 'month', 'period']]],
  ['هذا الشهر', FRI, [['هذا الشهر', '2023-12-01', FRI, 'month', 'period']]],
  ['العام الجاري', FRI, [['العام الجاري', '2023-01-01', FRI, 'year', 'period']]],
  ['خلال الساعات الماضية', MON, [['الساعات الماضية', '2023-10-29', MON, 'day', 'period']]],
  ['خلال الساعات الـ24 الماضية', MON, [['الساعات الـ24 الماضية', '2023-10-29', MON, 'day', 'period']]],
  ['خلال الـ48 ساعة الماضية', MON, [['الـ48 ساعة الماضية', '2023-10-28', MON, 'day', 'period']]],
  ['خلال 24 ساعة', MON, [['خلال 24 ساعة', '2023-10-29', MON, 'day', 'period']]],
  ['في الأيام الأخيرة', MON, [['الأيام الأخيرة', '2023-10-23', MON, 'week', 'period']]],
  ['مطلع الشهر الجاري', MON, [['مطلع الشهر الجاري', '2023-10-01', '2023-10-10', 'month', 'period']]],
  ['منذ يومين', MON, [['منذ يومين', '2023-10-28', MON, 'day', 'since']]],
  ['منذ الأسبوع الماضي', MON, [['منذ الأسبوع الماضي', '2023-10-23', MON, 'week', 'since']]],
  // explicit dates
  ['في ٧ أكتوبر', MON, [['٧ أكتوبر', '2023-10-07', '2023-10-07', 'day', 'absolute']]],
  ['في السابع من أكتوبر', FRI, [['السابع من أكتوبر', '2023-10-07', '2023-10-07', 'day', 'absolute']]],
  ['يوم 15 ديسمبر', FRI, [['يوم 15 ديسمبر', FRI, FRI, 'day', 'absolute']]],
  ['في 7 يناير', MON, [['7 يناير', '2023-01-07', '2023-01-07', 'day', 'absolute']]],
  // within the coming two months a year-less day is ahead (an election, a deadline), further off last year's
  ['في 20 نوفمبر', MON, [['20 نوفمبر', '2023-11-20', '2023-11-20', 'day', 'absolute']]],
  ['في 20 فبراير', MON, [['20 فبراير', '2023-02-20', '2023-02-20', 'day', 'absolute']]],
  ['في السابع من الشهر الحالي', MON, [['السابع من الشهر الحالي', '2023-10-07', '2023-10-07', 'day', 'absolute']]],
  ['في 25 الشهر الماضي', MON, [['25 الشهر الماضي', '2023-09-25', '2023-09-25', 'day', 'absolute']]],
  ['في 29 فبراير', MON, [['29 فبراير', '2020-02-29', '2020-02-29', 'day', 'absolute']]],
  ['3 غشت', MON, [['3 غشت', '2023-08-03', '2023-08-03', 'day', 'absolute']]],
  ['15 آب 2023', FRI, [['15 آب 2023', '2023-08-15', '2023-08-15', 'day', 'absolute']]],
  ['15 ديسمبر 2023م', null, [['15 ديسمبر 2023م', FRI, FRI, 'day', 'absolute']]],
  ['بين 17 و30 أكتوبر', MON, [['بين 17 و30 أكتوبر', '2023-10-17', MON, 'day', 'interval']]],
  ['من 17 إلى 30 أكتوبر', MON, [['من 17 إلى 30 أكتوبر', '2023-10-17', MON, 'day', 'interval']]],
  ['من الإثنين حتى الخميس', FRI, [['من الإثنين حتى الخميس', '2023-12-11', '2023-12-14', 'day', 'interval']]],
  ['15/12/2023', MON, [['15/12/2023', FRI, FRI, 'day', 'absolute']]],
  ['١٥/١٢/٢٠٢٣', null, [['١٥/١٢/٢٠٢٣', FRI, FRI, 'day', 'absolute']]],
  ['بتاريخ 2023-12-15', null, [['2023-12-15', FRI, FRI, 'day', 'absolute']]],
  ['أكتوبر 2023', null, [['أكتوبر 2023', '2023-10-01', '2023-10-31', 'month', 'absolute']]],
  ['تشرين الثاني 2023', null, [['تشرين الثاني 2023', '2023-11-01', '2023-11-30', 'month', 'absolute']]],
  ['أكتوبر (تشرين الأول) 2023', null, [['أكتوبر (تشرين الأول) 2023', '2023-10-01', '2023-10-31', 'month', 'absolute']]],
  ['جانفي 2024', null, [['جانفي 2024', '2024-01-01', '2024-01-31', 'month', 'absolute']]],
  ['في ديسمبر/كانون الأول', FRI, [['ديسمبر/كانون الأول', '2023-12-01', '2023-12-31', 'month', 'absolute']]],
  ['في مارس الماضي', MON, [['مارس الماضي', '2023-03-01', '2023-03-31', 'month', 'absolute']]],
  ['في أكتوبر من العام الماضي', MON, [['أكتوبر من العام الماضي', '2022-10-01', '2022-10-31', 'month', 'absolute']]],
  ['أواخر ديسمبر 2022', null, [['أواخر ديسمبر 2022', '2022-12-21', '2022-12-31', 'month', 'absolute']]],
  ['عام 2020', null, [['عام 2020', '2020-01-01', '2020-12-31', 'year', 'absolute']]],
  ['في 2020', null, [['2020', '2020-01-01', '2020-12-31', 'year', 'absolute']]],
  ['منذ 2014', MON, [['منذ 2014', '2014-01-01', MON, 'year', 'since']]],
  [
    'بين التاسع من كانون الثاني/يناير 2017 و18 كانون الثاني/يناير',
    '2018-06-01',
    [['بين التاسع من كانون الثاني/يناير 2017 و18 كانون الثاني/يناير', '2017-01-09', '2017-01-18', 'day', 'interval']],
  ],
  [
    'من 28 ديسمبر إلى 3 يناير 2018',
    null,
    [['من 28 ديسمبر إلى 3 يناير 2018', '2017-12-28', '2018-01-03', 'day', 'interval']],
  ],
  ['في نيسان أبريل المقبل', MON, [['نيسان أبريل المقبل', '2024-04-01', '2024-04-30', 'month', 'absolute']]],
  // Hijri (tabular calendar)
  ['2 جمادى الآخرة 1445هـ', null, [['2 جمادى الآخرة 1445هـ', FRI, FRI, 'day', 'absolute']]],
  ['1 محرم 1445', null, [['1 محرم 1445', '2023-07-19', '2023-07-19', 'day', 'absolute']]],
  ['خلال شهر رمضان', FRI, [['شهر رمضان', '2023-03-23', '2023-04-21', 'month', 'absolute']]],
  // not dates
  ['رمضان أبو جزر', FRI, []],
  ['في آب', FRI, []],
  ['قال أبي إن', FRI, []],
  ['مارس الضغوط', FRI, []],
  ['في اليوم التالي', FRI, []],
  ['في مثل هذا اليوم', FRI, []],
  ['في نفس اليوم من عام 1980', FRI, [['عام 1980', '1980-01-01', '1980-12-31', 'year', 'absolute']]],
  ['كلا الاثنين', FRI, []],
  ['قتل 2020 شخصا', FRI, []],
  ['أمس ومساء الإثنين', null, []],
];

function check(m: DateMention, text: string) {
  assert.equal(text.slice(m.span.start, m.span.end), m.span.text, 'span must be an exact slice');
  assert.match(m.start, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(m.end, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(m.start <= m.end, `${m.start} <= ${m.end}`);
  assert.ok(m.first < m.last);
}

describe('findDates table', () => {
  for (const [input, published, expected] of ROWS) {
    test(`${input} @${published}`, () => {
      const got = findDates(makeDoc('t', input, published));
      for (const m of got) check(m, input);
      assert.deepEqual(
        got.map((m) => [m.span.text, m.start, m.end, m.precision, m.kind]),
        expected,
      );
    });
  }
});

describe('day arithmetic', () => {
  test('weekdays and ISO in UTC', () => {
    assert.equal(weekdayOf(dayOf(2023, 10, 30)), 1);
    assert.equal(isoOf(lastWeekday(dayOf(2023, 10, 30), 5)), '2023-10-27');
    assert.equal(isoOf(lastWeekday(dayOf(2023, 10, 30), 1)), '2023-10-30');
    assert.equal(dayOfIso('2023-10-30T23:30:00-05:00'), dayOf(2023, 10, 30));
    assert.equal(dayOfIso('2023-02-30'), null);
    assert.equal(dayOfIso('yesterday'), null);
  });

  test('Hijri ↔ Gregorian round trip 1900–2100', () => {
    for (let d = dayOf(1900, 1, 1); d < dayOf(2100, 1, 1); d++) {
      const h = hijriOf(d);
      assert.ok(h.d >= 1 && h.d <= hijriMonthLength(h.y, h.m));
      if (dayOfHijri(h.y, h.m, h.d) !== d) assert.fail(`round trip ${isoOf(d)}`);
    }
    assert.equal(isoOf(dayOfHijri(1444, 9, 1)), '2023-03-23');
  });

  test('mentions carry their sentence; a date-time published is read as its date', () => {
    const got = findDates(makeDoc('t', 'قصف أمس. وتجدد اليوم.', '2023-10-30T22:00:00Z'));
    assert.deepEqual(
      got.map((m) => [m.span.text, m.start, m.sent]),
      [
        ['أمس', '2023-10-29', 0],
        ['اليوم', '2023-10-30', 1],
      ],
    );
  });

  const root = fileURLToPath(new URL('../..', import.meta.url));
  const cldr = join(root, 'corpus/cldr');
  test('calendar.json is what the build script makes from corpus/cldr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-calendar-'));
    try {
      const out = join(dir, 'calendar.json');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-calendar.ts', '--cldr', cldr, '--out', out],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(join(root, 'data/lexicons/calendar.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('property', () => {
  const pieces = [
    ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىةؤئـ',
    ...'0123456789٠١٢٣٤٥٦٧٨٩',
    ...'\u064b\u064e\u064f\u0650\u0651\u0652\u200f',
    ...' ,.،:/-()"\n',
    'و',
    'الـ',
    'منذ',
    'من',
    'إلى',
    'بين',
    'يوم',
    'مساء',
    'اليوم',
    'أمس',
    'الجمعة',
    'الإثنين',
    'أكتوبر',
    'كانون الأول',
    'آب',
    'رمضان',
    'شهر',
    'عام',
    'الأسبوع الماضي',
    'الساعات',
    'الماضية',
    'قبل',
    'يومين',
    'مطلع',
    'صيف',
    '2023',
    '15',
    '31',
    '1445',
    'هـ',
  ];
  const published = fc.constantFrom(
    null,
    '2023-10-30',
    '2024-02-29',
    '2023-01-01',
    '2000-12-31',
    'bad',
    '2023-10-30T23:59:59+05:00',
  );
  test('findDates never throws, spans are exact, intervals are ordered', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), published, (parts, pub) => {
        const text = parts.join(' ');
        const doc = makeDoc('p', text, pub);
        let prevLast = 0;
        for (const m of findDates(doc)) {
          check(m, text);
          assert.ok(m.first >= prevLast, 'mentions do not overlap');
          prevLast = m.last;
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), published, (parts, pub) => {
        const text = parts.join('');
        for (const m of findDates(makeDoc('p', text, pub))) check(m, text);
      }),
      { numRuns: 1000 },
    );
  });
});
