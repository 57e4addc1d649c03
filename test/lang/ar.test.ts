import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataError, dataPath, readWordList } from '../../src/data.js';
import { ar } from '../../src/lang/ar/index.js';
import type { Language } from '../../src/lang/language.js';
import { makeDoc } from '../../src/text/doc.js';

const LIST_DIR = dataPath('lang', 'ar');
const files = readdirSync(LIST_DIR).filter((f) => f.endsWith('.txt'));

test('every word list under data/lang/ar/ is loaded, and the language has nothing the folder lacks', () => {
  assert.ok(files.length >= 40, `${files.length} lists`);
  assert.deepEqual([...ar.lists.keys()].sort(), files.map((f) => f.replace(/\.txt$/, '')).sort());
});

test('each list says what it is for, is non-empty, normalised and free of duplicates', () => {
  for (const f of files) {
    const file = path.join(LIST_DIR, f);
    assert.ok(readFileSync(file, 'utf8').startsWith('# '), `${f} starts with a header comment`);
    const words = readWordList(file).map((e) => e.word);
    assert.ok(words.length > 0, `${f} is empty`);
    assert.equal(new Set(words).size, words.length, `${f} repeats an entry`);
    for (const w of words) assert.equal(ar.normalizeString(w), w, `${f}: "${w}" is not normalised`);
    assert.deepEqual(ar.lists.get(f.replace(/\.txt$/, '')), words);
  }
});

test('every field of the language is a function, a set, a regex or the list map', () => {
  for (const [k, v] of Object.entries(ar as unknown as Record<string, unknown>)) {
    if (k === 'code' || k === 'name') assert.equal(typeof v, 'string');
    else
      assert.ok(
        typeof v === 'function' || v instanceof Set || v instanceof RegExp || v instanceof Map,
        `${k} is ${typeof v}`,
      );
    if (v instanceof Set) assert.ok(v.size > 0, `${k} is empty`);
  }
  const lang: Language = ar;
  assert.equal(lang.code, 'ar');
});

test('a list entry that is not normalised, repeated, or on a line with a tab is a DataError naming file and line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-lang-'));
  const twice = path.join(dir, 'twice.txt');
  writeFileSync(twice, '# a list\nمره\n\nمره\n');
  assert.throws(
    () => readWordList(twice),
    (e: unknown) => e instanceof DataError && e.line === 4 && e.file === twice,
  );
  const tab = path.join(dir, 'tab.txt');
  writeFileSync(tab, 'مره\tمرات\n');
  assert.throws(() => readWordList(tab), DataError);
});

test('normalise, split clitics and romanise real Arabic', () => {
  assert.equal(ar.normalizeString('قاعدة عين الأسد الأميركية'), 'قاعده عين الاسد الاميركيه');
  assert.equal(ar.normalize('إسرائيلُ').norm, 'اسرائيل');
  // و + ب + ال + انبار
  const keys = ar.firstKeys('وبالانبار').map((k) => k.key);
  assert.ok(keys.includes('انبار') && keys.includes('الانبار'), keys.join(' '));
  // وبالأمس: و ب then الامس, two characters of clitics, one of them a conjunction
  assert.deepEqual(
    ar.wordKeys(ar.normalizeString('وبالأمس')).find((k) => k.key === 'الامس'),
    { key: 'الامس', pre: 2, conj: true },
  );
  assert.equal(ar.stripArticle('الحديده'), 'حديده');
  assert.equal(ar.transliterate('محمد'), 'Mohammed');
});

test('patterns and lists on a sentence of the dev set', () => {
  const first = JSON.parse(readFileSync('corpus/dev/articles.jsonl', 'utf8').split('\n')[0]) as { text: string };
  // "تبنت "المقاومة الإسلامية في العراق"، حادث القصف الذي استهدف قاعدة عين الأسد الأميركية في محافظة الأنبار …"
  const doc = makeDoc('seed-000', first.text);
  const norms = doc.tokens.map((t) => t.norm);
  assert.ok(
    norms.some((n) => ar.facilityNouns.test(n)),
    'قاعدة is a facility noun',
  );
  assert.ok(norms.includes('القصف') && ar.definite.test('القصف') && ar.articleAfterClitics.test('القصف'));
  assert.ok(
    norms.some((n) => ar.actorPrepositions.has(n)),
    'في is a preposition before an actor',
  );
  // prefixes and anchors as the logic had them
  assert.ok(ar.passiveVerbs.test('وتعرضت') && !ar.passiveVerbs.test('فتعرضت') && !ar.passiveVerbs.test('تعرضتا'));
  assert.ok(ar.rulerNouns.test('لنظام') && ar.rulerNouns.test('للحكومه') && !ar.rulerNouns.test('النظام'));
  assert.ok(ar.airDefenceStems.test('الدفاعات') && !ar.airDefenceStems.test('دفع'));
  assert.ok(ar.namesStartingWithClitic.test('ولبنانيه') && !ar.namesStartingWithClitic.test('بغداد'));
  assert.ok(ar.futurePrefix.test('سيستهدف') && ar.dualEnding.test('جنديين') && ar.pluralVerbEnding.test('استهدفوا'));
  assert.ok(ar.groupTitle.test('جماعة أنصار الفرقان') && ar.nisbaName.test('الطبطبائي'));
});
