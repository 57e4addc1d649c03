import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalize, normalizeString } from '../../src/lang/ar/normalize.js';
import { makeDoc, normSpan } from '../../src/text/doc.js';

const cases: [string, string][] = [
  ['أُذِنَ', 'اذن'],
  ['إسرائيل', 'اسرائيل'],
  ['آلاف', 'الاف'],
  ['ٱلله', 'الله'],
  ['مصطفى', 'مصطفي'],
  ['المقاومة', 'المقاومه'],
  ['نـ ـورس', 'ن ورس'],
  ['مسيّرة', 'مسيره'],
  ['هجومًا', 'هجوما'],
  ['١٥/١٢/٢٠٢٣', '15/12/2023'],
  ['۲۰۲۳', '2023'],
  ['ﻻ', 'لا'],
  ['a\u200bb\u200f\u202bc\u2066d', 'abcd'],
  ['December', 'december'],
  ['ی', 'ي'],
  ['ک', 'ك'],
];

test('normalisation folds Arabic variants, digits, marks and case', () => {
  for (const [input, want] of cases) assert.equal(normalize(input).norm, want, input);
  assert.equal(normalizeString('  قاعدة   عين الأسد '), 'قاعده عين الاسد');
});

test('the offset map takes every normalised range back to an exact slice of the original', () => {
  const text = 'تبنت "المقاومة الإسلامية" هجومًا ١٥/١٢ على قاعدةِ عينِ الأسد — pic.twitter.com/8gdT ﻻ';
  const n = normalize(text);
  assert.equal(n.norm.length, n.srcStart.length);
  const doc = makeDoc('x', text);
  for (const t of doc.tokens) {
    const s = normSpan(doc, t.nStart, t.nEnd);
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.equal(s.start, t.start);
    assert.equal(s.end, t.end);
  }
  const i = doc.tokens.findIndex((t) => t.norm === 'قاعده');
  assert.equal(text.slice(doc.tokens[i].start, doc.tokens[i].end), 'قاعدةِ', 'a trailing diacritic belongs to its word');
});

const arabicish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة'.split('')),
      fc.constantFrom(
        '\u064b',
        '\u064e',
        '\u0651',
        '\u0640',
        '\u200f',
        '\u202b',
        '\ufeff',
        ' ',
        '\n',
        '،',
        '.',
        '"',
        '«',
        '»',
        '؟',
      ),
      fc.constantFrom('٠', '٥', '۹', '1', '/', '-', '#', '@', 'pic.twitter.com/x', 'ﻻ', 'ﷺ', '\ud83d\ude00', '\ud800'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

test('property: every token and sentence span slices the original text exactly', () => {
  fc.assert(
    fc.property(arabicish, (text) => {
      const doc = makeDoc('p', text);
      for (const t of doc.tokens) {
        assert.ok(t.start < t.end && t.end <= text.length);
        assert.equal(normSpan(doc, t.nStart, t.nEnd).text, text.slice(t.start, t.end));
      }
      for (const s of doc.sentences) assert.ok(s.start < s.end && s.end <= text.length);
      let prev = -1;
      for (const t of doc.tokens) {
        assert.ok(t.start >= prev, 'tokens are in order and do not overlap');
        prev = t.end;
      }
    }),
    { numRuns: 500 },
  );
});
