/** Every ACLED sub-type the extractor can code, from a sentence written for it (spec/event-record.md). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';

const typed = (text: string) =>
  extract({ id: 't', text, published: '2018-06-10' }).events.map((e) => `${e.type}/${e.subtype}`);

const ROWS: [string, string][] = [
  ['اشتبكت قوات الجيش مع مسلحين في مدينة درعا أمس.', 'battles/armed_clash'],
  ['نصب مسلحون كمينا لدورية للجيش قرب مدينة العريش أمس.', 'battles/armed_clash'],
  ['سيطرت قوات النظام السوري على بلدة حمورية في الغوطة الشرقية أمس.', 'battles/government_regains_territory'],
  ['سيطر تنظيم الدولة الإسلامية على بلدة هجين أمس.', 'battles/non_state_actor_overtakes_territory'],
  ['شنت طائرات حربية غارات على مدينة إدلب أمس.', 'explosions_remote_violence/air_drone_strike'],
  ['سقطت قذائف هاون على حي جوبر في دمشق أمس.', 'explosions_remote_violence/shelling_artillery_missile_attack'],
  ['انفجرت عبوة ناسفة بسيارة في مدينة الرمادي أمس.', 'explosions_remote_violence/remote_explosive_landmine_ied'],
  ['فجر انتحاري نفسه في سوق بمدينة الموصل أمس.', 'explosions_remote_violence/suicide_bomb'],
  ['ألقى مجهولون قنبلة يدوية على منزل في مدينة طرابلس اللبنانية أمس.', 'explosions_remote_violence/grenade'],
  ['قتل مسلحون مجهولون ثلاثة مدنيين في مدينة عدن أمس.', 'violence_against_civilians/attack'],
  ['طعن شاب فلسطيني مستوطنا بسكين قرب مدينة الخليل أمس.', 'violence_against_civilians/attack'],
  ['اختطف مسلحون مهندسا في مدينة سبها أمس.', 'violence_against_civilians/abduction_forced_disappearance'],
  ['اغتصب عناصر من الميليشيا امرأة في مدينة الجنينة أمس.', 'violence_against_civilians/sexual_violence'],
  ['تظاهر مئات في مدينة البصرة أمس احتجاجا على انقطاع الكهرباء.', 'protests/peaceful_protest'],
  ['اقتحم متظاهرون مبنى المحافظة في مدينة البصرة وأعمال شغب أمس.', 'riots/violent_demonstration'],
  ['اعتدى حشد غاضب على رجل في مدينة الحلة أمس حتى الموت.', 'riots/mob_violence'],
  ['اعتقلت قوات الأمن عشرة أشخاص في مدينة الإسكندرية أمس.', 'strategic_developments/arrests'],
  [
    'انسحبت قوات سوريا الديمقراطية من مدينة منبج وتسلم الجيش المدينة أمس.',
    'strategic_developments/non_violent_transfer_of_territory',
  ],
  [
    'أقامت القوات التركية قاعدة عسكرية جديدة قرب مدينة عفرين أمس.',
    'strategic_developments/headquarters_or_base_established',
  ],
  ['أعلنت فصائل المعارضة في مدينة إدلب أمس تشكيل جيش موحد.', 'strategic_developments/change_to_group_activity'],
  ['أحرق مستوطنون حقولا في قرية بورين قرب مدينة نابلس أمس.', 'strategic_developments/looting_property_destruction'],
  ['اعترضت الدفاعات الجوية صاروخا أطلقه الحوثيون على مدينة نجران أمس.', 'strategic_developments/disrupted_weapons_use'],
];

test('each sub-type from a written sentence', () => {
  const wrong = ROWS.map(([text, want]) => [text, want, typed(text)] as const).filter(([, w, got]) => !got.includes(w));
  assert.deepEqual(wrong, []);
});

test('withdrawing from an agreement is not a transfer of territory', () => {
  assert.deepEqual(typed('أعلن الرئيس الأمريكي انسحاب بلاده من الاتفاق النووي مع إيران أمس.'), []);
});
