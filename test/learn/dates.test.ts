/**
 * When each event happened: sentences written for this test (not taken from the corpora), each reporting one
 * event, with the publication date, through extract(); the event's date interval as the annotation guide and the
 * corpus conventions give it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';

// [sentence, published, expected start, expected end]
const DATES: [string, string, string, string][] = [
  // the day a statement was made gives way to the day of the act it reports
  [
    'أعلنت وزارة الداخلية في بيان السبت مقتل شرطي في انفجار عبوة ناسفة استهدفت دورية في مدينة العريش الجمعة.',
    '2018-08-11',
    '2018-08-10',
    '2018-08-10',
  ],
  [
    'أعلنت الشرطة المصرية، الأحد، القبض على خلية نفذت هجوما انتحاريا على كنيسة في مدينة الإسكندرية يوم السبت.',
    '2018-08-12',
    '2018-08-11',
    '2018-08-11',
  ],
  // the act's own day after its verb
  ['قال الجيش إن طائراته قصفت مواقع للمسلحين في مدينة الرقة يوم الخميس.', '2018-08-12', '2018-08-09', '2018-08-09'],
  // only the statement's day: that day
  ['أعلنت الشرطة، الأحد، مقتل شخصين في انفجار سيارة مفخخة في مدينة بنغازي.', '2018-08-12', '2018-08-12', '2018-08-12'],
  // a date in a motive clause is the act replied to's, not this one's (nor the narrative's)
  [
    'قصفت طائرات حربية مواقع في مدينة حمص ردا على هجوم كيماوي الأسبوع الماضي.',
    '2018-04-14',
    '2018-04-14',
    '2018-04-14',
  ],
  // relative to publication
  ['قتل ثلاثة مدنيين في قصف مدفعي على بلدة في ريف إدلب أمس.', '2018-08-12', '2018-08-11', '2018-08-11'],
  ['قتل جندي في هجوم مسلح على حاجز في مدينة الموصل فجر اليوم.', '2018-08-12', '2018-08-12', '2018-08-12'],
  // last week is the Monday–Sunday week before the one holding publication
  ['قتل ثلاثة جنود في هجوم مسلح على حاجز في مدينة الحديدة الأسبوع الماضي.', '2018-10-01', '2018-09-24', '2018-09-30'],
  ['قتل ثلاثة جنود في هجوم مسلح على حاجز في مدينة الحديدة الأسبوع الماضي.', '2018-10-06', '2018-09-24', '2018-09-30'],
  // a day of this month or last month
  [
    'وتعرضت مدينة دوما في السابع من الشهر الحالي لقصف مدفعي أدى إلى مقتل عشرة مدنيين.',
    '2018-04-15',
    '2018-04-07',
    '2018-04-07',
  ],
  ['قتل جندي في هجوم مسلح على حاجز في مدينة الموصل في 28 الشهر الماضي.', '2018-04-05', '2018-03-28', '2018-03-28'],
  // a day without a year in the coming weeks is ahead, not last year's: not background, and no event's date
  [
    'وقتل جندي في هجوم مسلح على حاجز في مدينة الموصل قبل الانتخابات المقررة في 25 تموز.',
    '2018-07-10',
    '2018-07-10',
    '2018-07-10',
  ],
  [
    'وستجرى الانتخابات في 25 تموز. وقتل جندي في هجوم مسلح على حاجز في مدينة الموصل أمس.',
    '2018-07-10',
    '2018-07-09',
    '2018-07-09',
  ],
  // "ago" counts back from publication, not from another event
  ['قتل شرطيان في تفجير استهدف موكبا في مدينة الإسكندرية قبل يومين.', '2018-03-25', '2018-03-23', '2018-03-23'],
  [
    'قتل شرطيان في تفجير استهدف موكبا في مدينة الإسكندرية قبل يومين من الانتخابات الرئاسية.',
    '2018-03-25',
    '2018-03-25',
    '2018-03-25',
  ],
  // a month counted from publication dates the act it comes before, not the tally it follows further on
  [
    'وقال مسؤول إن الوضع متوتر في المنطقة. وأضاف أن التحقيقات جارية. والشهر الماضي قتلت الشرطة أربعة مسلحين هاجموا مقرا للشرطة في مدينة الموصل.',
    '2018-06-15',
    '2018-05-01',
    '2018-05-31',
  ],
  [
    'وقال مسؤول إن الوضع متوتر في المنطقة. وأضاف أن التحقيقات جارية. وشنت طائرة مسيرة غارة على سيارة في مدينة مأرب في سابع غارة من نوعها في اليمن هذا الشهر.',
    '2018-06-15',
    '2018-06-15',
    '2018-06-15',
  ],
  ['قتل جندي في هجوم مسلح على حاجز في مدينة الموصل الليلة الماضية.', '2018-08-12', '2018-08-11', '2018-08-11'],
  ['قتل جندي في هجوم مسلح على حاجز في مدينة الموصل مساء أمس.', '2018-08-12', '2018-08-11', '2018-08-11'],
  // a weekday is the latest such day on or before publication
  ['قتل جندي في هجوم مسلح على حاجز في مدينة الموصل الثلاثاء.', '2018-08-12', '2018-08-07', '2018-08-07'],
];

test('a lead dated by its report and the next sentence dating the act are one event, on the day of the act', () => {
  const lead = 'أعلنت مصادر ميدانية، السبت، عن مقتل قيادي في الميليشيات في غارة جوية على مدينة الحديدة.';
  const one = extract(
    {
      id: 't',
      text: `${lead} وقالت المصادر إن القيادي قتل مع عدد من مرافقيه في غارة، الخميس الماضي، في مدينة الحديدة.`,
      published: '2018-10-13',
    },
    't',
    { models: null },
  );
  assert.deepEqual(
    one.events.map((e) => [e.date.start, e.date.end]),
    [['2018-10-11', '2018-10-11']],
  );
});

test('event dates: the act, not the statement; relative days and weekdays against publication', () => {
  for (const [text, published, start, end] of DATES) {
    const r = extract({ id: 't', text, published }, 't', { models: null });
    assert.equal(r.events.length, 1, `one event in: ${text}`);
    assert.deepEqual([r.events[0].date.start, r.events[0].date.end], [start, end], text);
  }
});

test('an event dated by a week takes the one day the article names inside it', () => {
  const text =
    'قال الأمين العام لحزب الله اليوم الاثنين إن هجوما صاروخيا من سوريا على مواقع إسرائيلية في هضبة الجولان الأسبوع الماضي مثل مرحلة جديدة. وكانت إسرائيل أعلنت أن دفاعاتها اعترضت 20 صاروخا في الهجوم الذي وقع الخميس الماضي.';
  const r = extract({ id: 't', text, published: '2018-05-14' }, 't', { models: null });
  const golan = r.events.find((e) => e.location?.name === 'Golan Heights');
  assert.ok(golan, 'the attack on the Golan is an event');
  assert.deepEqual([golan.date.start, golan.date.end, golan.date.precision], ['2018-05-10', '2018-05-10', 'day']);
});
