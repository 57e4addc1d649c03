/**
 * The Who's On First part of the gazetteer (data/gazetteer/places-wof.tsv.gz, places-framed.tsv.gz): districts,
 * villages and neighbourhoods the news names after a frame word, read in the country the text is about, while the
 * old entries keep their readings and words of prose stay words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatGeocode } from '../../src/cli/geocode.js';
import { geocode } from '../../src/cli/geocode-names.js';
import {
  adminWordNames,
  entryById,
  framedNamed,
  framedPlaces,
  gazetteer,
  gazetteerMode,
} from '../../src/geo/gazetteer.js';
import { placeFrom } from '../../src/geo/resolve.js';
import { normalizeString } from '../../src/lang/ar/normalize.js';

function place(text: string, name: string) {
  const found = geocode(text).find((f) => f.span.text.includes(name));
  assert.ok(found, `"${name}" found in «${text}»`);
  assert.ok(found.chosen, `"${name}" placed in «${text}» (${found.dropped})`);
  return found.chosen;
}

/** sentence, name, country, and what the chosen entry must have: its feature, its admin2 or admin1, its precision */
const CASES: [string, string, string, { feature?: string; admin1?: string; admin2?: string; precision?: number }][] = [
  // Yemeni districts (admin 2), named with مديرية
  ['قصف مدفعي حوثي على مديرية نهم شرق العاصمة اليمنية صنعاء', 'نهم', 'YE', { feature: 'admin2', precision: 2 }],
  ['غارات للتحالف على مديرية رازح في محافظة صعدة اليمنية', 'رازح', 'YE', { feature: 'admin2', admin2: 'Razih' }],
  ['معارك بين الجيش اليمني والحوثيين في مديرية الملاجم بمحافظة البيضاء', 'الملاجم', 'YE', { feature: 'admin2' }],
  ['اشتباكات في مديرية الحشاء بمحافظة الضالع في اليمن', 'الحشاء', 'YE', { feature: 'admin2', precision: 2 }],
  ['غارة على مديرية كتاف في صعدة باليمن', 'كتاف', 'YE', { precision: 2 }],
  ['قتلى في غارة على مديرية حيس جنوب الحديدة في اليمن', 'حيس', 'YE', { precision: 2 }],
  ['انفجار لغم في مديرية التحيتا جنوب الحديدة في اليمن', 'التحيتا', 'YE', { precision: 2 }],
  ['اشتباكات عنيفة في مديرية صرواح غرب محافظة مأرب اليمنية', 'صرواح', 'YE', { precision: 2 }],
  // Yemeni villages, named with قرية, in the district the text names
  [
    'مقتل مدنيين في قصف على قرية العلاوية في مديرية بيت الفقيه بمحافظة الحديدة اليمنية',
    'العلاوية',
    'YE',
    { precision: 1, admin1: 'Al Hudaydah' },
  ],
  ['هجوم على قرية العرج في مديرية باجل بمحافظة الحديدة في اليمن', 'العرج', 'YE', { admin1: 'Al Hudaydah' }],
  ['مقتل جنديين في هجوم على قرية الشعابي في مديرية المقبنة بتعز اليمنية', 'الشعابي', 'YE', { admin2: 'Maqbanah' }],
  // Baghdad's and Istanbul's neighbourhoods, named with حي
  ['انفجار عبوة ناسفة في حي البياع جنوب العاصمة العراقية بغداد', 'البياع', 'IQ', { feature: 'place:PPLX' }],
  ['هجوم في حي الأعظمية في بغداد العراقية', 'الأعظمية', 'IQ', {}],
  ['هجوم مسلح في حي سلطان بيلي في إسطنبول التركية', 'سلطان بيلي', 'TR', { admin1: 'Istanbul' }],
  // a Saudi governorate (admin 2) and a Turkish town
  ['سقوط مقذوف أطلقه الحوثيون على محافظة العارضة في منطقة جازان السعودية', 'العارضة', 'SA', { feature: 'admin2' }],
  ['اشتباكات مع مسلحين في بلدة سيلوبي في تركيا', 'سيلوبي', 'TR', { admin2: 'Silopi' }],
  // a nationality adjective names the country as well
  ['اشتباكات مع مسلحين من حزب العمال الكردستاني في بلدة سيلوبي التركية', 'سيلوبي', 'TR', {}],
  // Syrian towns and villages with a frame word
  ['قصف على بلدة التمانعة في ريف إدلب الجنوبي في سوريا', 'التمانعة', 'SY', { admin1: 'Idlib' }],
  ['انفجار في حي جرمانا بريف دمشق في سوريا', 'جرمانا', 'SY', {}],
  ['قصف على منطقة البوكمال في ريف دير الزور الشرقي', 'البوكمال', 'SY', { precision: 2 }],
  // homonyms: the village of the country the text is about, the old town where the text is about its country
  ['غارة إسرائيلية على بلدة صيدا في ريف درعا جنوب سوريا', 'صيدا', 'SY', { admin1: 'Daraa' }],
  ['غارة إسرائيلية على مدينة صيدا في جنوب لبنان', 'صيدا', 'LB', {}],
  ['قصف إسرائيلي على بلدة كفركلا في جنوب لبنان', 'كفركلا', 'LB', {}],
  // Iraqi districts (qada) the old table knew keep their reading
  ['هجوم بطائرة مسيرة على قضاء طوزخورماتو في محافظة صلاح الدين العراقية', 'طوزخورماتو', 'IQ', { precision: 2 }],
  ['هجوم لتنظيم داعش في قضاء سنجار غرب الموصل بالعراق', 'سنجار', 'IQ', { precision: 2 }],
];

test('districts, villages and neighbourhoods named with a frame word, in the country the text names', () => {
  assert.ok(CASES.length >= 20);
  for (const [text, name, country, want] of CASES) {
    const c = place(text, name);
    const e = gazetteer().entries.find((x) => x.id === c.id);
    assert.ok(e, c.id);
    assert.equal(c.country, country, `${name}: ${c.name} ${c.country} in «${text}»`);
    if (want.feature) assert.equal(e.feature, want.feature, `${name}: ${c.name}`);
    if (want.admin1) assert.equal(e.admin1, want.admin1, `${name}: ${c.name}`);
    if (want.admin2) assert.equal(e.admin2, want.admin2, `${name}: ${c.name}`);
    if (want.precision) assert.equal(c.precision, want.precision, `${name}: ${c.name}`);
  }
});

test('a village named without a frame word, in a country the text does not name, or outside its district, is no place', () => {
  // the gazetteer's الجاح are in Ibb and elsewhere, none in the district of Bayt al-Faqih (Al Hudaydah)
  const jah = geocode('مقتل مدنيين في قصف على قرية الجاح في مديرية بيت الفقيه بمحافظة الحديدة اليمنية').find((f) =>
    f.span.text.includes('الجاح'),
  );
  assert.equal(jah?.chosen ?? null, null);
  assert.match(jah?.dropped ?? '', /district/);
  // الجاح has villages in Yemen only: named in passing, or in a report that names no country, it is no place
  assert.equal(
    geocode('وصل الجاح إلى المدينة').some((f) => f.chosen),
    false,
  );
  assert.equal(
    geocode('اشتباكات مع مسلحين في بلدة سيلوبي').find((f) => f.span.text.includes('سيلوبي'))?.chosen ?? null,
    null,
    'no country named: Silopi is not read',
  );
});

test('words of prose that are also village names stay words', () => {
  for (const text of [
    'وقف إطلاق النار في اليمن لم يصمد',
    'مناطق تحت سيطرة الحوثيين في اليمن',
    'قال في بيان إن القوات في اليمن تقدمت',
  ]) {
    const placed = geocode(text)
      .filter((f) => f.chosen)
      .map((f) => f.chosen?.name);
    assert.deepEqual(placed, ['Yemen'], text);
  }
});

test('the gazetteer knows admin 2 units with their admin word, and every Place carries admin1 and admin2', () => {
  // the WOF rows load on the first framed look-up
  assert.ok(framedPlaces().keys.size > 50000);
  const g = gazetteer();
  assert.equal(gazetteerMode(), process.env.RASD_GAZETTEER ? gazetteerMode() : 'villages');
  const nihm = framedNamed(normalizeString('نهم')).find((e) => e.feature === 'admin2' && e.name === 'Nihm');
  assert.ok(nihm, 'Nihm district');
  assert.deepEqual([nihm.country, nihm.admin1, nihm.admin2], ['YE', 'Sanaa', 'Nihm']);
  assert.ok(adminWordNames(nihm).includes(normalizeString('مديرية نهم')));
  const sinjar = framedNamed(normalizeString('سنجار')).find((e) => e.feature === 'admin2' && e.country === 'IQ');
  assert.ok(sinjar && adminWordNames(sinjar).includes(normalizeString('قضاء سنجار')));
  const t = framedPlaces();
  const admin2 = t.lines.filter((l) => l.includes('\tadmin2\t')).map((l) => l.split('\t')[6]);
  for (const cc of ['YE', 'IQ', 'SY', 'SA', 'EG']) assert.ok(admin2.filter((c) => c === cc).length >= 20, cc);
  assert.equal(entryById(nihm.id), nihm);
  // the old towns gained their district from the WOF concordance
  const aleppo = g.entries.find((e) => e.id === 'gn:170063');
  assert.ok(aleppo?.admin2, 'Aleppo has an admin2');
  const p = placeFrom(nihm, 2, { start: 0, end: 0, text: '' });
  assert.deepEqual([p.admin1, p.admin2, p.gazetteer_id], ['Sanaa', 'Nihm', nihm.id]);
});

test('rasd geocode lists every candidate with its features and score', () => {
  const out = formatGeocode(geocode('غارة إسرائيلية على بلدة صيدا في ريف درعا جنوب سوريا'));
  assert.match(out, /Sidon, LB/);
  assert.match(out, /Sayda, SY/);
  assert.match(out, /score -?\d/);
});
