/**
 * Which events, and where: sentences written for the purpose, one table per decision (a new event or background, a
 * threat or plan, a tally, a protest against strikes; one event per place and day; the place among anchors, routes,
 * borders, affiliations, capitals and namesakes), and the shipped place model's floor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';
import { readModels } from '../../src/learn/decide.js';

const PUBLISHED = '2018-06-10';
/**
 * [sub-type, place, day] of each event the rules give; the place as the text names it (the mention that placed it),
 * without its frame word, so that the tables read the same whichever gazetteer entry the name resolves to
 */
const events = (text: string) =>
  extract({ id: 't', text, published: PUBLISHED }, 't', { models: null }).events.map((e) => [
    e.subtype,
    e.location?.evidence?.text.replace(/^(مدينة|بلدة|قرية|مديرية|محافظة) /, '') ?? null,
    e.date.start,
  ]);

test('a new event or background: a pluperfect inside the month is reported, an older or undated past is not', () => {
  const table: [string, unknown[]][] = [
    ['قصفت طائرات التحالف مواقع للحوثيين في مدينة صعدة أمس.', [['air_drone_strike', 'صعدة', '2018-06-09']]],
    // "وكان … قد" with a day inside 31 days: background the article still reports
    [
      'وكانت طائرات التحالف قد قصفت مواقع للحوثيين في مدينة صعدة يوم الخميس الماضي.',
      [['air_drone_strike', 'صعدة', '2018-06-07']],
    ],
    // more than 31 days before publication, or a year: history
    ['وكانت طائرات التحالف قد قصفت مواقع للحوثيين في مدينة صعدة في آذار/مارس الماضي.', []],
    ['وفي السابق قصفت طائرات التحالف مواقع للحوثيين في مدينة صعدة عام 2015.', []],
    // an older date beside the act's own recent day measures a comparison ("الأعنف منذ عام 2015"), not the act
    [
      'قصفت طائرات التحالف، مساء أمس، مواقع للحوثيين في مدينة صعدة، في أعنف قصف تشهده المدينة منذ عام 2015.',
      [['air_drone_strike', 'صعدة', '2018-06-09']],
    ],
    // nearest the act, the old date is the act's: history
    ['وأعلن الجيش أمس أن طائرات التحالف قصفت مواقع في مدينة صعدة عام 2015.', []],
    // a pluperfect aside does not move the story's date: the next sentence about another act is on the story's day
    [
      'قصفت طائرات التحالف مواقع في مدينة صعدة أمس. وكانت الطائرات قد قصفت مدينة حجة يوم الخميس الماضي. ' +
        'من جهته أفاد مصدر محلي بمقتل ثلاثة مسلحين في اشتباكات في مدينة عمران.',
      [
        ['air_drone_strike', 'صعدة', '2018-06-09'],
        ['air_drone_strike', 'حجة', '2018-06-07'],
        ['armed_clash', 'عمران', '2018-06-09'],
      ],
    ],
    // an act a relative clause tells with its own day is its own event, on that day
    [
      'قصفت طائرات التحالف مواقع في مدينة صعدة أمس عشية تشييع القيادي الذي قتل في غارة على مدينة حجة يوم الخميس الماضي.',
      [
        ['air_drone_strike', 'صعدة', '2018-06-09'],
        ['air_drone_strike', 'حجة', '2018-06-07'],
      ],
    ],
    // … but the sentence that goes on about the same kind of act is on the aside's day
    [
      'قصفت طائرات التحالف مواقع في مدينة صعدة أمس. وكانت الطائرات قد قصفت مدينة حجة يوم الخميس الماضي. ' +
        'وقصفت الطائرات أيضا مواقع في مدينة عمران.',
      [
        ['air_drone_strike', 'صعدة', '2018-06-09'],
        ['air_drone_strike', 'حجة', '2018-06-07'],
        ['air_drone_strike', 'عمران', '2018-06-07'],
      ],
    ],
  ];
  for (const [text, expected] of table) assert.deepEqual(events(text), expected, text);
});

test('threats, calls, plans and tallies are not events; a protest against strikes is a protest', () => {
  const none = [
    // a pattern of acts, the adverb before or after the verb
    'وقصفت إسرائيل مرارا مواقع قريبة من مطار دمشق الدولي.',
    'واستهدفت الطائرات مرات عدة مواقع في مدينة صعدة.',
    'وتقصف الطائرات بانتظام مواقع في مدينة صعدة.',
    'دعت الأمم المتحدة إلى وقف الغارات على مدينة الحديدة.',
    'تستعد القوات الحكومية للمعركة المرتقبة في مدينة الحديدة.',
    'هددت الجماعة بقصف مدينة مأرب إذا استمر الهجوم.',
    'أحصى المرصد 23 هجوما على مدينة إدلب منذ بداية العام.',
    // a pledge, an obligation, a condition, a denial that reaches over its subject
    'وتتعهد روسيا بإسقاط أي صاروخ يطلق على مدينة دمشق.',
    'وقال إن المفاوضات يجب أن تقود إلى انسحاب الحوثيين من مدينة الحديدة.',
    'وقال الوزير إن بلاده ستدمر طهران إن أقدمت إيران على مهاجمة مدينة حيفا.',
    'ونفى حزب الله اللبناني أمس مقتل أي من مقاتليه في مدينة صعدة.',
    // a habit or a past no day is given for: what happens, not what happened
    'وسبق لإسرائيل أن نفذت غارات جوية على مواقع عسكرية في مدينة حمص.',
    'وما زال التنظيم ينفذ اغتيالات وتفجيرات في مدينة الموصل.',
    // figures of speech: a diplomatic strike, a cyber attack; a withdrawal from a deal
    'وتحدثت الصحف أمس عن الضربة الديبلوماسية التي وجهها عباس لتل أبيب وواشنطن.',
    'ووجه الرئيس الفلسطيني أمس ضربة دبلوماسية قوية لتل أبيب.',
    'تعرضت مواقع حكومية في مدينة الرياض أمس لهجوم إلكتروني.',
    'وتناولت الصحيفة أمس تداعيات الانسحاب الأمريكي من الاتفاق النووي مع طهران.',
    // who holds a place is no act of taking it
    'وتتوزع المحافظة بين مناطق تحت سيطرة القوات الحكومية في مدينة دير الزور وأخرى خاضعة لسيطرة الأكراد أمس.',
    // taken half a year ago ("قبل نحو 6 أشهر"): history
    'وسيطر الجيش الحكومي على مدينة دير الزور قبل نحو 6 أشهر.',
    // a game told in war's words
    'سيحاول لاعبو المنتخب السيطرة على وسط الملعب في مدينة زيوريخ أمس.',
  ];
  for (const text of none) assert.deepEqual(events(text), [], text);
  // a bomb at a match is an event
  assert.deepEqual(events('قتل خمسة أشخاص بانفجار قنبلة في ملعب لكرة القدم في مدينة مقديشو أمس أثناء مباراة.'), [
    ['remote_explosive_landmine_ied', 'مقديشو', '2018-06-09'],
  ]);
  assert.deepEqual(events('تظاهر المئات في مدينة تعز أمس احتجاجاً على الغارات التي تستهدف المدنيين.'), [
    ['peaceful_protest', 'تعز', '2018-06-09'],
  ]);
});

test('"اعتداء" names one attack; its plural counts several', () => {
  assert.deepEqual(events('استهدف اعتداء انتحاري مساء أمس لقاء انتخابيا في مدينة بيشاور وتسبب بمقتل 22 شخصا.'), [
    ['suicide_bomb', 'بيشاور', '2018-06-09'],
  ]);
  assert.deepEqual(events('تعرضت مدينة بيشاور لاعتداءات عدة خلال الشهر الماضي.'), []);
  // attacks on one day in one place are that day's event; the day a statement about attacks was made dates none
  assert.deepEqual(events('قتل 220 شخصا في سلسلة هجمات انتحارية نفذها التنظيم في مدينة السويداء أمس.'), [
    ['suicide_bomb', 'السويداء', '2018-06-09'],
  ]);
  assert.deepEqual(
    events('وأعلن المتحدث باسم الخارجية أمس أن الهجمات على القواعد الأمريكية في مدينة أربيل رد طبيعي.'),
    [],
  );
});

test('one event per place and day: a list of far places, two acts in one sentence, a follow-up sentence', () => {
  const table: [string, unknown[]][] = [
    [
      'شنت طائرات التحالف غارات على مواقع الحوثيين في مدينتي صعدة وتعز أمس.',
      [
        ['air_drone_strike', 'صعدة', '2018-06-09'],
        ['air_drone_strike', 'وتعز', '2018-06-09'],
      ],
    ],
    [
      'اعتقلت قوات الأمن ثلاثة مسلحين في مدينة الموصل أمس. وقتل جندي في اشتباك مع مسلحين في مدينة كركوك أمس.',
      [
        ['arrests', 'الموصل', '2018-06-09'],
        ['armed_clash', 'كركوك', '2018-06-09'],
      ],
    ],
    // a truce reached at the place of the day's strikes is its own event
    [
      'شنت الطائرات الإسرائيلية غارات على مواقع في قطاع غزة أمس. وأعلن مصدر مصري أمس التوصل إلى اتفاق لوقف إطلاق النار في قطاع غزة.',
      [
        ['air_drone_strike', 'قطاع غزة', '2018-06-09'],
        ['agreement', 'قطاع غزة', '2018-06-09'],
      ],
    ],
    // the second sentence adds a toll to the same strike at the same place and day
    [
      'قصفت طائرات التحالف مواقع في مدينة صعدة أمس. وقالت مصادر محلية إن الغارات على صعدة أسفرت عن مقتل خمسة مسلحين.',
      [['air_drone_strike', 'صعدة', '2018-06-09']],
    ],
  ];
  for (const [text, expected] of table) assert.deepEqual(events(text), expected, text);
  const places = (text: string) => events(text).map((e) => e[1]);
  // the towns of one list, however near each other and wherever the list stands in the sentence: one event each
  assert.deepEqual(places('وتعرضت مدن وبلدات نوى وكحيل ونصيب وطفس أمس لعشرات الغارات الجوية.'), [
    'نوى',
    'وكحيل',
    'ونصيب',
    'وطفس',
  ]);
  assert.deepEqual(places('قصفت الطائرات أمس بلدات نوى وكحيل وطفس وبصرى الشام في ريف درعا.').length, 4);
  // two places not joined as a list, near each other: one place
  assert.equal(places('قصفت الطائرات أمس بلدة طفس قرب مدينة درعا.').length, 1);
  // two acts, two far places: each its own event
  assert.deepEqual(
    places(
      'قتل ثلاثة جنود في اشتباكات مع مسلحين في مدينة العريش أمس، فيما أصيب شرطي بانفجار عبوة في مدينة الإسماعيلية.',
    ),
    ['العريش', 'الإسماعيلية'],
  );
});

test('an event told at country level and at a place in that country on the same day is one event', () => {
  const table: [string, unknown[]][] = [
    [
      'أكدت وزارة الدفاع الأمريكية أمس مقتل أربعة مسلحين في غارة جوية في اليمن.\nوقالت مصادر محلية إن طائرة أمريكية قصفت سيارة في مدينة البيضاء أمس.',
      [['air_drone_strike', 'البيضاء', '2018-06-09']],
    ],
    [
      'قتل ثلاثة مسلحين أمس في غارة جوية جنوب ليبيا.\nوقال مسؤول محلي إن الغارة استهدفت منزلا في مدينة أوباري أمس.',
      [['air_drone_strike', 'أوباري', '2018-06-09']],
    ],
    // the town named right after it places it, though a later sentence goes on about the act ("وبدأ الهجوم …")
    [
      'شن مسلحون هجوما على مركز للتدريب شرق أفغانستان أمس.\nواستخدم المسلحون المتفجرات في المركز في مدينة جلال أباد.\n' +
        'وأنقذ عدد من المتدربين.\nوشوهد دخان يتصاعد من المبنى.\nوبدأ الهجوم نحو الساعة العاشرة صباحا.',
      [['armed_clash', 'جلال أباد', '2018-06-09']],
    ],
    // a province gives way only to a town inside it
    [
      'اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون على منطقة جازان أمس.\nوأعلنت السلطات حالة التأهب في مطار الرياض.',
      [['disrupted_weapons_use', 'منطقة جازان', '2018-06-09']],
    ],
    // another kind of act at the specific place: the country-level one stays
    [
      'قصفت طائرات حربية مواقع في سوريا أمس.\nواعتقلت قوات الأمن عشرة أشخاص في مدينة حلب أمس.',
      [
        ['air_drone_strike', 'سوريا', '2018-06-09'],
        ['arrests', 'حلب', '2018-06-09'],
      ],
    ],
  ];
  for (const [text, expected] of table) assert.deepEqual(events(text), expected, text);
  // the toll the vague telling gave stays with the event
  const [e] = extract({ id: 't', text: table[1][0], published: PUBLISHED }, 't', { models: null }).events;
  assert.equal(e.fatalities.killed, 3);
});

test('where: the place an anchor, a route, a border or an affiliation locates, not the anchor', () => {
  const table: [string, string[]][] = [
    // "بين X وY" and a direction after a named place: X and Y only locate it
    ['قصفت المدفعية مواقع المسلحين في مديرية صرواح بين مأرب وصنعاء أمس.', ['صرواح']],
    ['قصفت المدفعية مواقع المسلحين في قرية عين ترما، قرب مدينة حمص أمس.', ['عين ترما']],
    // "وأخرى": another site, not an anchor
    ['شنت طائرات غارات على منشآت قرب دمشق وأخرى غرب مدينة حمص أمس.', ['دمشق', 'حمص']],
    // a direction with no place before it: the anchor is all there is
    ['شنت المقاتلات غارات على تجمعات للحوثيين شرق العاصمة صنعاء أمس.', ['صنعاء']],
    ['سيطرت القوات الحكومية أمس على الطرق المؤدية إلى مدينة الحديدة.', ['الحديدة']],
    ['قصفت المدفعية التركية أمس قرى في ريف عفرين المتاخم لمدينة أعزاز.', ['عفرين']],
    ['قتل جنديان أمس في هجوم على نقطة تفتيش في بلدة الشيخ زويد التابعة لمحافظة شمال سيناء.', ['الشيخ زويد']],
    // a village the gazetteer knows only elsewhere is not in the district the text names: the district is the place
    ['استهدفت طائرات التحالف أمس مواقع للحوثيين في مناطق المشرعي والمدمن التابعة لمديرية بيت الفقيه.', ['بيت الفقيه']],
    // a headquarters, like a press conference, is where someone speaks from
    ['قال المرصد السوري لحقوق الإنسان ومقره بريطانيا إن غارات جوية استهدفت مدينة دوما أمس.', ['دوما']],
    // a meeting the act struck is where it happened; a press conference is only where someone spoke
    ['استهدفت غارة جوية أمس اجتماعا لقادة الحوثيين في مدينة الحديدة.', ['الحديدة']],
    ['قال المتحدث في مؤتمر صحفي في عمان إن غارة جوية استهدفت مسلحين في مدينة درعا أمس.', ['درعا']],
    // a capital that speaks is a government, not the place
    ['قالت واشنطن إن غارة جوية استهدفت مسلحين في مدينة إدلب أمس.', ['إدلب']],
    // where someone lives is not where the attack was; a name after عبد is a person's; "وأن" is "and that"
    ['وشارك في الهجوم على مدينة سبها أمس مسلحون موالون لقيادي معارض، المقيم في العاصمة القطرية الدوحة.', ['سبها']],
    ['وقال المتحدث علي عبد الجليل إن مسلحين هاجموا أمس مدينة سبها وأن الطائرات تصدت لهم.', ['سبها']],
    // what a place overlooks or is the capital of describes it: no second place
    ['قتل القيادي أمس في غارة جوية في محافظة الحديدة المطلة على البحر الأحمر.', ['الحديدة']],
    ['أصيب شخصان أمس في انفجار في مدينة أربيل عاصمة إقليم كردستان العراق.', ['أربيل']],
  ];
  for (const [text, expected] of table)
    assert.deepEqual(
      events(text).map((e) => e[1]),
      expected,
      text,
    );
});

test('a town named without a frame in an article about another country is a namesake, not a place there', () => {
  const text =
    'قالت مصادر يمنية إن القوات اليمنية تقدمت في محافظة الحديدة. وشنت طائرات التحالف غارات على مواقع الحوثيين في العريش أمس. وتواصل القوات اليمنية تقدمها في اليمن.';
  const r = extract({ id: 't', text, published: PUBLISHED }, 't', { models: null });
  assert.ok(!r.events.some((e) => e.location?.country === 'EG'), JSON.stringify(r.events.map((e) => e.location)));
  // framed ("مدينة العريش"), the name is a town wherever it resolves
  const framed = extract({ id: 't', text: text.replace('في العريش', 'في مدينة العريش'), published: PUBLISHED }, 't', {
    models: null,
  });
  assert.ok(framed.events.some((e) => e.location !== null));
});

test('the shipped place model places an event only above an even chance', () => {
  const place = readModels().place;
  assert.ok(place, 'data/models/event-place.json');
  assert.ok(place.threshold >= 0.5, `threshold ${place.threshold}`);
});
