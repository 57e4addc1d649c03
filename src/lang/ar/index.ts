/**
 * Arabic: normalisation (normalize.ts), clitics (clitics.ts), name romanisation (transliterate.ts), patterns
 * (patterns.ts) and the word lists under data/lang/ar/, read once when this module is first imported. The event and
 * recognition logic reads them all through `ar`.
 */
import { DataError, dataPath, readWordList } from '../../data.js';
import type { Language } from '../language.js';
import { firstKeys, innerKeys, stripArticle, wordKeys } from './clitics.js';
import { normalize, normalizeString, normSet } from './normalize.js';
import * as patterns from './patterns.js';
import { transliterate } from './transliterate.js';

const lists = new Map<string, readonly string[]>();

/** The entries of data/lang/ar/<name>.txt; an entry that is not in its normalised form is a DataError. */
function words(name: string): readonly string[] {
  const file = dataPath('lang', 'ar', `${name}.txt`);
  const entries = readWordList(file);
  if (entries.length === 0) throw new DataError(file, 1, 'the list is empty');
  for (const { line, word } of entries) {
    const norm = normalizeString(word);
    if (norm !== word) throw new DataError(file, line, `"${word}" is not normalised (write "${norm}")`);
  }
  const out = entries.map((e) => e.word);
  lists.set(name, out);
  return out;
}

const wordSet = (name: string): ReadonlySet<string> => new Set(words(name));

const alternation = (name: string) =>
  words(name)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

/**
 * A token that is one of the words of a list, after `prefix` (a regex source for optional proclitics, such as 'و?');
 * with `end` '' a token that starts with one of them.
 */
const wordPattern = (name: string, prefix = '', end = '$'): RegExp =>
  new RegExp(`^${prefix}(${alternation(name)})${end}`);

/** A token that holds one of the words of a list anywhere. */
const wordsAnywhere = (name: string): RegExp => new RegExp(`(${alternation(name)})`);

/** data/lang/ar/place-idioms.txt: a place name → the starts of the word after it that make an idiom of it */
function placeIdioms(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of words('place-idioms')) {
    const [name, after] = line.split(' ');
    out.set(name, [...(out.get(name) ?? []), after]);
  }
  return out;
}

export const ar: Language = {
  code: 'ar',
  name: 'Arabic',
  normalize,
  normalizeString,
  normSet,
  firstKeys,
  innerKeys,
  wordKeys,
  stripArticle,
  transliterate,
  lists,

  // events/actors.ts
  actorPrepositions: wordSet('actor-prepositions'),
  sportWords: wordPattern('sport-words', '[وفبل]?'),
  figurativeAdjectives: wordSet('figurative-adjectives'),
  placeIdioms: placeIdioms(),
  bareGovernmentForces: wordSet('bare-government-forces'),
  targetPrepositions: wordSet('target-prepositions'),
  passiveVerbs: wordPattern('passive-verbs', 'و?'),
  linkedWords: wordPattern('linked-words'),
  agentWords: wordPattern('agent-words'),
  facilityNouns: wordPattern('facility-nouns'),
  announceVerbs: wordPattern('announce-verbs', 'و?'),

  // events/candidates.ts
  anotherWords: wordSet('another-words'),
  timesNouns: wordPattern('times-nouns'),
  tallyAttackNouns: wordPattern('tally-attack-nouns'),
  groundAttackNouns: wordPattern('ground-attack-nouns'),
  airDefenceStems: wordsAnywhere('air-defence-stems'),
  baseNouns: wordPattern('base-nouns'),
  armedBodyNouns: wordPattern('armed-body-nouns'),
  agreementReachedWords: wordPattern('agreement-reached-words', '[وف]?'),

  // events/clauses.ts
  clausePunctuation: wordSet('clause-punctuation'),
  clauseOpeners: wordSet('clause-openers'),
  relativePronouns: wordSet('relative-pronouns'),
  motiveWords: wordPattern('motive-words', 'و?'),

  // events/fatalities.ts
  subsetWords: wordPattern('subset-words'),
  pluralVictimNouns: wordPattern('plural-victim-nouns'),

  // events/modality.ts
  subjectedToVerbs: wordPattern('subjected-to-verbs', '[وف]?', ''),

  // events/places.ts
  originWords: wordPattern('origin-words'),
  settingNouns: wordPattern('setting-nouns'),
  adjacentWords: wordPattern('adjacent-words'),

  // events/reference.ts
  demonstratives: wordSet('demonstratives'),

  // events/speakers.ts
  attributionWords: wordSet('attribution-words'),

  // events/statements.ts
  speechVerbs: wordPattern('speech-verbs', 'و?'),
  thatParticles: wordPattern('that-particles'),
  nameStopWords: wordPattern('name-stop-words'),
  subjectlessAfterSpeech: wordPattern('subjectless-after-speech'),

  // events/statistics.ts
  attackCountNouns: wordPattern('attack-count-nouns'),
  troopNouns: wordPattern('troop-nouns'),

  // learn/roles.ts
  combatantNouns: wordPattern('combatant-nouns', '(ال)?'),
  deploymentWords: wordPattern('deployment-words', 'و?'),
  monthToDateWords: wordPattern('month-to-date-words'),

  // recognize/places.ts
  placeListFrames: wordSet('place-list-frames'),
  placeInWords: wordSet('place-in-words'),
  verbParticles: wordSet('verb-particles'),
  locatives: wordSet('locatives'),
  rulerNouns: wordPattern('ruler-nouns', '[وفبل]?ل?'),
  onWords: wordSet('on-words'),
  blameNouns: wordPattern('blame-nouns', '[وب]?'),
  strongLocatives: wordSet('strong-locatives'),
  distanceUnits: wordPattern('distance-units'),
  namesStartingWithClitic: wordPattern('names-starting-with-clitic', 'و?', ''),
  compassAdjectives: wordPattern('compass-adjectives', 'ال'),
  partNouns: wordPattern('part-nouns', '[وفبل]?(ال)?'),
  namedAfterNouns: wordPattern('named-after-nouns', '[وف]?[بل]?'),
  overlookingWords: wordSet('overlooking-words'),

  // recognize/dates.ts
  nightWords: wordPattern('night-words', '[وفب]?'),

  ...patterns,

  // recognize/weapon-sites.ts
  weaponSiteNouns: wordPattern('weapon-site-nouns', '[وفبل]?'),
};
