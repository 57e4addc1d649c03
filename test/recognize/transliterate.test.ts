import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dataPath, readTsv, splitList } from '../../src/data.js';
import { transliterate } from '../../src/lang/ar/transliterate.js';

/** Arabic name → expected romanisation in this module's scheme. */
const cases: [string, string][] = [
  // table: very common given names and parts
  ['محمد', 'Mohammed'],
  ['محمّد', 'Mohammed'],
  ['يوسف', 'Youssef'],
  ['إبراهيم', 'Ibrahim'],
  ['سعيد', 'Saeed'],
  ['محمود عباس', 'Mahmoud Abbas'],
  ['إسماعيل هنية', 'Ismail Haniya'],
  ['أبو عبيدة', 'Abu Obeida'],
  ['محمد بن سلمان', 'Mohammed bin Salman'],
  ['تميم بن حمد آل ثاني', 'Tamim bin Hamad Al Thani'],
  // عبد + name, name + الله
  ['عبد الله', 'Abdullah'],
  ['عبدالله', 'Abdullah'],
  ['عبد الملك الحوثي', 'Abdul-Malik al-Houthi'],
  ['عبدالرحمن', 'Abdul-Rahman'],
  ['عبد الفتاح البرهان', 'Abdul-Fattah al-Barhan'],
  ['عبد ربه منصور هادي', 'Abd-Rabbuh Mansour Hadi'],
  ['حسن نصر الله', 'Hassan Nasrallah'],
  ['نصرالله', 'Nasrallah'],
  ['فضل الله', 'Fadlallah'],
  ['عطا الله', 'Atallah'],
  ['آية الله علي السيستاني', 'Ayatollah Ali al-Sistani'],
  // the article, nisbas
  ['أحمد الشرع', 'Ahmed al-Sharaa'],
  ['مصطفى الكاظمي', 'Mustafa al-Kadhimi'],
  ['أبو بكر البغدادي', 'Abu Bakr al-Baghdadi'],
  ['يحيى السنوار', 'Yahya al-Sanwar'],
  ['قاسم سليماني', 'Qassem Suleimani'],
  ['هادي العامري', 'Hadi al-Ameri'],
  ['مروان البرغوثي', 'Marwan al-Barghouthi'],
  ['أيمن الصفدي', 'Ayman al-Safadi'],
  ['نور الدين البابا', 'Nour al-Din al-Baba'],
  ['ولد الشيخ أحمد', 'Ould al-Sheikh Ahmed'],
  // rules: vowel guessing, ʿayn, hamza, ta marbuta, diphthongs
  ['ناصر كنعاني', 'Nasser Kanaani'],
  ['كامل', 'Kamel'],
  ['سليم', 'Salim'],
  ['شعبان', 'Shaaban'],
  ['جعفر', 'Jaafar'],
  ['سعد', 'Saad'],
  ['بكر', 'Bakr'],
  ['زيد', 'Zeid'],
  ['نبيه بري', 'Nabih Bari'],
  ['مرهف أبو قصرة', 'Marhaf Abu Qasra'],
  ['أسعد الشيباني', 'Asaad al-Shibani'],
  ['إلهام أحمد', 'Ilham Ahmed'],
  ['سمية', 'Samiya'],
  ['قاآني', 'Qaani'],
  ['خامنئي', 'Khamnei'],
  ['إبراهيم رئيسي', 'Ibrahim Reisi'],
  ['الشرقية', 'al-Sharqiya'],
  // Persian letter forms, Latin and empty input
  ['پاکپور', 'Pakpour'],
  ['Ali', 'Ali'],
  ['', ''],
];

test('transliterate: table of names', () => {
  for (const [ar, want] of cases) assert.equal(transliterate(ar), want, ar);
});

test('transliterate: diacritics, tatweel and invisible marks do not change the result', () => {
  assert.equal(transliterate('عَبْدُ المَلِكِ الحُوثِيّ'), 'Abdul-Malik al-Houthi');
  assert.equal(transliterate('نـاصـر\u200f كنعاني'), 'Nasser Kanaani');
});

test('transliterate: any Arabic name gives readable Latin (letters, spaces, hyphens; parts capitalised)', () => {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة'.split('');
  const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 8 }).map((a) => a.join(''));
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (ws) => {
      const out = transliterate(ws.join(' '));
      assert.match(out, /^[A-Za-z' -]*$/, ws.join(' '));
      for (const p of out.split(' ')) {
        if (p === '' || p === 'bin' || p === 'bint' || p.startsWith('al-')) continue;
        assert.ok(p[0] === p[0].toUpperCase(), `${ws.join(' ')} → ${out}`);
      }
    }),
    { numRuns: 300 },
  );
});

const persons = readTsv(dataPath('lexicons', 'persons.tsv'));

test('persons.tsv: every row has a name, a role and at least one Arabic form', () => {
  assert.ok(persons.length >= 250, `only ${persons.length} rows`);
  for (const r of persons) {
    assert.ok(r.name.length > 0, JSON.stringify(r));
    assert.ok(r.role.length > 0, r.name);
    const forms = splitList(r.names_ar);
    assert.ok(forms.length > 0, r.name);
    for (const f of forms) assert.match(f, /^[\u0600-\u06ff ]+$/u, `${r.name}: ${f}`);
  }
});

test('persons.tsv: every Arabic full name romanises to something non-empty', () => {
  for (const r of persons) {
    const full = splitList(r.names_ar)[0];
    assert.ok(transliterate(full).trim().length > 0, `${r.name}: ${full}`);
  }
});

test('roles.tsv: every row has a form, an English rendering and a known kind', () => {
  const roles = readTsv(dataPath('lexicons', 'roles.tsv'));
  assert.ok(roles.length >= 120, `only ${roles.length} rows`);
  for (const r of roles) {
    assert.ok(r.form.length > 0 && r.role_en.length > 0, JSON.stringify(r));
    assert.ok(['title', 'role', 'institution'].includes(r.kind), `${r.form}: ${r.kind}`);
  }
});
