/** The number-word lexicon (data/lexicons/number-words.json), compiled once into Maps on first use. */
import { readLexiconJson } from '../data.js';
import { PhraseTable } from './phrase-table.js';

export type NumberWordKind =
  | 'unit'
  | 'teen-head'
  | 'tens'
  | 'hundred'
  | 'scale'
  | 'scale-plural'
  | 'scale-dual'
  | 'half'
  | 'ordinal'
  | 'ordinal-one'
  | 'ordinal-tens';

export type Qualifier = 'exact' | 'at_least' | 'about' | 'at_most';

export interface NumberWord {
  value: number;
  kind: NumberWordKind;
}

export interface VagueWord {
  value: number;
  /** the value ACLED's coding conventions give the word, where they give one */
  acled: number | null;
}

interface NumberWordsJson {
  words: Record<string, [number, NumberWordKind]>;
  tenSuffix: string[];
  articles: string[];
  vague: [string, number, number | null][];
  vagueScales: [string, number][];
  qualifiersBefore: [string, Qualifier][];
  qualifiersAfter: [string, Qualifier][];
  duals: Record<string, string>;
  percent: string[];
  ordinalBlockPrev: string[];
  unitStop: string[];
}

export interface NumberLexicon {
  words: Map<string, NumberWord>;
  /** عشر / عشرة after a unit: ثلاثة عشر */
  tenSuffix: Set<string>;
  /** a definite article written apart from its number: الـ24, للـ24 */
  articles: Set<string>;
  vague: PhraseTable<VagueWord>;
  vagueScales: Map<string, number>;
  /** qualifier phrases keyed by their LAST word (they are matched backwards from a number) */
  qualifiersBefore: Map<string, { words: string[]; q: Qualifier }[]>;
  qualifiersAfter: PhraseTable<Qualifier>;
  /** dual form → singular: طائرتين → طائره */
  duals: Map<string, string>;
  /** one-word percent signs; two-word ones (في المئه) are in percentPhrases */
  percent: Set<string>;
  percentPhrases: PhraseTable<true>;
  ordinalBlockPrev: Set<string>;
  unitStop: Set<string>;
}

let lexicon: NumberLexicon | null = null;

export function numberLexicon(): NumberLexicon {
  if (lexicon) return lexicon;
  const j = readLexiconJson<NumberWordsJson>('number-words.json');
  const qualifiersBefore = new Map<string, { words: string[]; q: Qualifier }[]>();
  for (const [phrase, q] of j.qualifiersBefore) {
    const words = phrase.split(' ');
    const lastWord = words[words.length - 1];
    const list = qualifiersBefore.get(lastWord) ?? [];
    list.push({ words, q });
    list.sort((a, b) => b.words.length - a.words.length);
    qualifiersBefore.set(lastWord, list);
  }
  lexicon = {
    words: new Map(Object.entries(j.words).map(([w, [value, kind]]) => [w, { value, kind }])),
    tenSuffix: new Set(j.tenSuffix),
    articles: new Set(j.articles),
    vague: new PhraseTable(j.vague.map(([p, value, acled]) => [p, { value, acled }])),
    vagueScales: new Map(j.vagueScales),
    qualifiersBefore,
    qualifiersAfter: new PhraseTable(j.qualifiersAfter),
    duals: new Map(Object.entries(j.duals)),
    percent: new Set(j.percent.filter((p) => !p.includes(' '))),
    percentPhrases: new PhraseTable(j.percent.filter((p) => p.includes(' ')).map((p) => [p, true as const])),
    ordinalBlockPrev: new Set(j.ordinalBlockPrev),
    unitStop: new Set(j.unitStop),
  };
  return lexicon;
}
