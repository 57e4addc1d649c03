/**
 * Reports versus mentions, on sentences written for the purpose: references back to an event, "another" raids,
 * purposes, allegations, hypothetical attacks, tolls; and places that are not where the event happened.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geocode } from '../../src/cli/geocode-names.js';
import { extract } from '../../src/extract.js';

const read = (text: string, published = '2018-08-10') => extract({ id: 't', text, published });

test('a sentence that refers back to a reported event adds to it', () => {
  const r = read(
    'شنت طائرات التحالف غارة جوية على حافلة في مدينة ضحيان بمحافظة صعدة أمس. ' +
      'وأعلن التحالف فتح تحقيق في الضربة الجوية في ضحيان بعد انتقادات دولية.',
  );
  assert.equal(r.events.length, 1, JSON.stringify(r.events.map((e) => e.location?.name)));
  assert.equal(r.events[0].evidence.length, 2);
  const again = read(
    'اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان مساء اليوم. ' +
      'وجاء الإعلان عن اعتراض الصاروخ بعد كلمة لزعيم جماعة أنصار الله اليمنية.',
  );
  assert.equal(again.events.length, 1);
});

test('"other raids" nearby are another event; a renewed clash elsewhere is not folded into the last one', () => {
  const r = read(
    'شنت مقاتلات التحالف غارات جوية على مواقع الحوثيين في مدينة ميدي بمحافظة حجة أمس. ' +
      'واستهدفت المقاتلات بغارات أخرى تعزيزات للمليشيا في جبهة حرض.',
  );
  assert.equal(r.events.length, 2, JSON.stringify(r.events.map((e) => e.location?.name)));
  const renewed = read(
    'قتل قيادي حوثي بانفجار لغم أرضي في مدينة تعز أمس. ' +
      'إلى ذلك، تجددت الاشتباكات العنيفة بين الجيش اليمني والحوثيين مساء أمس في جبهة مريس بمحافظة الضالع.',
  );
  assert.deepEqual(
    renewed.events.map((e) => e.type),
    ['explosions_remote_violence', 'battles'],
  );
});

test('purposes, allegations, "any attack" and a war toll are not events', () => {
  const notEvents = [
    'تستمر قوات المقاومة المشتركة في عملياتها العسكرية لتحرير مدينة الحديدة.',
    'رفضت وزارة الدفاع الأمريكية ادعاءات بقصف أمريكي على قاعدة جوية بمدينة حمص السورية أمس.',
    'أعلنت إسرائيل فتح الملاجئ في مرتفعات الجولان تحسبا لأي هجوم إيراني من سوريا أمس.',
    'قالت منظمة اليونيسيف الشهر الماضي إن 2200 طفل على الأقل قتلوا في اليمن.',
  ];
  for (const t of notEvents) assert.deepEqual(read(t).events, [], t);
  // what something was subjected to is a report, not a purpose
  assert.equal(read('تعرضت قاعدة عين الأسد في محافظة الأنبار لهجوم صاروخي أمس.').events.length, 1);
});

test('an interception reaches its object past the subject and the time', () => {
  const r = read('أسقطت قوات الجيش الوطني، مساء الخميس، طائرة استطلاع تابعة للحوثيين في سماء مديرية حيس.');
  assert.deepEqual(
    r.events.map((e) => [e.subtype, e.weapons]),
    [['disrupted_weapons_use', ['drone']]],
  );
});

test('words that look like faraway places are not places', () => {
  const names = (t: string) => geocode(t).flatMap((p) => (p.chosen ? [p.chosen.name] : []));
  assert.deepEqual(names('أطلقت الدفاعات صاروخ دفاع جوي من طراز باتريوت باتجاه الطائرة.'), []);
  // (Israel here is the one blamed)
  assert.deepEqual(names('ألقت روسيا وإيران بالمسؤولية على إسرائيل التي لم تنف أو تؤكد ذلك.'), []);
  assert.deepEqual(names('وقال مجلس الأمن في بيانه إنه ينبغي إجراء تحقيق.'), []);
  assert.deepEqual(names('ولكن موسكو تقول إنها لا تستهدف سوى المسلحين.'), []);
  assert.deepEqual(names('قتل 26 مقاتلا مواليا لنظام دمشق في القصف.'), []);
  // prose words the gazetteer also has as towns: the country, the capital, about, the coalition
  assert.deepEqual(names('وشهدت البلاد أعمال عنف، وقال مسؤول في العاصمة بخصوص غارات التحالف إنها مستمرة.'), []);
  // a capital far from the region that is called on or blamed is its government; one that is hit is a place
  assert.deepEqual(names('دعا غوتيريس واشنطن وموسكو إلى الحوار.'), []);
  assert.deepEqual(names('قتل شخص في عملية طعن في باريس السبت.'), ['Paris']);
  assert.deepEqual(names('قصفت الطائرات مواقع في لبنان.'), ['Lebanon']);
});

test('a place where someone spoke is not where the event happened', () => {
  const r = read(
    'قال محمد صالح، الممثل عن الحزب في أربيل، إن القصف الصاروخي الإيراني استهدف مقر الحزب في مدينة كوي سنجق أمس.',
  );
  assert.deepEqual(
    r.events.map((e) => e.location?.name),
    ['Koysinceq'],
  );
});

test('names written in two words or without the final hamza are found', () => {
  const names = (t: string) => geocode(t).flatMap((p) => (p.chosen ? [p.chosen.name] : []));
  assert.deepEqual(names('سقطت صواريخ في مدينة كوي سنجق شمال العراق.'), ['Koysinceq', 'Iraq']);
  assert.deepEqual(names('تقدمت القوات إلى مشارف مديرية التحيتا في محافظة الحديدة.'), ['At Tuḩaytā’', 'Al Hudaydah']);
});

test('a speaker the lexicons do not know is found by the NER model', () => {
  const r = read('وقال النائب الكويتي وليد الطبطبائي إن "الهجوم على المدنيين جريمة لا تغتفر".');
  assert.deepEqual(
    r.statements.map((s) => s.speaker_ar),
    ['وليد الطبطبائي'],
  );
  assert.match(r.statements[0].speaker, /Walid/);
});

test('the day a report was made gives way to the day of the act', () => {
  const r = read(
    'أعلن الجيش الإسرائيلي، الأحد، أن طائراته قصفت موقعا لحركة حماس في مدينة رفح ليل السبت- الأحد.',
    '2018-03-25',
  );
  assert.deepEqual(
    r.events.map((e) => [e.date.start, e.date.end]),
    [['2018-03-24', '2018-03-25']],
  );
});

test('casualties: the victims and a qualifier may stand between a number and "مصرعهم"', () => {
  const r = read('لقي 12 شخصا على الأقل مصرعهم وجرح 50 آخرون في قصف صاروخي استهدف مدينة كوي سنجق أمس.');
  assert.deepEqual(
    r.events.map((e) => [e.fatalities.killed, e.fatalities.injured]),
    [[12, 50]],
  );
});

test('the one blamed is not a place; two hands at one place are two events', () => {
  assert.deepEqual(
    read('وألقى الحزب اللوم في هذا الهجوم على إيران.').events.map((e) => e.location?.name ?? null),
    [],
  );
  const r = read(
    'شنت مقاتلات التحالف العربي غارات على مواقع الحوثيين في مديرية الجراحي أمس. ' +
      'واندلعت اشتباكات عنيفة بين قوات الجيش اليمني والحوثيين في مديرية الجراحي أمس.',
  );
  assert.deepEqual(
    r.events.map((e) => e.type),
    ['explosions_remote_violence', 'battles'],
  );
});

test('weapons a site holds are not the weapons used', () => {
  const r = read('قصفت طائرات أمريكية وبريطانية منشآت الأسلحة الكيميائية في حي برزة بدمشق فجر اليوم.', '2018-04-14');
  assert.deepEqual(
    r.events.map((e) => [e.subtype, e.weapons]),
    [['air_drone_strike', ['airstrike']]],
  );
});

test('a group the lexicon does not know, claiming an attack, is found by the NER model', () => {
  const r = read('تبنت جماعة أنصار الفرقان الهجوم الذي استهدف دورية للجيش في مدينة درعا أمس.');
  assert.equal(r.events.length, 1);
  const [e] = r.events;
  assert.deepEqual(
    e.claims.filter((c) => c.kind === 'responsibility').map((c) => c.by),
    ['Ansar al-Furqan'],
  );
  assert.ok(e.actors.some((a) => a.role === 'perpetrator' && a.name_ar === 'أنصار الفرقان'));
});
