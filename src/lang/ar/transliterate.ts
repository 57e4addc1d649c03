/**
 * Rule-based Arabic → Latin romanisation of person names, for speakers that are not in the persons lexicon.
 *
 * The scheme follows the loose conventions of English-language news agencies rather than a scholarly
 * transliteration (no diacritics, no ʿayn or hamza marks, doubled consonants not marked):
 *
 * - a table of very common given names and name parts gives their conventional spelling
 *   (محمد → Mohammed, حسين → Hussein, يوسف → Youssef, أبو → Abu, بن → bin);
 * - عبد + name is one part: عبد الله → Abdullah, عبد الملك → Abdul-Malik, عبد ربه → Abd-Rabbuh;
 * - name + الله is one word: نصر الله → Nasrallah; the article is "al-" whatever letter follows
 *   (الحوثي → al-Houthi, الشرع → al-Sharaa); آل (family) is "Al" (آل ثاني → Al Thani);
 * - otherwise letters map one by one (ش sh, خ kh, غ gh, ث th, ذ dh, ق q; ح ه → h; ص س → s; ض د → d;
 *   ط ت → t; ظ ز → z), ا → a, و → ou (w as a consonant), ي → i (y as a consonant), final ى ة → a,
 *   ية → iya, -وي → awi, initial أو → O and إي → I, hamza is dropped and ʿayn only lengthens a neighbouring a
 *   (سعد → Saad, جعفر → Jaafar);
 * - short vowels, which Arabic does not write, are guessed: "a" inside a leading cluster (سليم → Salim,
 *   منصور → Mansour), "e" before the last consonant of a word after a long vowel (the CāCiC pattern of
 *   ناصر, خالد, ماجد → Naser, Khaled, Majed, but أكبر → Akbar), CaCaC / CaCC for three bare consonants
 *   (حسن → Hasan, بدر → Badr), and "ei" for ي in a three-letter word (زيد → Zeid);
 * - a nisba is its stem + i (العامري → al-Ameri as عامر → Amer; سليماني → Suleimani).
 *
 * Every name part is capitalised except the particles al-, bin, bint. Unknown names always come out as
 * something readable; Latin text is passed through unchanged.
 */
import { isIgnorable } from './normalize.js';

/** Conventional spellings of common given names and name parts, keyed by the Arabic as usually written. */
const NAME_PARTS: Record<string, string> = {
  // given names (male)
  محمد: 'Mohammed',
  أحمد: 'Ahmed',
  محمود: 'Mahmoud',
  مصطفى: 'Mustafa',
  علي: 'Ali',
  حسن: 'Hassan',
  حسين: 'Hussein',
  حسان: 'Hassan',
  عمر: 'Omar',
  عمرو: 'Amr',
  عثمان: 'Othman',
  خالد: 'Khaled',
  يوسف: 'Youssef',
  إبراهيم: 'Ibrahim',
  إسماعيل: 'Ismail',
  إسحاق: 'Ishaq',
  يعقوب: 'Yaqoub',
  يحيى: 'Yahya',
  زكريا: 'Zakaria',
  موسى: 'Mousa',
  عيسى: 'Issa',
  سليمان: 'Suleiman',
  داود: 'Daoud',
  سعيد: 'Saeed',
  سعد: 'Saad',
  سعود: 'Saud',
  فهد: 'Fahd',
  فيصل: 'Faisal',
  سلمان: 'Salman',
  سلطان: 'Sultan',
  ناصر: 'Nasser',
  نصر: 'Nasr',
  منصور: 'Mansour',
  جمال: 'Jamal',
  كمال: 'Kamal',
  طارق: 'Tareq',
  زياد: 'Ziad',
  وليد: 'Walid',
  هشام: 'Hisham',
  هاني: 'Hani',
  هادي: 'Hadi',
  مهدي: 'Mahdi',
  ماجد: 'Majed',
  مجيد: 'Majid',
  رشيد: 'Rashid',
  راشد: 'Rashed',
  صالح: 'Saleh',
  صلاح: 'Salah',
  جعفر: 'Jaafar',
  قاسم: 'Qassem',
  عباس: 'Abbas',
  حيدر: 'Haider',
  كريم: 'Karim',
  رضا: 'Reza',
  جواد: 'Jawad',
  كاظم: 'Kadhim',
  باقر: 'Baqir',
  صادق: 'Sadiq',
  هاشم: 'Hashem',
  حمزة: 'Hamza',
  أسامة: 'Osama',
  عبيدة: 'Obeida',
  معاذ: 'Muadh',
  مصعب: 'Musab',
  أنس: 'Anas',
  أيمن: 'Ayman',
  أمين: 'Amin',
  أمير: 'Amir',
  نبيل: 'Nabil',
  عادل: 'Adel',
  فؤاد: 'Fuad',
  رياض: 'Riyad',
  عماد: 'Imad',
  عصام: 'Issam',
  بسام: 'Bassam',
  حسام: 'Hossam',
  هيثم: 'Haitham',
  مازن: 'Mazen',
  رامي: 'Rami',
  سامي: 'Sami',
  سمير: 'Samir',
  منير: 'Munir',
  بشير: 'Bashir',
  جميل: 'Jamil',
  خليل: 'Khalil',
  عزيز: 'Aziz',
  بشار: 'Bashar',
  ماهر: 'Maher',
  حافظ: 'Hafez',
  فاروق: 'Farouk',
  أنور: 'Anwar',
  نوري: 'Nouri',
  شكري: 'Shukri',
  فوزي: 'Fawzi',
  عمار: 'Ammar',
  ياسر: 'Yasser',
  أسعد: 'Asaad',
  مسعود: 'Masoud',
  محسن: 'Mohsen',
  غسان: 'Ghassan',
  نواف: 'Nawaf',
  نايف: 'Nayef',
  تركي: 'Turki',
  بندر: 'Bandar',
  حمد: 'Hamad',
  حمدان: 'Hamdan',
  زايد: 'Zayed',
  خليفة: 'Khalifa',
  تميم: 'Tamim',
  قيس: 'Qais',
  عون: 'Aoun',
  سيف: 'Saif',
  ضياء: 'Diaa',
  علاء: 'Alaa',
  بهاء: 'Bahaa',
  طه: 'Taha',
  // given names (female)
  فاطمة: 'Fatima',
  عائشة: 'Aisha',
  زينب: 'Zeinab',
  مريم: 'Maryam',
  خديجة: 'Khadija',
  ليلى: 'Layla',
  سارة: 'Sara',
  هدى: 'Huda',
  منى: 'Mona',
  رانيا: 'Rania',
  سلمى: 'Salma',
  ريم: 'Reem',
  أمل: 'Amal',
  نادية: 'Nadia',
  // second halves of عبد ... and ... الدين names (also used bare)
  رحمن: 'Rahman',
  رحيم: 'Rahim',
  ملك: 'Malik',
  فتاح: 'Fattah',
  قادر: 'Qader',
  وهاب: 'Wahab',
  لطيف: 'Latif',
  حميد: 'Hamid',
  حكيم: 'Hakim',
  رزاق: 'Razzaq',
  سلام: 'Salam',
  جبار: 'Jabbar',
  ستار: 'Sattar',
  ربه: 'Rabbuh',
  دين: 'Din',
  نور: 'Nour',
  زين: 'Zein',
  شمس: 'Shams',
  بدر: 'Badr',
  فضل: 'Fadl',
  // surnames and nisbas with a settled spelling
  أسد: 'Assad',
  حوثي: 'Houthi',
  سوداني: 'Sudani',
  شرع: 'Sharaa',
  حريري: 'Hariri',
  ثاني: 'Thani',
  نهيان: 'Nahyan',
  مكتوم: 'Maktoum',
  // particles
  أبو: 'Abu',
  أبي: 'Abi',
  بن: 'bin',
  ابن: 'Ibn',
  بنت: 'bint',
  أم: 'Umm',
  ولد: 'Ould',
  بو: 'Bou',
  الثاني: 'II',
  الله: 'Allah',
  // titles that sometimes stay attached to a name
  شيخ: 'Sheikh',
  سيد: 'Sayyed',
};

/** Two-word phrases with a fixed spelling, keyed by their lookup keys joined with a space. */
const PHRASES = new Map<string, string>([
  ['ايه الله', 'Ayatollah'],
  ['حزب الله', 'Hezbollah'],
  ['جند الله', 'Jundallah'],
]);

const PARTICLES_LOWER = new Set(['bin', 'bint']);
const PARTICLE_KEYS = new Set(['ابو', 'ابي', 'بن', 'ابن', 'بنت', 'ام', 'ولد']);

/** Strip diacritics/tatweel/invisible marks and map Persian letter forms to Arabic ones; keeps hamza seats. */
function clean(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (isIgnorable(c)) continue;
    if (c === 0x06a9) out += 'ك';
    else if (c === 0x06cc) out += 'ي';
    else if (c === 0x0671) out += 'ا';
    else out += ch;
  }
  return out;
}

/** Lookup key: hamza seats on alef, alef maqsura and ta marbuta folded. */
function key(s: string): string {
  return s.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

const TABLE = new Map<string, string>();
for (const [ar, lat] of Object.entries(NAME_PARTS)) TABLE.set(key(ar), lat);

const CONSONANTS: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ڤ: 'v',
  ء: '',
  ؤ: '',
};

/** ʿayn: a consonant for vowel placement, rendered only as vowel length. */
const AYN = "'";

interface Unit {
  vowel: boolean;
  text: string;
  /** a short vowel: the word-initial alef (أكبر Akbar, not Akber) */
  short?: boolean;
}

/** Split a bare word (no article) into consonant and long-vowel units. */
function units(word: string): Unit[] {
  const chars = Array.from(word);
  const out: Unit[] = [];
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const prev = out[out.length - 1];
    const last = i === n - 1;
    switch (c) {
      case 'ا':
      case 'أ':
      case 'إ':
        if (i === 0) {
          // word-initial alef carries a short vowel; او- is O (أوباما Obama), اي- is I (إيمان Iman)
          if (next === 'و' && n > 3) {
            out.push({ vowel: true, text: 'o', short: true });
            i++;
          } else if (next === 'ي' && c !== 'أ' && n > 2) {
            out.push({ vowel: true, text: 'i', short: true });
            i++;
          } else out.push({ vowel: true, text: c === 'إ' ? 'i' : 'a', short: true });
        } else if (c === 'ا') out.push({ vowel: true, text: 'a' });
        else out.push({ vowel: false, text: '' }); // medial hamza seat: dropped
        break;
      case 'آ':
        out.push({ vowel: true, text: 'a' });
        break;
      case 'ى':
        out.push({ vowel: true, text: 'a' });
        break;
      case 'ة':
        out.push(last ? { vowel: true, text: 'a' } : { vowel: false, text: 't' });
        break;
      case 'ئ':
        out.push({ vowel: true, text: 'e' });
        break;
      case 'ع':
        out.push({ vowel: false, text: AYN });
        break;
      case 'ه':
        // a final ه after a consonant is usually a ta marbuta written without dots
        if (last && prev?.vowel === false) out.push({ vowel: true, text: 'a' });
        else out.push({ vowel: false, text: 'h' });
        break;
      case 'و': {
        if (next === 'ي' && i + 2 === n && prev?.vowel === false) {
          // the -awi nisba: موسوي Mousawi
          out.push({ vowel: true, text: 'a' }, { vowel: false, text: 'w' });
          break;
        }
        const consonant = i === 0 || prev?.vowel === true || next === 'ا' || next === 'ى' || next === 'و';
        if (consonant) out.push({ vowel: false, text: 'w' });
        else out.push({ vowel: true, text: last ? 'o' : 'ou' });
        break;
      }
      case 'ي': {
        const beforeTaMarbuta = next === 'ة' && i + 2 === n;
        if (beforeTaMarbuta && prev?.vowel === false) {
          out.push({ vowel: true, text: 'i' }, { vowel: false, text: 'y' });
          break;
        }
        const afterHamza = i > 0 && chars[i - 1] === 'ئ';
        const consonant =
          i === 0 || (prev?.vowel === true && !afterHamza) || next === 'ا' || next === 'و' || beforeTaMarbuta;
        if (consonant) out.push({ vowel: false, text: 'y' });
        // in a three-letter word ي between consonants is usually a diphthong: زيد Zeid, شيخ Sheikh
        else if (i === 1 && n === 3) out.push({ vowel: true, text: 'ei' });
        else out.push({ vowel: true, text: 'i' });
        break;
      }
      default: {
        const m = CONSONANTS[c];
        if (m !== undefined) out.push({ vowel: false, text: m });
        else out.push({ vowel: true, text: c }); // anything else (Latin, digits) passes through
      }
    }
  }
  return out;
}

/** Consonant pairs that close a CaCC syllable comfortably (Badr, Nasr, Fahd, Fadl). */
const CLUSTERS = new Set([
  'dr',
  'sr',
  'qr',
  'kr',
  'br',
  'tr',
  'fr',
  'zr',
  'khr',
  'shr',
  'ghr',
  'thr',
  'hr',
  'jr',
  'hd',
  'dl',
  'sl',
  'fl',
  'ql',
]);

/** Which consonants of a run get a short vowel after them, and which vowel. */
function shortVowels(run: Unit[], before: boolean, after: boolean, afterShort = false): string[] {
  const n = run.length;
  const v: string[] = new Array(n).fill('');
  if (!before && after) {
    // leading cluster before the first long vowel: CaCV, CaCCV, CaCCaCV
    for (let j = 0; j < n - 1; j += 2) v[j] = 'a';
  } else if (before && after) {
    // inside the word: VCCV needs nothing; longer runs get an a after every second consonant
    for (let j = 1; j < n - 1; j += 2) v[j] = 'a';
  } else if (before && !after) {
    // word-final run after a long vowel: VC, VCeC (Naser, Khaled), VCCeC
    // (after a short initial vowel the pattern is aCCaC instead: أكبر Akbar, أشرف Ashraf)
    for (let j = n - 2, first = true; j >= 0; j -= 2, first = false) v[j] = first && !afterShort ? 'e' : 'a';
  } else if (n === 2) {
    v[0] = 'a';
  } else if (n === 3) {
    // three bare consonants: CaCC when the last two cluster (Badr), else CaCaC (Hasan)
    v[0] = 'a';
    if (!CLUSTERS.has(run[1].text + run[2].text)) v[1] = 'a';
  } else {
    for (let j = 0; j < n - 1; j += 2) v[j] = 'a';
    if (n % 2 === 1) v[n - 2] = 'a';
  }
  return v;
}

/** Render ʿayn marks and tidy vowel sequences. */
function tidy(s: string): string {
  return s
    .replace(/^'+/, '')
    .replace(/a'a/g, 'aa')
    .replace(/a'i/g, 'aei')
    .replace(/a'(?=[^aeiou']|$)/g, 'aa')
    .replace(/([^aeiou'])'a/g, '$1aa')
    .replace(/'/g, '')
    .replace(/aaa+/g, 'aa')
    .replace(/ii+/g, 'i')
    .replace(/ouou/g, 'ou');
}

/** Romanise one bare word by rule. */
function byRule(word: string): string {
  const us = units(word);
  let out = '';
  let i = 0;
  while (i < us.length) {
    if (us[i].vowel) {
      out += us[i].text;
      i++;
      continue;
    }
    let j = i;
    while (j < us.length && !us[j].vowel) j++;
    const run = us.slice(i, j);
    const v = shortVowels(run, i > 0, j < us.length, i > 0 && us[i - 1].short === true);
    for (let k = 0; k < run.length; k++) out += run[k].text + v[k];
    i = j;
  }
  return tidy(out);
}

function capitalise(s: string): string {
  return s
    .split('-')
    .map((p) => (p.length > 0 ? p[0].toUpperCase() + p.slice(1) : p))
    .join('-');
}

/**
 * A bare word (no article): the table, else by rule. A nisba (-ي) is romanised as its stem + "i", so the stem
 * keeps its own pattern (عامري → Ameri like عامر → Amer, سليماني → Suleimani); `nisba` says whether to try
 * that (after the article, or for words long enough that a final ي is unlikely to be part of a short name).
 */
function bareWord(word: string, nisba = false): string {
  const k = key(word);
  const hit = TABLE.get(k);
  if (hit !== undefined) return hit;
  if ((nisba || k.length >= 5) && k.length >= 4 && word.endsWith('ي') && !word.endsWith('يي')) {
    const stem = word.slice(0, -1);
    const base = TABLE.get(key(stem)) ?? capitalise(byRule(stem));
    if (!/[aiouy]$/.test(base)) return base + 'i';
  }
  return capitalise(byRule(word));
}

const hasArabic = (s: string) => /[\u0600-\u06ff]/.test(s);

/** One name part, possibly with the article. */
function part(word: string): string {
  if (!hasArabic(word)) return word;
  const k = key(word);
  const hit = TABLE.get(k);
  if (hit !== undefined) return hit;
  // the article is a bare alef + lam (إلهام is not al-Ham)
  if (word.startsWith('ال') && word.length > 3) return 'al-' + capitalise(bareWord(word.slice(2), true));
  return bareWord(word);
}

/** name + الله written as one word: Nasrallah, Fadlallah, Atallah. */
function withAllah(stem: string): string {
  const s = bareWord(stem);
  return capitalise(s.toLowerCase().endsWith('a') ? s + 'llah' : s + 'allah');
}

/**
 * Romanise an Arabic person name the way news agencies usually spell it.
 * `transliterate('عبد الملك الحوثي')` → `'Abdul-Malik al-Houthi'`.
 */
export function transliterate(arabic: string): string {
  const words = clean(arabic)
    .split(/[\s\u060c,;:()«»"“”]+/u)
    .flatMap((w) => w.split(/-(?=[\u0600-\u06ff])/u))
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const k = key(w);
    const nextKey = i + 1 < words.length ? key(words[i + 1]) : '';
    if (!hasArabic(w)) {
      out.push(w);
      continue;
    }
    const phrase = PHRASES.get(k + ' ' + nextKey);
    if (phrase !== undefined) {
      out.push(phrase);
      i++;
      continue;
    }
    // عبد + name
    if (k === 'عبد' && nextKey !== '') {
      const nx = words[++i];
      if (nextKey === 'الله') out.push('Abdullah');
      else if (nx.startsWith('ال') && nx.length > 3) out.push('Abdul-' + capitalise(bareWord(nx.slice(2))));
      else out.push('Abd-' + capitalise(bareWord(nx)));
      continue;
    }
    if (k === 'عبدالله') {
      out.push('Abdullah');
      continue;
    }
    if (w.startsWith('عبدال') && w.length > 6) {
      out.push('Abdul-' + capitalise(bareWord(w.slice(5))));
      continue;
    }
    // آل (family), written with madda; without it, a lone ال can only be this
    if (k === 'ال') {
      out.push('Al');
      continue;
    }
    // name + الله (but not a particle: أبو الله is not a name)
    if (nextKey === 'الله' && !PARTICLE_KEYS.has(k)) {
      out.push(withAllah(w));
      i++;
      continue;
    }
    if (k.endsWith('الله') && k.length > 5 && !k.startsWith('ال')) {
      out.push(withAllah(w.slice(0, -4)));
      continue;
    }
    const p = part(w);
    out.push(PARTICLES_LOWER.has(p) ? p : p.startsWith('al-') ? p : capitalise(p));
  }
  return out.join(' ');
}
