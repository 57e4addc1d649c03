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
