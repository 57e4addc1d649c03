/**
 * Builds data/lexicons/number-words.json: normalised Arabic number words → [value, kind], plus the small phrase
 * tables the number recognizer reads (vague quantities, qualifiers, dual nouns).
 *
 * Raw material: CLDR RBNF Arabic spell-out rules (cldr_rbnf_ar.json, Unicode License v3). CLDR lists one
 * citation form per value (إثنان, عشرون, مائة…); the case, gender and spelling variants news text uses (اثنين,
 * عشرين, مئة, ألفاً, ملايين…) are added from the SUPPLEMENT tables below. Output is sorted, so reruns are
 * byte-identical.
 *
 *   node --import tsx scripts/build-number-words.ts [--cldr DIR] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeString } from '../src/lang/ar/normalize.js';
import type { NumberWordKind } from '../src/recognize/number-lexicon.js';

type Kind = NumberWordKind;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const cldrDir = resolve(arg('--cldr') ?? process.env.RASD_CLDR_DIR ?? join(root, 'corpus/cldr'));
const outFile = resolve(arg('--out') ?? join(root, 'data/lexicons/number-words.json'));

type Rule = [string, string];
const rbnf = JSON.parse(readFileSync(join(cldrDir, 'cldr_rbnf_ar.json'), 'utf8'));
const sets: Record<string, Rule[]> = rbnf.rbnf.rbnf.SpelloutRules;

const words = new Map<string, [number, Kind]>();
const tenSuffix = new Set<string>();
const add = (word: string, value: number, kind: Kind) => {
  const w = normalizeString(word);
  if (w && !words.has(w)) words.set(w, [value, kind]);
};

/** Literal words of a rule body, with substitutions (←←, →%x→, =…=) and optional [ ] parts removed. */
function literal(body: string): { words: string[]; leadingSub: boolean } {
  const b = body.replace(/;\s*$/, '').trim();
  const leadingSub = /^[<>←→=]/.test(b);
  const text = b
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/([<>=←→])(%{1,2}[\w-]+|#,##0(?:\.#+)?|0\.0)?\1/g, ' ')
    .trim();
  return { words: text.split(/\s+/).filter(Boolean), leadingSub };
}

function ruleValue(key: string): { value: number; radix: number | null } | null {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(key);
  if (!m) return null;
  return { value: Number(m[1]), radix: m[2] ? Number(m[2]) : null };
}

// --- cardinals from CLDR ---
for (const name of ['%spellout-numbering', '%spellout-cardinal-masculine', '%spellout-cardinal-feminine']) {
  for (const [key, body] of sets[name]) {
    const rv = ruleValue(key);
    if (!rv || rv.value === 0 || rv.value >= 1e18) continue;
    const { value: v, radix } = rv;
    const { words: ws, leadingSub } = literal(body);
    if (ws.length === 0) continue;
    if (v <= 10) add(ws[0], v, 'unit');
    else if (v === 11 || v === 12) {
      add(ws[0], v - 10, 'teen-head');
      if (ws[1]) tenSuffix.add(normalizeString(ws[1]));
    } else if (v < 20) tenSuffix.add(normalizeString(ws[ws.length - 1]));
    else if (v < 100 && v % 10 === 0) add(ws[0], v, 'tens');
    else if (v < 1000) add(ws[0], leadingSub ? 100 : v, 'hundred');
    else {
      const base = radix ?? 10 ** Math.floor(Math.log10(v));
      if (leadingSub) add(ws[0], base, v === 3000 ? 'scale-plural' : 'scale');
      else add(ws[0], v, v === base ? 'scale' : 'scale-dual');
    }
  }
}
// --- ordinals from CLDR (2..10, the "الحادي" of 11/21…, tens) ---
for (const name of ['%spellout-ordinal-masculine', '%spellout-ordinal-feminine']) {
  for (const [key, body] of sets[name]) {
    const rv = ruleValue(key);
    if (!rv) continue;
    const v = rv.value;
    const { words: ws } = literal(body);
    if (ws.length === 0) continue;
    if (v >= 2 && v <= 10) add(ws[0], v, 'ordinal');
    else if (v === 11) {
      add(ws[0], 1, 'ordinal-one');
      if (ws[1]) tenSuffix.add(normalizeString(ws[1]));
    } else if (v >= 20 && v < 100 && v % 10 === 0) add(ws[0], v, 'ordinal-tens');
  }
}

// --- SUPPLEMENT: forms news text uses that CLDR's citation forms do not list (not from CLDR) ---
const SUPPLEMENT: [number, Kind, string[]][] = [
  [1, 'unit', ['واحدة']],
  [2, 'unit', ['اثنين', 'اثنتين', 'اثنتان', 'ثنتان', 'ثنتين']],
  [3, 'unit', ['ثلاث']],
  [4, 'unit', ['أربع']],
  [5, 'unit', ['خمس']],
  [6, 'unit', ['ست']],
  [7, 'unit', ['سبع']],
  [8, 'unit', ['ثمان', 'ثماني']],
  [9, 'unit', ['تسع']],
  [10, 'unit', ['عشر']],
  // definite cardinals ("الدول الخمس", "الأيام الثلاثة"); الاثنين is left out: it is Monday
  [3, 'unit', ['الثلاثة', 'الثلاث']],
  [4, 'unit', ['الأربعة', 'الأربع']],
  [5, 'unit', ['الخمسة', 'الخمس']],
  [6, 'unit', ['الستة', 'الست']],
  [7, 'unit', ['السبعة', 'السبع']],
  [8, 'unit', ['الثمانية', 'الثماني']],
  [9, 'unit', ['التسعة', 'التسع']],
  [10, 'unit', ['العشرة', 'العشر']],
  [1, 'teen-head', ['أحد', 'إحدى']],
  [2, 'teen-head', ['اثني', 'اثنتي', 'اثنتا']],
  [20, 'tens', ['عشرين']],
  [30, 'tens', ['ثلاثين']],
  [40, 'tens', ['أربعين']],
  [50, 'tens', ['خمسين']],
  [60, 'tens', ['ستين']],
  [70, 'tens', ['سبعين']],
  [80, 'tens', ['ثمانين']],
  [90, 'tens', ['تسعين']],
  [100, 'hundred', ['مئة', 'مائة']],
  [200, 'hundred', ['مئتان', 'مئتين', 'مائتين', 'مئتا', 'مئتي', 'مائتا', 'مائتي']],
  [1000, 'scale', ['ألف', 'ألفا']],
  [1000, 'scale-plural', ['آلاف', 'ألوف']],
  [2000, 'scale-dual', ['ألفان', 'ألفين', 'ألفي']],
  [1e6, 'scale', ['مليون', 'مليونا']],
  [1e6, 'scale-plural', ['ملايين']],
  [2e6, 'scale-dual', ['مليونان', 'مليونين']],
  [1e9, 'scale', ['مليار', 'مليارا', 'بليون']],
  [1e9, 'scale-plural', ['مليارات']],
  [2e9, 'scale-dual', ['ملياران', 'مليارين']],
  [1e12, 'scale', ['تريليون', 'ترليون']],
  [0.5, 'half', ['نصف']],
  [20, 'ordinal-tens', ['العشرين']],
  [30, 'ordinal-tens', ['الثلاثين']],
  [40, 'ordinal-tens', ['الأربعين']],
  [50, 'ordinal-tens', ['الخمسين']],
  [60, 'ordinal-tens', ['الستين']],
  [70, 'ordinal-tens', ['السبعين']],
  [80, 'ordinal-tens', ['الثمانين']],
  [90, 'ordinal-tens', ['التسعين']],
];
for (const [v, kind, ws] of SUPPLEMENT) for (const w of ws) add(w, v, kind);
// ثلاثمئة … تسعمئة written as one word, both spellings of مئة
const HUNDRED_HEADS = ['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'ثماني', 'تسع'];
const HUNDRED_VALUES = [3, 4, 5, 6, 7, 8, 8, 9];
HUNDRED_HEADS.forEach((h, k) => {
  for (const m of ['مئة', 'مائة']) add(h + m, HUNDRED_VALUES[k] * 100, 'hundred');
});
for (const w of ['عشر', 'عشرة']) tenSuffix.add(normalizeString(w));

// --- phrase tables (not from CLDR) ---
/** [phrase, value (lower bound read from the word), ACLED-convention value or null] */
const VAGUE: [string, number, number | null][] = [
  ['عشرات', 10, 12],
  ['العشرات', 10, 12],
  ['مئات', 100, 100],
  ['المئات', 100, 100],
  ['آلاف', 1000, null],
  ['الآلاف', 1000, null],
  ['ألوف', 1000, null],
  ['الألوف', 1000, null],
  ['ملايين', 1e6, null],
  ['الملايين', 1e6, null],
  ['بضع', 3, null],
  ['بضعة', 3, null],
  ['عدة', 3, 10],
  ['العديد', 0, 10],
  ['عديد', 0, 10],
  ['عدد من', 0, 10],
  ['عددا من', 0, 10],
  ['عدد كبير من', 0, 10],
];
/** plural scales that multiply a preceding vague word: عشرات الآلاف = 10 000 */
const VAGUE_SCALES: [string, number][] = [
  ['آلاف', 1000],
  ['الآلاف', 1000],
  ['ألوف', 1000],
  ['الألوف', 1000],
  ['ملايين', 1e6],
  ['الملايين', 1e6],
];
const QUALIFIERS_BEFORE: [string, string][] = [
  ['ما لا يقل عن', 'at_least'],
  ['لا يقل عن', 'at_least'],
  ['ما لا يقل على', 'at_least'],
  ['أكثر من', 'at_least'],
  ['ما يزيد عن', 'at_least'],
  ['ما يزيد على', 'at_least'],
  ['يزيد عن', 'at_least'],
  ['يزيد على', 'at_least'],
  ['أزيد من', 'at_least'],
  ['ما لا يزيد عن', 'at_most'],
  ['ما لا يزيد على', 'at_most'],
  ['لا يزيد عن', 'at_most'],
  ['أقل من', 'at_most'],
  ['نحو', 'about'],
  ['حوالي', 'about'],
  ['حوالى', 'about'],
  ['قرابة', 'about'],
  ['زهاء', 'about'],
  ['ما يقارب', 'about'],
  ['يقارب', 'about'],
  ['ما يقرب من', 'about'],
  ['ما يناهز', 'about'],
  ['يناهز', 'about'],
];
const QUALIFIERS_AFTER: [string, string][] = [
  ['على الأقل', 'at_least'],
  ['أو أكثر', 'at_least'],
  ['فأكثر', 'at_least'],
  ['على الأكثر', 'at_most'],
  ['تقريبا', 'about'],
];
/** countable nouns whose dual cannot be mistaken for a sound plural (their plural is broken or -ات) */
const DUAL_NOUNS = [
  'صاروخ',
  'قذيفة',
  'طائرة',
  'مسيرة',
  'مروحية',
  'غارة',
  'هجوم',
  'هجمة',
  'ضربة',
  'عبوة',
  'سيارة',
  'شاحنة',
  'حافلة',
  'مركبة',
  'آلية',
  'دبابة',
  'مدرعة',
  'زورق',
  'سفينة',
  'لغم',
  'انفجار',
  'عملية',
  'جندي',
  'ضابط',
  'شخص',
  'رجل',
  'امرأة',
  'طفل',
  'قتيل',
  'جريح',
  'شهيد',
  'عنصر',
  'أسير',
  'رهينة',
  'قاعدة',
  'موقع',
  'منزل',
  'مبنى',
  'مسجد',
  'مستشفى',
  'حاجز',
  'نقطة',
  'جسر',
  'قرية',
  'بلدة',
  'مدينة',
  'مرة',
  'يوم',
  'أسبوع',
  'شهر',
  'عام',
  'سنة',
  'ساعة',
  'دقيقة',
];
const duals: Record<string, string> = {};
for (const noun of DUAL_NOUNS) {
  const s = normalizeString(noun);
  // ة (normalised ه) becomes ت before the dual ending: طائرة → طائرتين
  const stem = s.endsWith('ه') ? s.slice(0, -1) + 'ت' : s;
  for (const end of ['ين', 'ان']) duals[stem + end] = s;
}
const ARTICLES = ['ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وبال', 'فبال'];
const PERCENT = ['%', '٪', 'بالمئة', 'بالمائة', 'في المئة', 'في المائة'];
/** a number word right after these is part of a month name (تشرين الثاني, كانون الأول, ربيع الثاني) */
const ORDINAL_BLOCK_PREV = ['تشرين', 'كانون', 'ربيع', 'جمادى'];
/** words that are not the counted noun after a number */
const UNIT_STOP = [
  'من',
  'في',
  'على',
  'إلى',
  'عن',
  'مع',
  'و',
  'أو',
  'ثم',
  'حتى',
  'منذ',
  'خلال',
  'بين',
  'قد',
  'أن',
  'إن',
  'لا',
  'ما',
  'هو',
  'هي',
  'الذي',
  'التي',
];

const norm = (xs: string[]) => [...new Set(xs.map(normalizeString))].sort();
const sortedWords = [...words.entries()].sort((a, b) => a[1][0] - b[1][0] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = {
  $comment:
    'Generated by scripts/build-number-words.ts from CLDR RBNF ar (Unicode License v3) plus the supplement tables in that script. Do not edit by hand.',
  words: Object.fromEntries(sortedWords),
  tenSuffix: [...tenSuffix].sort(),
  articles: norm(ARTICLES),
  vague: VAGUE.map(([p, v, a]) => [normalizeString(p), v, a]),
  vagueScales: VAGUE_SCALES.map(([p, v]) => [normalizeString(p), v]),
  qualifiersBefore: QUALIFIERS_BEFORE.map(([p, q]) => [normalizeString(p), q]),
  qualifiersAfter: QUALIFIERS_AFTER.map(([p, q]) => [normalizeString(p), q]),
  duals: Object.fromEntries(Object.entries(duals).sort()),
  percent: norm(PERCENT),
  ordinalBlockPrev: norm(ORDINAL_BLOCK_PREV),
  unitStop: norm(UNIT_STOP),
};
writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${outFile}: ${sortedWords.length} words, ${Object.keys(duals).length} dual forms`);
