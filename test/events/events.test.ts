/** Events from sentences written for the purpose: what is and is not an event, its type, actors and casualties. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';

const read = (text: string, published = '2018-06-10') => extract({ id: 't', text, published });

test('threats, conditions, negations, reactions and tallies are not events', () => {
  const notEvents = [
    'هددت الجماعة باستهداف القواعد الأمريكية في العراق إذا تدخلت واشنطن.',
    'لم تستهدف الطائرات أي مواقع في مدينة إدلب أمس.',
    'أدانت الخارجية المصرية الهجوم على مدينة العريش.',
    'تعرضت القوات الأمريكية في العراق لـ 23 هجوما خلال الشهر الجاري.',
    'وتنفي تركيا استهداف المدنيين في عفرين.',
  ];
  for (const t of notEvents) assert.deepEqual(read(t).events, [], t);
  const tally = read('تعرضت القوات الأمريكية في العراق لـ 23 هجوما خلال الشهر الجاري.');
  assert.deepEqual(
    tally.statistics.map((s) => [s.what, s.value, s.area]),
    [['attacks', 23, 'IQ']],
  );
});

test('an intercepted missile is a disrupted weapons use by its launcher against the interceptor', () => {
  const r = read('اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان مساء اليوم.');
  assert.equal(r.events.length, 1);
  const [e] = r.events;
  assert.deepEqual([e.type, e.subtype], ['strategic_developments', 'disrupted_weapons_use']);
  assert.equal(e.location?.name, 'Jizan');
  assert.deepEqual(e.weapons, ['ballistic_missile']);
  assert.ok(e.actors.some((a) => a.role === 'perpetrator' && a.name === 'Houthi Movement'));
  assert.ok(e.claims.some((c) => c.kind === 'outcome' && c.outcome === 'intercepted'));
});

test('a repelled ground attack is a clash; destruction in a raid is the raid', () => {
  const clash = read('صدت قوات الجيش الوطني هجوما للحوثيين على مواقعها في مديرية حيس أمس.');
  assert.deepEqual(
    clash.events.map((e) => e.subtype),
    ['armed_clash'],
  );
  const raid = read('شنت مقاتلات التحالف غارات على مواقع الحوثيين في مديرية حيس أمس، وتم تدمير آليات عسكرية.');
  assert.deepEqual(
    raid.events.map((e) => [e.subtype, e.actors.find((a) => a.role === 'perpetrator')?.name]),
    [['air_drone_strike', 'Saudi-led coalition']],
  );
});

test('casualties: numbers in words, a subset is not added, nobody hurt is 0', () => {
  const r = read('قتل خمسة مدنيين بينهم طفلان وأصيب 12 آخرون في قصف مدفعي على بلدة كفرنبل في ريف إدلب أمس.');
  assert.equal(r.events.length, 1);
  assert.deepEqual([r.events[0].fatalities.killed, r.events[0].fatalities.injured], [5, 12]);
  assert.deepEqual(r.events[0].weapons, ['artillery']);
  const none = read('سقطت قذيفة هاون قرب مدينة سديروت مساء اليوم دون وقوع إصابات.');
  assert.equal(none.events.length, 1);
  assert.deepEqual(
    [none.events[0].fatalities.killed, none.events[0].fatalities.injured, none.events[0].weapons],
    [0, 0, ['mortar']],
  );
});

test('a rocket fired by a militia is a rocket; one fired by a state is a missile', () => {
  const militia = read('أطلقت فصائل مسلحة صواريخ على قاعدة عين الأسد في محافظة الأنبار اليوم.');
  assert.deepEqual(militia.events[0]?.weapons, ['rocket']);
  const state = read('أطلق الجيش الإسرائيلي صواريخ على مواقع في مدينة القنيطرة السورية اليوم.');
  assert.deepEqual(state.events[0]?.weapons, ['missile']);
});

test('a verb trigger written with the article is its masdar: "القصف التركي" names the attacker by nationality', () => {
  for (const text of [
    'قتل عدد من المدنيين جراء القصف التركي على عفرين أمس.',
    'وتشير تقارير إلى أن القصف التركي على عفرين أسفر عن سقوط قتلى أمس.',
  ]) {
    const perpetrators = read(text).events.flatMap((e) =>
      e.actors.filter((a) => a.role === 'perpetrator').map((a) => a.name),
    );
    assert.deepEqual(perpetrators, ['Military Forces of Turkey'], text);
  }
  // a verb that begins with ال itself stays a verb: its subject is not read as a nationality
  const met = read('التقى وزير الخارجية التركي نظيره الروسي في أنقرة أمس.');
  assert.deepEqual(met.events, []);
});

test('casualties: a qualifier between the casualty verb and the number ("قتل ما لا يقل عن 43 شخصا")', () => {
  const killed = (text: string) => read(text).events.map((e) => e.fatalities.killed);
  assert.deepEqual(killed('قتل ما لا يقل عن 43 شخصا في قصف على عفرين أمس.'), [43]);
  assert.deepEqual(killed('قتل نحو 20 شخصا في قصف على عفرين أمس.'), [20]);
  assert.deepEqual(killed('قتل 43 شخصا على الأقل في قصف على عفرين أمس.'), [43]);
});

test("a government's forces named without their country are the forces of the country the event is in", () => {
  const perpetrator = (text: string) =>
    read(text).events.flatMap((e) => e.actors.filter((a) => a.role === 'perpetrator').map((a) => a.name));
  assert.ok(perpetrator('قصفت القوات الحكومية أمس مواقع المعارضة في مدينة درعا.').includes('Military Forces of Syria'));
  assert.ok(perpetrator('قصفت القوات الحكومية أمس مواقع الحوثيين في مدينة تعز.').includes('Military Forces of Yemen'));
  // named with its country, a force stays that country's wherever it acts
  assert.ok(perpetrator('قصف الجيش اليمني أمس مواقع في مدينة نجران السعودية.').includes('Military Forces of Yemen'));
});

test('a military site struck in a country stands for its forces, as the target', () => {
  const targets = (text: string) =>
    read(text).events.flatMap((e) => e.actors.filter((a) => a.role === 'target').map((a) => a.name));
  for (const text of [
    'استهدفت غارة جوية إسرائيلية فوج المدفعية قرب مدينة حمص أمس.',
    'قصفت طائرات إسرائيلية أمس مطار الضمير العسكري قرب دمشق.',
  ])
    assert.ok(targets(text).includes('Military Forces of Syria'), text);
});

test('a suicide bomber in the accusative, and "فجر" with what was blown up, are an attack; "فجر" alone is dawn', () => {
  assert.deepEqual(
    read('إلا أن انتحارياً فجر عبوة ناسفة قرب اجتماع للعلماء في غرب العاصمة الأفغانية كابول أمس.').events.map((e) => [
      e.subtype,
      e.location?.name,
    ]),
    [['suicide_bomb', 'Kabul']],
  );
  assert.deepEqual(
    read('وقال مصدر إن مسلحا فجر قنبلة قرب مركز للشرطة في مدينة الموصل أمس.').events.map((e) => e.subtype),
    ['remote_explosive_landmine_ied'],
  );
  assert.deepEqual(read('وصل الوفد إلى مدينة الموصل فجر أمس.').events, []);
});

test('an explosion in the accusative ("انفجاراً") after a fronted "Tuesday before last" is an event of that day', () => {
  assert.deepEqual(
    read(
      'والثلاثاء قبل الماضي، أعلنت وزارة الداخلية أن انفجاراً وقع أثناء مرور موكب رئيس الحكومة في منطقة بيت حانون.',
      '2018-03-22',
    ).events.map((e) => [e.subtype, e.date.start]),
    [['remote_explosive_landmine_ied', '2018-03-13']],
  );
});
