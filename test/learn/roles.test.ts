/**
 * Who did it and to whom (src/learn/roles.ts): sentences written for this test, one event each, through extract()
 * with the shipped models; the perpetrator and the target that come out. null: nobody named (none, or an
 * unidentified armed group for the perpetrator).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';
import type { EventRecord } from '../../src/types.js';

const UNIDENTIFIED = 'Unidentified armed group';

const roles = (e: EventRecord, role: 'perpetrator' | 'target') =>
  e.actors.filter((a) => a.role === role).map((a) => a.name);

function one(text: string): EventRecord {
  const r = extract({ id: 't', text, published: '2024-03-10' }, 't');
  assert.equal(r.events.length, 1, `one event in: ${text}`);
  return r.events[0];
}

/** not checked */
const ANY = '*';

/** [why, sentence, perpetrator, target]: a named actor must be the first of its role */
const TABLE: [string, string, string | null, string | null][] = [
  [
    'the agent of a verbal noun in a relative clause: غارات شنتها مقاتلات X',
    'قتل خمسة مدنيين، الأحد، في غارات شنتها مقاتلات روسية على بلدة كفرنبل في ريف إدلب.',
    'Military Forces of Russia',
    'Civilians',
  ],
  [
    'the agent of a masdar in a construct: قصف طائرات X',
    'أصيب سبعة أشخاص، الاثنين، جراء قصف طائرات التحالف لسوق في مدينة حجة.',
    'Saudi-led coalition',
    'Civilians',
  ],
  [
    'an attack "of" a group: هجوم لـX',
    'قتل جنديان، الثلاثاء، في هجوم لحركة طالبان على نقطة تفتيش في ولاية غزنة.',
    'Taliban',
    ANY,
  ],
  [
    'a nationality adjective on aircraft names the state that struck',
    'قصفت مقاتلات حربية سورية، صباح الأحد، بلدة معرة النعمان في ريف إدلب.',
    'Military Forces of Syria',
    null,
  ],
  [
    'a nationality adjective on artillery; the units shelled after مواقع لـ',
    'قصفت المدفعية التركية، الأربعاء، مواقع لوحدات حماية الشعب الكردية في ريف منبج.',
    'Military Forces of Turkey',
    "People's Protection Units",
  ],
  [
    'subject before, positions "of" the target after',
    'قصفت طائرات التحالف العربي، يوم الجمعة، مواقع لجماعة الحوثي في مدينة صعدة.',
    'Saudi-led coalition',
    'Houthi Movement',
  ],
  [
    'the speaker is the one who struck: "أعلن الجيش أن طائراته قصفت"',
    'أعلن الجيش الإسرائيلي، الأحد، أن طائراته قصفت مواقع لحزب الله في بلدة عيتا الشعب جنوب لبنان.',
    'Military Forces of Israel',
    'Hezbollah',
  ],
  [
    'a clash between two sides: the first named is actor 1',
    'اندلعت، السبت، اشتباكات عنيفة بين الجيش اليمني والحوثيين في مدينة تعز.',
    'Military Forces of Yemen',
    'Houthi Movement',
  ],
  [
    'a passive: the one killed is the target, nobody is named as the killer',
    'اغتيل قيادي في حركة حماس، مساء الخميس، بإطلاق نار في مدينة خان يونس.',
    null,
    'Hamas',
  ],
  [
    'a passive of exposure: "تعرضت دورية لـ الجيش لهجوم"',
    'تعرضت دورية للجيش المصري، الأحد، لهجوم مسلح في مدينة رفح بشمال سيناء.',
    null,
    'Military Forces of Egypt',
  ],
  [
    'implied victims: people killed by a car bomb are civilians, the bomber unnamed',
    'قتل 12 شخصاً، الخميس، في هجوم بسيارة مفخخة استهدف سوقاً في مدينة مقديشو.',
    null,
    'Civilians',
  ],
  [
    'unnamed gunmen',
    'أطلق مسلحون مجهولون، ليل الجمعة، النار على سيارة في مدينة درنة، ما أدى إلى مقتل شخصين.',
    UNIDENTIFIED,
    'Civilians',
  ],
  [
    'the claimant is the perpetrator; whose base it was is the target',
    'تبنت كتائب حزب الله، مساء الثلاثاء، قصف قاعدة التنف الأمريكية بطائرة مسيرة.',
    'Kataib Hezbollah',
    'Military Forces of the United States',
  ],
  [
    'a base named with its nationality, the attacker unnamed',
    'استهدفت طائرات مسيرة، ليل الأحد، قاعدة حرير الأمريكية في محافظة أربيل.',
    null,
    'Military Forces of the United States',
  ],
  [
    'a claim by a relative clause: "هجوم تبناه X"',
    'قتل ثلاثة من عناصر الشرطة، السبت، في هجوم تبناه تنظيم داعش قرب مدينة الرمادي.',
    'Islamic State',
    ANY,
  ],
  [
    'an accusation: the accused is the perpetrator, the victims civilians',
    'اتهمت الحكومة اليمنية، الخميس، جماعة الحوثي بقصف أحياء سكنية في مدينة تعز، ما أسفر عن مقتل أربعة مدنيين.',
    'Houthi Movement',
    'Civilians',
  ],
];

for (const [why, text, perpetrator, target] of TABLE) {
  test(`roles: ${why}`, () => {
    const e = one(text);
    const perps = roles(e, 'perpetrator');
    const targets = roles(e, 'target');
    if (perpetrator === null)
      assert.ok(
        perps.every((p) => p === UNIDENTIFIED),
        `no perpetrator named: ${perps}`,
      );
    else assert.equal(perps[0], perpetrator);
    if (target === null) assert.deepEqual(targets, []);
    else if (target !== ANY) assert.equal(targets[0], target);
    // at most two actors a role, never the same actor in both
    assert.ok(perps.length <= 2 && targets.length <= 2, `${perps} / ${targets}`);
    assert.ok(!perps.some((p) => targets.includes(p) && p !== 'Civilians'));
    // an unidentified group never leads beside a named one (ACLED's actor 1 is the named one)
    if (perps.length > 1) assert.notEqual(perps[0], UNIDENTIFIED);
  });
}

test('roles: the armed group an article is about is the target of a strike whose sentence names none', () => {
  for (const [text, perpetrator, target] of [
    [
      'أعلنت جماعة الحوثي أمس أنها أسقطت طائرة استطلاع في صعدة. وشنت مقاتلات التحالف أمس غارات جوية على مديرية حيس.',
      'Saudi-led coalition',
      'Houthi Movement',
    ],
    [
      'قالت حركة الشباب إن مقاتليها سيطروا على بلدة في جنوب الصومال. وشنت طائرات أمريكية أمس غارة جوية في الصومال.',
      'Military Forces of the United States',
      'Al Shabaab',
    ],
  ]) {
    const strike = extract({ id: 't', text, published: '2018-06-10' }).events.find(
      (e) => e.subtype === 'air_drone_strike',
    );
    assert.ok(strike, text);
    assert.equal(roles(strike, 'perpetrator')[0], perpetrator, text);
    assert.equal(roles(strike, 'target')[0], target, text);
  }
});

test('roles: RASD_ROLES=0 leaves the roles to the rules', () => {
  // the rules name both sides of a repelled attack as perpetrators; the model puts one side in each role (which side
  // leads in a clash is the reporting side's convention, so the test does not fix the direction)
  const text = 'صدت قوات الجيش الوطني هجوما للحوثيين على مواقعها في مديرية حيس أمس.';
  const sides = ['Houthi Movement', 'Military Forces of Yemen'];
  const before = process.env.RASD_ROLES;
  try {
    process.env.RASD_ROLES = '0';
    assert.deepEqual(roles(one(text), 'perpetrator').sort(), sides);
    assert.deepEqual(roles(one(text), 'target'), []);
    delete process.env.RASD_ROLES;
    const split = [...roles(one(text), 'perpetrator'), ...roles(one(text), 'target')];
    assert.equal(roles(one(text), 'target').length, 1);
    assert.deepEqual(split.sort(), sides);
  } finally {
    if (before === undefined) delete process.env.RASD_ROLES;
    else process.env.RASD_ROLES = before;
  }
});

// known misses, left to do: each says what the output should be
test.todo('roles: the speaker is not the target of what it reports ("قال الجيش إن الفصائل قصفت حيا")');
test.todo('roles: "مسلحون من حركة الشباب": the group the gunmen belong to is the perpetrator');
test.todo('roles: "نسبت الوزارة إلى طالبان الهجوم": the one the attack is ascribed to is the perpetrator');
test.todo('roles: the accuser is not named beside the accused ("اتهمت الحكومة الحوثيين بقصف")');
test.todo('roles: "قتل مسلحون مجهولون شرطيا": a policeman is the police, not civilians');
