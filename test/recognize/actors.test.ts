/**
 * The actor lexicon (data/lexicons/actors.tsv) on sentences written for the purpose: one or more per country
 * group, with proclitics and the article, the actor expected from the phrase index (name, category), ordinary
 * words that must not read as an actor, and the well-formedness of every row.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPath, readTsv, splitList } from '../../src/data.js';
import { ACTOR_CATEGORIES } from '../../src/events/taxonomy.js';
import { actors, sources } from '../../src/recognize/lexicons.js';
import { scanLexicon } from '../../src/recognize/mention.js';
import { makeDoc } from '../../src/text/doc.js';

const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }) =>
  a.first < b.last && b.first < a.last;

/** Actor mentions of a sentence as src/analysis.ts keeps them: those overlapping a source mention are dropped. */
function read(text: string) {
  const doc = makeDoc('t', text);
  const src = scanLexicon(doc, sources());
  return scanLexicon(doc, actors()).filter((a) => !src.some((s) => overlaps(s, a)));
}

/** [sentence, ACLED name, category, country ('' for none)] */
const cases: [string, string, string, string][] = [
  // Iraq
  ['استهدفت المقاومة الإسلامية في العراق قاعدة عين الأسد', 'Islamic Resistance in Iraq', 'political_militia', 'IQ'],
  ['وقال مقاتلو الحشد الشعبي إنهم صدوا هجوما', 'Popular Mobilization Forces', 'political_militia', 'IQ'],
  ['وتبنت كتائب حزب الله العراقية الهجوم', 'Kataib Hezbollah', 'political_militia', 'IQ'],
  ['اتهمت واشنطن عصائب أهل الحق بالوقوف وراء القصف', 'Asaib Ahl al-Haq', 'political_militia', 'IQ'],
  ['وأكدت حركة النجباء أنها لن تتوقف', 'Harakat al-Nujaba', 'political_militia', 'IQ'],
  ['وأعلنت كتائب سيد الشهداء مقتل أحد عناصرها', 'Kataib Sayyid al-Shuhada', 'political_militia', 'IQ'],
  ['في مقر تابع لمنظمة بدر في ديالى', 'Badr Organization', 'political_militia', 'IQ'],
  ['اشتبكت قوات البيشمركة مع عناصر داعش جنوب كركوك', 'Peshmerga', 'state_forces', 'IQ'],
  ['اشتبكت قوات البيشمركة مع عناصر داعش جنوب كركوك', 'Islamic State', 'rebel_group', ''],
  ['وقتل ثلاثة من الدواعش في كمين', 'Islamic State', 'rebel_group', ''],
  ['قصفت المسيرات التركية مواقع لحزب العمال الكردستاني في قنديل', "Kurdistan Workers' Party", 'rebel_group', 'TR'],
  ['قصفت المسيرات التركية مواقع لحزب العمال الكردستاني في قنديل', 'Military Forces of Turkey', 'state_forces', 'TR'],
  ['وأعلنت خلية الصقور اعتقال إرهابي في الأنبار', 'Police Forces of Iraq', 'state_forces', 'IQ'],
  ['وتصدت قيادة عمليات الجزيرة والبادية لتسلل', 'Military Forces of Iraq', 'state_forces', 'IQ'],
  // Syria
  ['سيطرت هيئة تحرير الشام على قرى في ريف إدلب', 'Hayat Tahrir al-Sham', 'rebel_group', 'SY'],
  ['وقصفت قوات سورية الديمقراطية مواقع للفصائل', 'Syrian Democratic Forces', 'rebel_group', 'SY'],
  ['وقتل عنصر من وحدات حماية الشعب الكردية', "People's Protection Units", 'rebel_group', 'SY'],
  ['وهاجمت فرقة السلطان مراد قرية في ريف حلب', 'Sultan Murad Division', 'rebel_group', 'SY'],
  ['بين فصائل الجيش الوطني السوري وقسد', 'Syrian National Army', 'rebel_group', 'SY'],
  ['وتبنى تنظيم حراس الدين الهجوم', 'Hurras al-Din', 'rebel_group', 'SY'],
  ['وبجيش الإسلام في الغوطة', 'Jaysh al-Islam', 'rebel_group', 'SY'],
  ['وقاتل لواء فاطميون إلى جانب قوات النظام', 'Fatemiyoun Brigade', 'political_militia', 'IR'],
  ['وقاتل لواء فاطميون إلى جانب قوات النظام', 'Military Forces of Syria', 'state_forces', 'SY'],
  ['هاجمت مجموعة من فلول النظام البائد حاجزا في اللاذقية', 'Unidentified armed group', 'political_militia', 'SY'],
  ['وقصفت الميليشيات الإيرانية قرى في البادية', 'Pro-Iran militias', 'political_militia', ''],
  ['واشتبك مقاتلو حركة رجال الكرامة مع عصابة', 'Men of Dignity', 'political_militia', 'SY'],
  // Yemen
  ['أطلقت جماعة أنصار الله صاروخا باليستيا', 'Houthi Movement', 'rebel_group', 'YE'],
  ['وقصفت ميليشيا الحوثي أحياء سكنية في تعز', 'Houthi Movement', 'rebel_group', 'YE'],
  ['وأعلن سلاح الجو المسير استهداف مطار أبها', 'Houthi Movement', 'rebel_group', 'YE'],
  ['وسيطرت قوات المجلس الانتقالي الجنوبي على معسكر', 'Southern Transitional Council', 'political_militia', 'YE'],
  ['وتقدمت ألوية العمالقة في شبوة', 'Giants Brigades', 'political_militia', 'YE'],
  ['وانتشرت قوات الحزام الأمني في عدن', 'Security Belt Forces', 'political_militia', 'YE'],
  ['وصدت قوات طارق صالح هجوما في الساحل الغربي', 'National Resistance Forces', 'political_militia', 'YE'],
  [
    'وتبنى تنظيم القاعدة في جزيرة العرب الهجوم على نقطة أمنية',
    'Al Qaeda in the Arabian Peninsula',
    'rebel_group',
    'YE',
  ],
  ['وتسلمت قوات درع الوطن مواقع في حضرموت', "Nation's Shield Forces", 'political_militia', 'YE'],
  ['واستعادت قوات الجيش الوطني مواقع في مأرب', 'Military Forces of Yemen', 'state_forces', 'YE'],
  ['واشتبك مسلحون قبليون مع دورية', 'Tribal militia', 'identity_militia', ''],
  // Lebanon
  ['وأعلن حزب الله استهداف موقع المالكية', 'Hezbollah', 'political_militia', 'LB'],
  ['وشيع أنصار حركة أمل أحد عناصرها', 'Amal Movement', 'political_militia', 'LB'],
  ['اشتباكات بين حركة فتح وعصبة الأنصار في عين الحلوة', 'Usbat al-Ansar', 'rebel_group', 'LB'],
  ['اشتباكات بين حركة فتح وعصبة الأنصار في عين الحلوة', 'Fatah', 'political_militia', 'PS'],
  ['وأعلنت قوات الفجر إطلاق صواريخ', 'Al-Fajr Forces', 'political_militia', 'LB'],
  ['وتعرضت دورية لليونيفيل لإطلاق نار', 'United Nations Interim Force in Lebanon', 'external_other_forces', 'LB'],
  // Palestine
  ['وأعلنت كتائب القسام تفجير دبابة', 'Al-Qassam Brigades', 'political_militia', 'PS'],
  ['وقصفت سرايا القدس مستوطنات الغلاف', 'Al-Quds Brigades', 'political_militia', 'PS'],
  ['وتبنت كتائب شهداء الأقصى إطلاق النار', 'Al-Aqsa Martyrs Brigades', 'political_militia', 'PS'],
  ['وأعلنت الجبهة الشعبية لتحرير فلسطين', 'Popular Front for the Liberation of Palestine', 'political_militia', 'PS'],
  ['واشتبك مقاومو عرين الأسود مع قوات الاحتلال', "Lions' Den", 'political_militia', 'PS'],
  ['واشتبك مقاومو عرين الأسود مع قوات الاحتلال', 'Military Forces of Israel', 'state_forces', 'IL'],
  ['وخاضت كتيبة جنين اشتباكات في المخيم', 'Al-Quds Brigades', 'political_militia', 'PS'],
  ['هاجم مستوطنون منازل في قرية ترمسعيا', 'Settlers (Israel)', 'political_militia', 'IL'],
  ['وتصدى الأهالي للمستوطنين', 'Settlers (Israel)', 'political_militia', 'IL'],
  // Libya
  ['وقصفت قوات حفتر مطار معيتيقة', 'Libyan National Army', 'state_forces', 'LY'],
  ['وأعلنت قوات حكومة الوحدة الوطنية السيطرة على المعبر', 'Military Forces of Libya', 'state_forces', 'LY'],
  ['اشتباكات بين جهاز دعم الاستقرار وقوة الردع', 'Stability Support Apparatus', 'political_militia', 'LY'],
  ['اشتباكات بين جهاز دعم الاستقرار وقوة الردع', 'Rada Special Deterrence Force', 'political_militia', 'LY'],
  ['وانتشر اللواء 444 قتال في طرابلس', '444 Combat Brigade', 'political_militia', 'LY'],
  ['وتقدمت كتائب مصراتة نحو سرت', 'Misrata brigades', 'political_militia', 'LY'],
  ['وقاتل مرتزقة فاغنر إلى جانب حفتر', 'Wagner Group', 'external_other_forces', 'RU'],
  // Sudan
  ['وقصف الجيش السوداني مواقع الدعم السريع', 'Military Forces of Sudan', 'state_forces', 'SD'],
  ['وتعرضت الفاشر لهجوم بالدعم السريع', 'Rapid Support Forces', 'political_militia', 'SD'],
  [
    'وهاجمت الحركة الشعبية جناح الحلو مدينة الدلنج',
    "Sudan People's Liberation Movement-North (al-Hilu Faction)",
    'rebel_group',
    'SD',
  ],
  ['وقاتلت حركة العدل والمساواة إلى جانب الجيش', 'Justice and Equality Movement', 'rebel_group', 'SD'],
  [
    'وأعلنت حركة تحرير السودان بقيادة مني أركو مناوي',
    'Sudan Liberation Movement/Army (Minni Minawi Faction)',
    'rebel_group',
    'SD',
  ],
  ['واشتبكت ميليشيا المساليت مع الدعم السريع في الجنينة', 'Masalit ethnic militia', 'identity_militia', 'SD'],
  ['وشاركت كتيبة البراء بن مالك في القتال', 'Al Baraa Bin Malik Brigade', 'political_militia', 'SD'],
  // Somalia
  ['ومقاتلو حركة الشباب هاجموا قاعدة عسكرية', 'Al Shabaab', 'rebel_group', 'SO'],
  ['وقتل عشرة من مقاتلي الشباب في غارة', 'Al Shabaab', 'rebel_group', 'SO'],
  ['واستعاد الجيش الوطني الصومالي بلدة في هيران', 'Military Forces of Somalia', 'state_forces', 'SO'],
  ['اشتباكات بين قوات جوبالاند والقوات الفيدرالية', 'Military Forces of Jubaland', 'state_forces', 'SO'],
  ['وطاردت قوات بونتلاند عناصر داعش في جبال كال مسكاد', 'Military Forces of Puntland', 'state_forces', 'SO'],
  ['وقاتلت ميليشيات معاويسلي إلى جانب الجيش', 'Macawisley Militia', 'identity_militia', 'SO'],
  ['وتعرضت قاعدة لبعثة أتميس لهجوم', 'African Union Mission in Somalia', 'external_other_forces', 'SO'],
  ['وأعلنت القيادة الأمريكية في أفريقيا تنفيذ غارة', 'Military Forces of the United States', 'state_forces', 'US'],
  // Sahel, Lake Chad
  ['وتبنت جماعة نصرة الإسلام والمسلمين الهجوم', 'JNIM: Group for Support of Islam and Muslims', 'rebel_group', 'ML'],
  ['وهاجم تنظيم الدولة في الصحراء الكبرى قرية', 'Islamic State Sahel Province', 'rebel_group', 'ML'],
  ['وقاتل الفيلق الأفريقي إلى جانب الجيش المالي', 'Wagner Group', 'external_other_forces', 'RU'],
  ['وقاتل الفيلق الأفريقي إلى جانب الجيش المالي', 'Military Forces of Mali', 'state_forces', 'ML'],
  ['وقتل عدد من متطوعي الدفاع عن الوطن', 'VDP: Volunteers for the Defense of the Homeland', 'political_militia', 'BF'],
  [
    'وسيطر الإطار الاستراتيجي الدائم على بلدة',
    'CSP-PSD: Permanent Strategic Framework for Peace, Security and Development',
    'rebel_group',
    'ML',
  ],
  ['وهاجم مسلحو بوكو حرام قرية في بورنو', 'Boko Haram', 'rebel_group', 'NG'],
  ['وتبنى تنظيم ولاية غرب إفريقيا الهجوم', 'Islamic State West Africa Province', 'rebel_group', 'NG'],
  ['وقصفت القوات التشادية مواقع المتمردين', 'Military Forces of Chad', 'state_forces', 'TD'],
  // Egypt, Maghreb
  ['وتبنى تنظيم ولاية سيناء الهجوم', 'Islamic State - Sinai Province', 'rebel_group', 'EG'],
  ['وقاتل اتحاد قبائل سيناء إلى جانب الجيش', 'Union of Sinai Tribes', 'identity_militia', 'EG'],
  ['وتبنت حركة حسم التفجير', 'Hasm Movement', 'rebel_group', 'EG'],
  ['وأعلن تنظيم القاعدة في بلاد المغرب الإسلامي', 'Al Qaeda in the Islamic Maghreb', 'rebel_group', 'DZ'],
  ['وتبنت كتيبة عقبة بن نافع الكمين في جبل الشعانبي', 'Okba Ibn Nafaa Brigade', 'rebel_group', 'TN'],
  ['وأوقفت وحدات الحرس الوطني التونسي مهربين', 'Police Forces of Tunisia', 'state_forces', 'TN'],
  ['وقصفت جبهة البوليساريو مواقع مغربية', 'Polisario Front', 'rebel_group', 'EH'],
  // Iran and Kurdish groups
  ['واشتبك مقاتلو بيجاك مع الحرس الثوري', 'Kurdistan Free Life Party', 'rebel_group', 'IR'],
  [
    'واشتبك مقاتلو بيجاك مع الحرس الثوري',
    'Military Forces of Iran Islamic Revolutionary Guard Corps',
    'state_forces',
    'IR',
  ],
  ['وقصفت إيران مقار الحزب الديمقراطي الكردستاني الإيراني', 'Kurdistan Democratic Party of Iran', 'rebel_group', 'IR'],
  ['وتبنى جيش العدل الهجوم على مركز للشرطة', 'Jaish al-Adl', 'rebel_group', 'IR'],
  // powers, coalitions, missions
  ['وقصف طيران التحالف العربي مواقع في صعدة', 'Saudi-led coalition', 'external_other_forces', 'SA'],
  ['وشن التحالف الدولي ضد داعش غارات', 'Global Coalition Against Daesh', 'external_other_forces', ''],
  ['وأسقطت فرقاطة ضمن عملية أسبيدس مسيرة', 'European Union Naval Force', 'external_other_forces', ''],
  ['وشاركت سفن تحالف حارس الازدهار في التصدي', 'Operation Prosperity Guardian', 'external_other_forces', 'US'],
  [
    'وتعرضت قافلة لقوات مينوسما لهجوم',
    'United Nations Multidimensional Integrated Stabilization Mission in Mali',
    'external_other_forces',
    'ML',
  ],
  ['وقصفت القوات الروسية ريف إدلب', 'Military Forces of Russia', 'state_forces', 'RU'],
  ['واعترضت البحرية البريطانية مسيرة', 'Military Forces of the United Kingdom', 'state_forces', 'GB'],
  // generic agents
  ['أطلق مسلحون مجهولون النار على سيارة', 'Unidentified armed group', 'political_militia', ''],
  ['وأصيب ثلاثة صيادين بنيران البحرية', 'Civilians', 'civilians', ''],
  ['وقتل راعي أغنام بانفجار لغم', 'Civilians', 'civilians', ''],
  ['وفرقت الشرطة المتظاهرين', 'Protesters', 'protesters', ''],
  ['وفرقت الشرطة المتظاهرين', 'Security forces', 'state_forces', ''],
  ['وأحبطت قوات حرس الحدود عملية تهريب', 'Military forces', 'state_forces', ''],
];

test('actor phrases of every country group read as their ACLED actor, clitics and article included', () => {
  for (const [text, name, category, country] of cases) {
    const ms = read(text);
    const m = ms.find((x) => x.value.name === name && (x.value.country ?? '') === country);
    assert.ok(
      m,
      `${text}: expected ${name} (${country || 'no country'}), got ${ms.map((x) => `${x.value.name}/${x.value.country}`).join(', ') || 'nothing'}`,
    );
    assert.equal(m.value.category, category, text);
  }
});

test('longer names win over the shorter names inside them', () => {
  const first = (text: string) => read(text)[0]?.value.name;
  assert.equal(first('كتائب حزب الله'), 'Kataib Hezbollah');
  assert.equal(first('حركة طالبان باكستان'), 'Tehrik-i-Taliban Pakistan');
  assert.equal(first('أنصار الشريعة في ليبيا'), 'Ansar al-Sharia (Libya)');
  assert.equal(first('حركة أنصار الله الأوفياء'), 'Harakat Ansar Allah al-Awfiya');
  assert.equal(first('الدفاعات الجوية السعودية'), 'Military Forces of Saudi Arabia');
  assert.equal(first('حرس الحدود الإسرائيلي'), 'Police Forces of Israel');
  assert.equal(first('قوات الدفاع الشعبي الكردستاني'), "Kurdistan Workers' Party");
});

test('ordinary words and look-alikes are not actors', () => {
  const none = [
    'نظم الشباب مهرجانا رياضيا في المدينة', // الشباب alone is youth, not al-Shabaab
    'فريق الشباب لكرة القدم',
    'قال مجلس الأمن إن الأمن الغذائي مهدد',
    'أعلنت الحكومة أن الدولة ستدعم النظام الصحي',
    'فتح المحل أبوابه ويحدوه أمل كبير',
    'الحشد الجماهيري أمام القاعدة الجوية',
    'فإما أن يوافق أو يرفض',
    'هاجم قراصنة الكمبيوتر موقع الوزارة',
    'نقل إلى جهة مجهولة',
    'قصفت مزارع شبعا',
    'في منطقة قروية نائية',
    'عقد مؤتمر صحفي',
    'البابليون القدماء',
    'بلدة سري كانيه',
    'أنصار الدين والمرابطون في الأقصى',
    'مدينة أتلانتا',
    'الجهاد في سبيل الله',
    'الدفاع الوطني',
    'الخوارج في التاريخ',
    'ولاية الخرطوم وولاية الجزيرة',
  ];
  for (const t of none)
    assert.deepEqual(
      read(t).map((m) => m.value.name),
      [],
      t,
    );
  // a generic word may match, but not the named group that shares its letters
  const notNamed: [string, string][] = [
    ['وصل الجيش شرقي المدينة', 'Jaysh al-Sharqiya'],
    ['الجيش درع الوطن', "Nation's Shield Forces"],
    ['تحالف ميليشيات عربية وكردية', 'Arab ethnic militia (Sudan)'],
    ['الشباب الفلسطيني', 'Al Shabaab'],
  ];
  for (const [t, name] of notNamed) assert.ok(!read(t).some((m) => m.value.name === name), `${t}: ${name}`);
});

const CATEGORIES = new Set<string>(ACTOR_CATEGORIES);
/** CLDR region codes that are not ISO 3166-1 alpha-2 country codes */
const NOT_ISO = new Set(['UN', 'EU', 'EZ', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const isIso2 = (c: string) => /^[A-Z]{2}$/.test(c) && !NOT_ISO.has(c) && regions.of(c) !== c;

test('every actor row is well formed: spec category, ISO2 country, kind, Arabic forms', () => {
  const rows = readTsv(dataPath('lexicons', 'actors.tsv'));
  assert.ok(rows.length > 250, `${rows.length} rows`);
  for (const r of rows) {
    assert.ok(r.name, 'name');
    assert.ok(CATEGORIES.has(r.category), `${r.name}: category ${r.category}`);
    assert.ok(r.country === '' || isIso2(r.country), `${r.name}: country ${r.country}`);
    assert.ok(r.kind === 'named' || r.kind === 'generic', `${r.name}: kind ${r.kind}`);
    const forms = splitList(r.names_ar);
    assert.ok(forms.length > 0, `${r.name}: no Arabic form`);
    for (const f of forms) assert.match(f, /^[\u0600-\u06ff0-9 -]+$/u, `${r.name}: form "${f}"`);
    assert.equal(new Set(forms).size, forms.length, `${r.name}: repeated form`);
  }
  assert.ok(isIso2('EH') && !isIso2('XX') && !isIso2('UN'));
});

test('every Arabic form, read alone, is its own row (no form is shadowed by another row)', () => {
  const rows = readTsv(dataPath('lexicons', 'actors.tsv'));
  const bad: string[] = [];
  for (const r of rows) {
    for (const f of splitList(r.names_ar)) {
      if (/ - /.test(f)) continue; // a spaced hyphen is punctuation in a text: the form stays as the canonical name
      const doc = makeDoc('t', f);
      const words = doc.tokens.filter((t) => t.kind !== 'punct').length;
      const ms = scanLexicon(doc, actors());
      const ok =
        ms.length === 1 &&
        ms[0].first === 0 &&
        ms[0].last === words &&
        ms[0].value.name === r.name &&
        (ms[0].value.country ?? '') === r.country;
      if (!ok) bad.push(`${r.name}: "${f}" -> ${ms.map((m) => m.value.name).join(', ')}`);
    }
  }
  assert.deepEqual(bad, []);
});
