/**
 * What the pipeline needs of an input language: its normalisation, its clitics, and the word lists and patterns the
 * event and recognition logic reads. Arabic (src/lang/ar/index.ts) is the only one; docs/languages.md says what a
 * second one would have to provide.
 */

/** Text normalised for matching, with a map back to the original text. */
export interface Normalized {
  /** the normalised text */
  norm: string;
  /** for each code unit of `norm`, the original offset where its source starts */
  srcStart: Int32Array;
  /** for each code unit of `norm`, the original offset where its source ends */
  srcEnd: Int32Array;
}

/** A lookup key of a phrase word (clitics removed, inflection folded at a cost). */
export interface Key {
  key: string;
  /** 0 for the form itself or with clitics removed; 1 when inflection was folded */
  cost: number;
}

/** A lookup key of a word with its proclitics removed. */
export interface WordKey {
  key: string;
  /** normalised characters of proclitics before the key */
  pre: number;
  /** the proclitics include a conjunction (Arabic و or ف) */
  conj: boolean;
}

export interface Language {
  /** the ISO 639-1 code a document's `language` field gives */
  readonly code: string;
  /** the language's name in English */
  readonly name: string;

  /** Normalise text for matching, keeping the offset map (one pass, linear time). */
  normalize(text: string): Normalized;
  /** Normalise a lexicon entry or a name (no map). */
  normalizeString(s: string): string;
  /** A set of words in their normalised form. */
  normSet(words: string[]): Set<string>;
  /** Readings of a phrase-initial token: every proclitic analysis, with and without the article, folded or not. */
  firstKeys(norm: string): Key[];
  /** Readings of a token inside a phrase: the article may differ, inflection may fold. */
  innerKeys(norm: string): Key[];
  /** Readings of a word with its proclitics peeled off, keeping the article. */
  wordKeys(norm: string): WordKey[];
  /** The word without its article. */
  stripArticle(word: string): string;
  /** A person's name romanised as the English-language press writes it. */
  transliterate(name: string): string;

  /** Every word list by the name of its data file (data/lang/<code>/<name>.txt), in file order, for tests and tools. */
  readonly lists: ReadonlyMap<string, readonly string[]>;

  // events/actors.ts
  /** Prepositions right before an actor's name: the actor is their object, not the subject. data/lang/ar/actor-prepositions.txt */
  readonly actorPrepositions: ReadonlySet<string>;
  /** Of those prepositions, the ones whose object is the target of an attack. data/lang/ar/target-prepositions.txt */
  readonly targetPrepositions: ReadonlySet<string>;
  /** تعرض ل (was subjected to): an actor after it in the clause is the target. A whole token, after an optional و. data/lang/ar/passive-verbs.txt */
  readonly passiveVerbs: RegExp;
  /** Linked to, belonging to: the actor right after it is the side the target belongs to. A whole token. data/lang/ar/linked-words.txt */
  readonly linkedWords: RegExp;
  /** من قبل (by): the actor right after it is who did it. A whole token. data/lang/ar/agent-words.txt */
  readonly agentWords: RegExp;
  /** Bases, positions, convoys, ships: the actor that owns one (قاعدة الاحتلال الأميركي) is the target. A whole token after its proclitic و, ب or ل is removed. data/lang/ar/facility-nouns.txt */
  readonly facilityNouns: RegExp;
  /** أعلن (announced): an actor announcing an attack claims it. A whole token, after an optional و. data/lang/ar/announce-verbs.txt */
  readonly announceVerbs: RegExp;

  // events/candidates.ts
  /** A government's forces named without their country: in an event placed in another country with forces of its own in the lexicon they are that country's. Normalised, without و or ف. data/lang/ar/bare-government-forces.txt */
  readonly bareGovernmentForces: ReadonlySet<string>;
  /** Idioms that open with a place name: "مسقط رأسه" is a birthplace, not Muscat. The name to the starts of the word after it, normalised. data/lang/ar/place-idioms.txt */
  readonly placeIdioms: ReadonlyMap<string, readonly string[]>;
  /** Adjectives that make an attack word figurative: "الضربة الدبلوماسية", "هجوم إلكتروني", "هجوم كلامي" are no armed act. A whole token right after the trigger, normalised. data/lang/ar/figurative-adjectives.txt */
  readonly figurativeAdjectives: ReadonlySet<string>;
  /** Words of a sports report: in a sentence with one of them, "هجوم", "السيطرة على" and "صاروخ" are a game's, not a war's, unless someone was killed or hurt. A whole token after و, ف, ب or ل; normalised. data/lang/ar/sport-words.txt */
  readonly sportWords: RegExp;
  /** Another, new, similar, second: after a trigger (بغارات أخرى, هجوم آخر) the text says it is another event. data/lang/ar/another-words.txt */
  readonly anotherWords: ReadonlySet<string>;
  /** Times (مرة): a number before it counts attacks, so its sentence is a tally. A whole token. data/lang/ar/times-nouns.txt */
  readonly timesNouns: RegExp;
  /** Attacks and operations: a number of them sums many events up, so its sentence is a tally; a number of rockets or raids is part of one event. A whole token. data/lang/ar/tally-attack-nouns.txt */
  readonly tallyAttackNouns: RegExp;
  /** Ground attacks, infiltrations, advances: repelling one (صد هجوما) is a clash, not an interception. A whole token after its proclitic و or ل is removed. data/lang/ar/ground-attack-nouns.txt */
  readonly groundAttackNouns: RegExp;
  /** Air defence (دفاعات, منظومة, القبة الحديدية): an intercept trigger next to a token holding one of these anywhere is an interception. Matched anywhere inside a token. data/lang/ar/air-defence-stems.txt */
  readonly airDefenceStems: RegExp;
  /** A base, headquarters, post or camp: the object that makes an 'establish' trigger an event. A whole token after its proclitic و, ف or ب is removed. data/lang/ar/base-nouns.txt */
  readonly baseNouns: RegExp;
  /** recognize/weapon-sites.ts: a site that holds weapons, after an optional proclitic */
  readonly weaponSiteNouns: RegExp;
  /** An army, faction, brigade, militia: the object that makes a 'form a group' trigger an event. A whole token after its proclitic و, ف or ب is removed. data/lang/ar/armed-body-nouns.txt */
  readonly armedBodyNouns: RegExp;
  /** Reached, signed, announced, entered into force: an agreement word after one of these is an agreement made. A whole token, after an optional و or ف. data/lang/ar/agreement-reached-words.txt */
  readonly agreementReachedWords: RegExp;

  // events/clauses.ts
  /** Punctuation that ends a clause inside a sentence. data/lang/ar/clause-punctuation.txt */
  readonly clausePunctuation: ReadonlySet<string>;
  /** Particles that open a new clause inside a sentence: while, but, after, in reply. A whole token. data/lang/ar/clause-openers.txt */
  readonly clauseOpeners: ReadonlySet<string>;
  /** Relative pronouns: "الصماد، الذي قتل في غارة … في 19 نيسان" opens a clause that may tell an act of its own, with its own day. A whole token, normalised, with or without و. data/lang/ar/relative-pronouns.txt */
  readonly relativePronouns: ReadonlySet<string>;
  /** In reply to, in revenge for, in solidarity with, in protest at: what follows in the sentence is a motive, not the event. A whole token, after an optional و. data/lang/ar/motive-words.txt */
  readonly motiveWords: RegExp;

  // events/fatalities.ts
  /** Among them, most of them: a number after one of these is part of a figure already counted. A whole token. data/lang/ar/subset-words.txt */
  readonly subsetWords: RegExp;
  /** Plural victim nouns: after a casualty word with no number they say 'several', not one or two. A whole token after its article or ال/لل/و is removed. data/lang/ar/plural-victim-nouns.txt */
  readonly pluralVictimNouns: RegExp;

  // events/modality.ts
  /** تعرض (was subjected to): a masdar after ل is what something was subjected to, not a purpose. The start of a token, after an optional و or ف. data/lang/ar/subjected-to-verbs.txt */
  readonly subjectedToVerbs: RegExp;

  // events/places.ts
  /** Launched from, coming from: a place after one of these is where the attack came from, not where it fell. A whole token. data/lang/ar/origin-words.txt */
  readonly originWords: RegExp;
  /** A press conference, an office, an embassy, a meeting, a residence: a place after one of these is where someone spoke, is posted or lives. A whole token after its proclitic و, ف, ب or ل is removed. data/lang/ar/setting-nouns.txt */
  readonly settingNouns: RegExp;
  /** Bordering, near, next to: a place after one of these is a reference point. A whole token. data/lang/ar/adjacent-words.txt */
  readonly adjacentWords: RegExp;

  // events/reference.ts
  /** Demonstratives: a trigger after one (هذا الهجوم) refers back to an event already reported. A whole token after its proclitic و or ف is removed. data/lang/ar/demonstratives.txt */
  readonly demonstratives: ReadonlySet<string>;

  // events/speakers.ts
  /** According to, quoting: the name after one of these is the sentence's source. A whole token. data/lang/ar/attribution-words.txt */
  readonly attributionWords: ReadonlySet<string>;

  // events/statements.ts
  /** Verbs of saying (قال, أعلن, أكد …) that open a statement. A whole token, after an optional و. data/lang/ar/speech-verbs.txt */
  readonly speechVerbs: RegExp;
  /** أن (that) and its forms: reported speech follows. A whole token. data/lang/ar/that-particles.txt */
  readonly thatParticles: RegExp;
  /** Words that end a name read after a role (… ناصر كنعاني الإثنين أن): particles, weekdays, time words. A whole token. data/lang/ar/name-stop-words.txt */
  readonly nameStopWords: RegExp;
  /** Words right after a speech verb that show it has no subject of its own (وقالت في بيان): the speaker is the one who spoke last. A whole token. data/lang/ar/subjectless-after-speech.txt */
  readonly subjectlessAfterSpeech: RegExp;

  // events/statistics.ts
  /** Attacks, raids, operations: a number before one of these counts attacks. A whole token after its proclitic ل is removed. data/lang/ar/attack-count-nouns.txt */
  readonly attackCountNouns: RegExp;
  /** Soldiers, fighters, advisers: a number before one of these counts troops, in a sentence about deployment. A whole token. data/lang/ar/troop-nouns.txt */
  readonly troopNouns: RegExp;
  /** Deployed, stationed, sent: a sentence with one of these counts troops. A whole token, after an optional و. data/lang/ar/deployment-words.txt */
  readonly deploymentWords: RegExp;
  /** Current (الشهر الجاري): a month that runs to the publication date. A whole token. data/lang/ar/month-to-date-words.txt */
  readonly monthToDateWords: RegExp;

  // recognize/places.ts
  /** Plural frame words (بلدات, قرى, مدينتي): the names listed after one are framed too. A whole token. data/lang/ar/place-list-frames.txt */
  readonly placeListFrames: ReadonlySet<string>;
  /** In, from, to, inside, on: a name right after one reads as a place. A whole token. data/lang/ar/place-in-words.txt */
  readonly placeInWords: ReadonlySet<string>;
  /** Particles a verb follows: لم تنف is 'did not deny', not al-Tanf. A whole token. data/lang/ar/verb-particles.txt */
  readonly verbParticles: ReadonlySet<string>;
  /** Locatives: a country of the region named after one of these is a place, not an actor. A whole token after its proclitic و is removed. data/lang/ar/locatives.txt */
  readonly locatives: ReadonlySet<string>;
  /** Regime, government, authorities: a capital or country after one of these stands for its rulers (نظام دمشق), not a place. A whole token, after an optional و, ف, ب or ل and an optional ل. data/lang/ar/ruler-nouns.txt */
  readonly rulerNouns: RegExp;
  /** fighters, commanders, soldiers, police: a toll's victims named so are not civilians */
  readonly combatantNouns: RegExp;
  /** على (on): a country after it, with blame before, is the one blamed. A whole token. data/lang/ar/on-words.txt */
  readonly onWords: ReadonlySet<string>;
  /** Blame, responsibility: a country after على with one of these before is the one blamed. A whole token, after an optional و or ب. data/lang/ar/blame-nouns.txt */
  readonly blameNouns: RegExp;
  /** Locatives a place far from the region must be named after to be the place of an act, not an addressee. A whole token after its proclitic و is removed. data/lang/ar/strong-locatives.txt */
  readonly strongLocatives: ReadonlySet<string>;
  /** Kilometres, miles: (80 كلم شمال بغداد) a place in parentheses after one is a reference point. A whole token. data/lang/ar/distance-units.txt */
  readonly distanceUnits: RegExp;
  /** Country names (and بلد) whose first letter ب or ل is part of the name, not the preposition that makes a country a place. The start of a token, after an optional و. data/lang/ar/names-starting-with-clitic.txt */
  readonly namesStartingWithClitic: RegExp;
  /** Northern, southern, eastern, western, with ال (ريف دير الزور الشمالي): after a countryside frame the direction belongs to the place's mention. A whole token after ال. data/lang/ar/compass-adjectives.txt */
  readonly compassAdjectives: RegExp;
  /** A part or side of something (المنطقة، الحدود، الزاوية، جهة): a place name opening with one and holding a direction is a side of what follows when من or لل comes next, and a region only in a country the text names. A whole token after ال. data/lang/ar/part-nouns.txt */
  readonly partNouns: RegExp;
  /** Things named after a place (اتفاق فيينا، مؤتمر جنيف، من طراز الجولان): the place right after one names the thing. A whole token, after an optional و or ب/ل. data/lang/ar/named-after-nouns.txt */
  readonly namedAfterNouns: RegExp;
  /** Overlooking (المطلة على البحر الأحمر): a place one or two words after one describes the place before it. A whole token. data/lang/ar/overlooking-words.txt */
  readonly overlookingWords: ReadonlySet<string>;

  // recognize/dates.ts
  /** Night (ليل السبت - الأحد): a night across two weekdays is one date. A whole token, after an optional و, ف or ب. data/lang/ar/night-words.txt */
  readonly nightWords: RegExp;

  // patterns (src/lang/ar/patterns.ts): shapes, not word lists
  /** North, south, east, west or centre, as a noun or an adjective (الشرق، الشمالية، الوسطى), normalised. */
  readonly direction: RegExp;
  /** A group's title before its name, in the original (not normalised) text. */
  readonly groupTitle: RegExp;
  /** A verb ending that names a plural or dual subject. */
  readonly pluralVerbEnding: RegExp;
  /** A token starting with the preposition ل or ب (alone, after و, or as لل). */
  readonly lamOrBehProclitic: RegExp;
  /** A name that itself starts with ل or ب. */
  readonly lamOrBehStart: RegExp;
  /** A dual or oblique plural ending. */
  readonly dualEnding: RegExp;
  /** "any" with its proclitics. */
  readonly anyWord: RegExp;
  /** A masdar after the purpose ل. */
  readonly purposeLam: RegExp;
  /** A form that starts with ل. */
  readonly lamStart: RegExp;
  /** The future prefix of an imperfect verb. */
  readonly futurePrefix: RegExp;
  /** The article after its optional proclitics. */
  readonly definite: RegExp;
  /** The article after an optional و/ف and a preposition clitic, or لل. */
  readonly articleAfterClitics: RegExp;
  /** A family name in nisba form with its article. */
  readonly nisbaName: RegExp;
}
