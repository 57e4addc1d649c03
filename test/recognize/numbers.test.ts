import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { dualOf, findNumbers, type NumberMention, parseDigits } from '../../src/recognize/numbers.js';
import { makeDoc } from '../../src/text/doc.js';

/** [span text, value, qualifier, extra fields the mention must have] */
type Expect = [string, number, NumberMention['qualifier'], Partial<NumberMention>?];
type Row = [input: string, expected: Expect[]];

const ROWS: Row[] = [
  // from the seed articles
  ['خلَّفت، حتى الأربعاء، 18 ألفاً و608 شهداء', [['18 ألفاً و608', 18608, 'exact', { unit: 'شهداء' }]]],
  ['و50 ألفاً و594 مصاباً', [['50 ألفاً و594', 50594, 'exact', { unit: 'مصابا' }]]],
  ['لهجمات بطائرات مسيّرة وصواريخ 23 مرة خلال الشهر الجاري', [['23', 23, 'exact', { unit: 'مره' }]]],
  ['للهجوم 14 مرة على الأقل بشكل منفصل', [['14', 14, 'at_least', { unit: 'مره' }]]],
  ['في العراق وتسع مرات بشكل منفصل', [['تسع', 9, 'exact', { unit: 'مرات' }]]],
  ['بأن 4 صواريخ استهدفت قاعدة عين الأسد', [['4', 4, 'exact', { unit: 'صواريخ' }]]],
  ['لإصابة 21 عنصرًا أميركيًا', [['21', 21, 'exact', { unit: 'عنصرا' }]]],
  ['وينتشر حوالي 2500 عسكري أميركي', [['2500', 2500, 'about', { unit: 'عسكري' }]]],
  ['قطاع غزة الذي دخل يومه الـ24،', [['الـ24', 24, 'exact', { ordinal: true }]]],
  ['ووقعت ثلاث هجمات في سوريا', [['ثلاث', 3, 'exact', { unit: 'هجمات' }]]],
  ['إن هجوماً نُفذ بطائرتين مسيرتين مفخختين استهدف', [['طائرتين', 2, 'exact', { dual: true }]]],
  ['23 هجومًا على قواعد أميركية', [['23', 23, 'exact', { unit: 'هجوما' }]]],
  // digits
  ['أصيب ٢٫٥ مليون', [['٢٫٥ مليون', 2_500_000, 'exact']]],
  ['نزح 2,500 شخص', [['2,500', 2500, 'exact', { unit: 'شخص' }]]],
  ['بلغت 18.5% من', [['18.5', 18.5, 'exact', { unit: '%' }]]],
  ['بلغت 20 بالمئة', [['20', 20, 'exact', { unit: '%' }]]],
  ['سقط ١٢ قتيلا', [['١٢', 12, 'exact', { unit: 'قتيلا' }]]],
  ['نحو 1.500.000 نازح', [['1.500.000', 1_500_000, 'about']]],
  ['أرسلت 2 مليون جرعة', [['2 مليون', 2_000_000, 'exact']]],
  // words, genders and cases
  ['قتل شخص واحد', [['واحد', 1, 'exact']]],
  ['سيارة واحدة', [['واحدة', 1, 'exact']]],
  [
    'قتل اثنان وجرح اثنين وأسرت اثنتين',
    [
      ['اثنان', 2, 'exact'],
      ['اثنين', 2, 'exact'],
      ['اثنتين', 2, 'exact'],
    ],
  ],
  ['أصيب أحد عشر جنديا', [['أحد عشر', 11, 'exact', { unit: 'جنديا' }]]],
  ['ثلاث عشرة غارة', [['ثلاث عشرة', 13, 'exact', { unit: 'غاره' }]]],
  ['تسعة عشر قتيلا', [['تسعة عشر', 19, 'exact']]],
  ['قتل خمسة وعشرين مدنيا', [['خمسة وعشرين', 25, 'exact', { unit: 'مدنيا' }]]],
  ['وتسعون', [['تسعون', 90, 'exact']]],
  [
    'مئة ومائة ومئتين وثلاثمئة',
    [
      ['مئة', 100, 'exact'],
      ['مائة', 100, 'exact'],
      ['مئتين', 200, 'exact'],
      ['ثلاثمئة', 300, 'exact'],
    ],
  ],
  ['ثلاث مئة', [['ثلاث مئة', 300, 'exact']]],
  ['مئة وخمسة عشر', [['مئة وخمسة عشر', 115, 'exact']]],
  ['ثلاثة آلاف جندي', [['ثلاثة آلاف', 3000, 'exact', { unit: 'جندي' }]]],
  ['ألفين وخمسمائة', [['ألفين وخمسمائة', 2500, 'exact']]],
  ['مليون و200 ألف', [['مليون و200 ألف', 1_200_000, 'exact']]],
  ['ألف ونصف', [['ألف ونصف', 1500, 'exact']]],
  ['الدول الخمس', [['الخمس', 5, 'exact']]],
  // ordinals
  ['يومه الرابع والعشرين', [['الرابع والعشرين', 24, 'exact', { ordinal: true }]]],
  ['للمرة الحادية عشرة', [['الحادية عشرة', 11, 'exact', { ordinal: true }]]],
  // qualifiers
  ['ما لا يقل عن 30 قتيلا', [['30', 30, 'at_least', { qualifierSpan: { start: 0, end: 12, text: 'ما لا يقل عن' } }]]],
  ['أكثر من 100 صاروخ', [['100', 100, 'at_least']]],
  ['ونحو 50 جريحا', [['50', 50, 'about', { qualifierSpan: { start: 1, end: 4, text: 'نحو' } }]]],
  [
    'قرابة 40 وزهاء 300 وما يقارب 20',
    [
      ['40', 40, 'about'],
      ['300', 300, 'about'],
      ['20', 20, 'about'],
    ],
  ],
  ['أقل من 10 أشخاص', [['10', 10, 'at_most']]],
  ['10 أشخاص تقريبا', [['10', 10, 'about']]],
  // vague quantities
  ['سقط عشرات الجرحى', [['عشرات', 10, 'about', { vague: true, acled: 12, unit: 'الجرحي' }]]],
  ['دمرت مئات المنازل', [['مئات', 100, 'about', { vague: true, acled: 100 }]]],
  ['أسفر عن آلاف الشهداء', [['آلاف', 1000, 'about', { vague: true }]]],
  ['عشرات الآلاف من النازحين', [['عشرات الآلاف', 10_000, 'about', { vague: true, acled: 12_000 }]]],
  ['العديد من الهجمات', [['العديد', 0, 'about', { vague: true, acled: 10, unit: 'الهجمات' }]]],
  ['للعديد من الهجمات', [['للعديد', 0, 'about', { vague: true }]]],
  ['عدد من الجنود', [['عدد من', 0, 'about', { vague: true, unit: 'الجنود' }]]],
  // duals
  ['أطلق صاروخين', [['صاروخين', 2, 'exact', { dual: true, unit: 'صاروخين' }]]],
  ['قتل جنديين اثنين', [['جنديين اثنين', 2, 'exact', { dual: true }]]],
  ['قبل يومين', [['يومين', 2, 'exact', { dual: true }]]],
  // not numbers
  ['تشرين الثاني وكانون الأول', []],
  ['منذ 7 أكتوبر/ تشرين الأول 2023', []],
  ['في السابع من أكتوبر', []],
  ['من 17 أكتوبر إلى 30 منه', []],
  ['عام 2020 وصيف 2022', []],
  ['الساعة 10:30 يوم 2023-12-15', []],
  ['أحد الجنود والطائرتين', []],
  ['المدنيين الفلسطينيين بين حين وآخر', []],
];

function check(m: NumberMention, text: string) {
  assert.equal(text.slice(m.span.start, m.span.end), m.span.text, 'span must be an exact slice');
  assert.ok(m.first < m.last);
}

describe('findNumbers table', () => {
  for (const [input, expected] of ROWS) {
    test(input, () => {
      const doc = makeDoc('t', input, '2023-10-30');
      const got = findNumbers(doc);
      for (const m of got) check(m, input);
      assert.deepEqual(
        got.map((m) => [m.span.text, m.value, m.qualifier]),
        expected.map(([s, v, q]) => [s, v, q]),
      );
      expected.forEach(([, , , extra], k) => {
        for (const [key, want] of Object.entries(extra ?? {})) {
          assert.deepEqual(got[k][key as keyof NumberMention], want, `${key} of ${got[k].span.text}`);
        }
      });
      for (const m of got) assert.equal(m.vague, !!expected.find((e) => e[0] === m.span.text)?.[3]?.vague);
    });
  }
});

describe('helpers', () => {
  test('parseDigits', () => {
    assert.equal(parseDigits('2500'), 2500);
    assert.equal(parseDigits('2,500'), 2500);
    assert.equal(parseDigits('1,234,567'), 1_234_567);
    assert.equal(parseDigits('18.5'), 18.5);
    assert.equal(parseDigits('2,5'), 2.5);
    assert.equal(parseDigits('1.500.000'), 1_500_000);
    assert.equal(parseDigits('1,500.25'), 1500.25);
    assert.equal(parseDigits('1.500,25'), 1500.25);
    assert.ok(Number.isNaN(parseDigits('1,2,3')));
  });

  test('dualOf', () => {
    const doc = makeDoc('t', 'بطائرتين صاروخان الطائرتين المدنيين مرتين', null);
    assert.deepEqual(
      doc.tokens.map((t) => dualOf(t)),
      ['طائره', 'صاروخ', null, null, 'مره'],
    );
  });

  test('mentions carry their sentence', () => {
    const doc = makeDoc('t', 'قتل 3 أشخاص. وأصيب 4 آخرون.', null);
    assert.deepEqual(
      findNumbers(doc).map((m) => [m.value, m.sent]),
      [
        [3, 0],
        [4, 1],
      ],
    );
  });

  const root = fileURLToPath(new URL('../..', import.meta.url));
  const cldr = join(root, 'corpus/cldr');
  test('number-words.json is what the build script makes from corpus/cldr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-numwords-'));
    try {
      const out = join(dir, 'number-words.json');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-number-words.ts', '--cldr', cldr, '--out', out],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(join(root, 'data/lexicons/number-words.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('property', () => {
  const pieces = [
    ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىةؤئـ',
    ...'0123456789٠١٢٣٤٥٦٧٨٩',
    ...'\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u200f\u200c',
    ...' ,.،؛:/-%()«»"\n',
    'و',
    'الـ',
    'ألفاً',
    'آلاف',
    'عشرات',
    'مئة',
    'عشر',
    'خمسة',
    'وعشرين',
    'أحد',
    'على الأقل',
    'ما لا يقل عن',
    'طائرتين',
    'العديد',
    'أكتوبر',
  ];
  test('findNumbers never throws and spans are exact', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const doc = makeDoc('p', text, null);
        let prevLast = 0;
        for (const m of findNumbers(doc)) {
          check(m, text);
          assert.ok(Number.isFinite(m.value) && m.value >= 0);
          assert.ok(m.first >= prevLast, 'mentions do not overlap');
          prevLast = m.last;
          if (m.qualifierSpan)
            assert.equal(text.slice(m.qualifierSpan.start, m.qualifierSpan.end), m.qualifierSpan.text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
