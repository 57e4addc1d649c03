/**
 * How many were killed and injured, with which weapons, of which sub-type: sentences written for this test (not
 * taken from the corpora), each reporting one event, through extract().
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';

function only(text: string) {
  const r = extract({ id: 't', text, published: '2018-03-11' }, 't', { models: null });
  assert.equal(r.events.length, 1, `one event in: ${text}\n${JSON.stringify(r.events.map((e) => e.subtype))}`);
  return r.events[0];
}

// [sentence, killed, injured]
const TOLLS: [string, number | null, number | null][] = [
  // a dual verb or noun is two
  ['قالت الشرطة إن جنديين قُتلا في هجوم مسلح على نقطة تفتيش في مدينة العريش يوم الأحد.', 2, null],
  ['أفاد مصدر أمني بمقتل جنديين في انفجار عبوة ناسفة استهدفت دورية في مدينة الموصل الأحد.', 2, null],
  // one victim, and his companion
  ['أعلنت الشرطة مقتل شرطي في هجوم مسلح على حاجز أمني في مدينة رفح المصرية السبت.', 1, null],
  ['لقي ضابط مصرعه مع سائقه في انفجار عبوة ناسفة على طريق في مدينة كركوك يوم السبت.', 2, null],
  // "he met his death", "one of its leaders": one
  ['أما القيادي محمود الضلعي، فقد لقي مصرعه بغارة للتحالف في مديرية الجراحي جنوب الحديدة الأربعاء.', 1, null],
  ['اعترفت ميليشيا الحوثي الجمعة بمقتل أحد قادتها الميدانيين بغارة جوية للتحالف في مدينة صعدة.', 1, null],
  // a fragment's fall is no death: the one resident killed is the toll
  ['أسفر سقوط إحدى شظايا الصواريخ عن مقتل مقيم مصري في مدينة الرياض الأحد.', 1, null],
  // an official assassinated: one killed
  ['اغتيل مدير الأمن في مدينة عدن يوم السبت بانفجار عبوة ناسفة استهدفت سيارته.', 1, null],
  ['انفجرت سيارة مفخخة في مدينة مقديشو الأحد ما أسفر عن مقتل شخصين على الأقل إلى جانب السائق.', 3, null],
  // nobody hurt
  ['سقطت قذائف هاون على حي سكني في مدينة دمشق صباح الأحد دون وقوع إصابات.', 0, 0],
  ['شنت طائرات حربية غارة على موقع في مدينة رفح جنوب قطاع غزة الأحد لم تسفر عن وقوع أي إصابات.', 0, 0],
  ['سقطت قذيفة صاروخية قرب مطار مدينة بغداد الأحد ولم يتسبب سقوطها بأضرار بشرية.', 0, 0],
  // the act replied to hurt nobody: that says nothing of this one
  [
    'شنت طائرات حربية إسرائيلية غارة على موقع في مدينة خان يونس الأحد ردا على إطلاق نار من القطاع دون أن يخلف ضحايا.',
    null,
    null,
  ],
  // a toll the text does not know is no toll
  ['قصفت طائرات حربية بلدة في ريف إدلب الأحد ولم تحدد المصادر حصيلة القتلى.', null, null],
  // one figure for killed and injured together gives neither
  ['أسفرت المعارك في مدينة تعز يوم الجمعة عن سقوط 25 قتيلا وجريحا من الطرفين.', null, null],
  // the people counted, then what happened to them
  ['وقال المرصد إن 8 مقاتلين من الفصائل المعارضة قتلوا في اشتباكات مع قوات النظام في ريف حماة الأحد.', 8, null],
  ['قال مسؤول إن 9 أشخاص على الأقل قتلوا وأصيب 14 آخرون في انفجار سيارة مفخخة في مدينة بنغازي الأحد.', 9, 14],
  // figures joined by "و" count the same; "آخر" is one more
  ['قصفت طائرات حربية بلدة في ريف إدلب الأحد ما أدى إلى مقتل 4 جنود و3 مدنيين.', 7, null],
  ['وقتل فلسطيني وأصيب آخر بجروح الاثنين في قصف إسرائيلي على مدينة رفح.', 1, 1],
  // a running total is a statistic, not this event's toll
  ['وقتل 60 فلسطينيا برصاص الجيش الإسرائيلي في قطاع غزة منذ بدء الاحتجاجات على الحدود.', null, null],
  ['قصفت طائرات حربية مدينة إدلب الأحد ما أدى إلى مقتل 15 شخصا وإصابة 30 آخرين.', 15, 30],
  ['أصيب خمسة مدنيين بجروح في قصف مدفعي على بلدة في ريف درعا يوم الأحد.', null, 5],
  // a measure after a casualty verb is no count of people
  ['قال الجيش إن مسلحي الحوثي لقوا مصرعهم خلال 48 ساعة من المعارك في مديرية نهم.', null, null],
];

test('killed and injured: duals, a companion, none hurt, combined figures, running totals', () => {
  for (const [text, killed, injured] of TOLLS) {
    const e = only(text);
    assert.deepEqual([e.fatalities.killed, e.fatalities.injured], [killed, injured], text);
  }
});

// [sentence, weapons, sub-type]
const MEANS: [string, string[], string][] = [
  // an aircraft's rockets are its air strike
  [
    'أطلقت طائرات حربية إسرائيلية صواريخ على موقع في مدينة خان يونس جنوب قطاع غزة فجر الأحد.',
    ['airstrike'],
    'air_drone_strike',
  ],
  // rocket fire named beside the guns is rocket artillery, beside the air strikes
  [
    'تعرضت بلدة طفس في ريف درعا لغارات جوية سورية وروسية ترافقت مع قصف مدفعي وصاروخي عنيف السبت.',
    ['airstrike', 'artillery', 'rocket'],
    'air_drone_strike',
  ],
  // the weapon of the act replied to is not this event's
  [
    'قصفت مقاتلات أمريكية مواقع عسكرية قرب مدينة حمص السبت ردا على الهجوم الكيميائي المزعوم.',
    ['airstrike'],
    'air_drone_strike',
  ],
  // a car bomb driven by a bomber is a car bomb; a bomber with a belt is a suicide vest
  [
    'انفجرت سيارة مفخخة يقودها انتحاري عند حاجز للجيش في مدينة العريش الأحد ما أسفر عن مقتل 3 جنود.',
    ['car_bomb'],
    'suicide_bomb',
  ],
  [
    'انفجرت سيارة مفخخة قرب مبنى حكومي في مدينة مقديشو صباح الأحد ما أسفر عن مقتل 4 أشخاص.',
    ['car_bomb'],
    'remote_explosive_landmine_ied',
  ],
  [
    'فجر انتحاري يرتدي حزاما ناسفا نفسه في سوق مزدحم في مدينة كابول الأحد ما أسفر عن مقتل 12 شخصا.',
    ['suicide_vest'],
    'suicide_bomb',
  ],
  [
    'قال نشطاء إن هجوما بالغاز السام استهدف بلدة في ريف إدلب الأحد ما أدى إلى مقتل 10 أشخاص.',
    ['chemical'],
    'chemical_weapon',
  ],
  // aviation named as the attacker is an air strike
  [
    'اتهمت دمشق الطيران الإسرائيلي باستهداف مطار عسكري قرب مدينة حمص الأحد ما أسفر عن مقتل 7 عسكريين.',
    ['airstrike'],
    'air_drone_strike',
  ],
  // what an arrest seizes is not used
  [
    'اعتقلت الشرطة ثلاثة أشخاص في مداهمة لشقة في مدينة الإسكندرية الأحد وصادرت عبوات ناسفة وأحزمة ناسفة.',
    [],
    'arrests',
  ],
  // an exchange of fire is a clash
  [
    'قالت الداخلية إن الشرطة داهمت شقة في مدينة دمنهور الأحد وتبادلت معهم إطلاق النار ما أسفر عن مقتل 3 مسلحين.',
    ['small_arms'],
    'armed_clash',
  ],
  // shells said without their kind are the mortar rounds named beside them; a bomb is an IED
  [
    'أطلقت الفصائل قذائف على معسكر للجيش في ريف حماة الأحد، وسقطت قذائف هاون على حي سكني في المدينة.',
    ['mortar'],
    'shelling_artillery_missile_attack',
  ],
  [
    'انفجرت قنبلة مزروعة على جانب طريق في مدينة بيشاور الأحد ما أدى إلى مقتل 3 أشخاص.',
    ['ied'],
    'remote_explosive_landmine_ied',
  ],
  // a ceasefire is no weapon
  [
    'قصفت قوات النظام بلدة في ريف حماة بالمدفعية الأحد رغم اتفاق وقف إطلاق النار.',
    ['artillery'],
    'shelling_artillery_missile_attack',
  ],
  // gunmen opening fire
  ['أطلق مسلح النار على المصلين أمام كنيسة في مدينة كيزليار الأحد ما أدى إلى مقتل 4 نساء.', ['small_arms'], 'attack'],
  ['هاجم مسلحون مجهولون حافلة تقل مدنيين في مدينة العريش الأحد ما أسفر عن مقتل 5 أشخاص.', ['small_arms'], 'attack'],
  [
    'أطلق مسلحون في قطاع غزة صواريخ على مدينة سديروت الأحد دون وقوع إصابات.',
    ['rocket'],
    'shelling_artillery_missile_attack',
  ],
];

test('weapons are the attacker’s means, and the sub-type follows them', () => {
  for (const [text, weapons, subtype] of MEANS) {
    const e = only(text);
    assert.deepEqual([[...e.weapons].sort(), e.subtype], [weapons, subtype], text);
  }
});
