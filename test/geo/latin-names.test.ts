/**
 * Towns the gazetteer has no Arabic spelling for, read by the sound of their Latin name (src/geo/latin-names.ts):
 * after a frame word, in a country the text names, where the NER reads a place's name; words of Arabic prose after
 * a frame word stay words. Sentences written for this test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geocode } from '../../src/cli/geocode-names.js';
import { arabicKey, latinKey, soundsLike } from '../../src/geo/latin-names.js';
import { normalizeString } from '../../src/lang/ar/normalize.js';

/** [Arabic spelling, Latin name, same sound] */
const SOUNDS: [string, string, boolean][] = [
  ['كيزليار', 'Kizlyar', true],
  ['سوروتش', 'Suruç', true],
  ['ماستونغ', 'Mastung', true],
  ['بيكانبارو', 'Pekanbaru', true],
  ['سيعرت', 'Siirt', true],
  ['بيشاور', 'Peshawar', true],
  ['كويتا', 'Quetta', true],
  ['سالزبري', 'Salisbury', true],
  // a long vowel the Latin name does not have, or another skeleton
  ['سوروتش', 'Saratsch', false],
  ['ماستونغ', 'Mastin', false],
  ['كيزليار', 'Kislovodsk', false],
];

test('latin names: an Arabic spelling and a Latin name sound alike by consonant classes and long vowels', () => {
  for (const [arabic, latin, same] of SOUNDS)
    assert.equal(soundsLike(arabicKey(normalizeString(arabic)), latinKey(latin)), same, `${arabic} ~ ${latin}`);
});

/** [sentence, the word, the place it is (name, country), or null: no place by sound] */
const CASES: [string, string, [string, string] | null][] = [
  ['قتل خمسة أشخاص في إطلاق نار أمام كنيسة في مدينة كيزليار في جمهورية داغستان الروسية.', 'كيزليار', ['Kizlyar', 'RU']],
  ['اندلعت الاشتباكات خلال زيارة النائب لمتاجر في بلدة سوروتش بجنوب شرق تركيا.', 'سوروتش', ['Suruç', 'TR']],
  ['قتل 128 شخصا في تفجير انتحاري استهدف تجمعا انتخابيا في بلدة ماستونغ في باكستان.', 'ماستونغ', ['Mastung', 'PK']],
  // no country of the text has a town of that sound: not read
  ['قتل 128 شخصا في تفجير انتحاري استهدف تجمعا انتخابيا في بلدة ماستونغ في اليمن.', 'ماستونغ', null],
  // words of prose after a frame word, in a text that names Russia
  ['قصفت الطائرات الروسية مواقع في منطقة سيطرة المعارضة بريف إدلب.', 'سيطرة', null],
  ['قصفت الطائرات الروسية مواقع في منطقة بريف حماة الشمالي.', 'بريف', null],
];

test('latin names: a framed town of a country the text names is read by sound; prose and other countries are not', () => {
  for (const [text, word, want] of CASES) {
    const found = geocode(text).find((f) => f.span.text.includes(word));
    const chosen = found?.chosen ? [found.chosen.name, found.chosen.country] : null;
    assert.deepEqual(chosen, want, `«${word}» in «${text}»`);
  }
});
