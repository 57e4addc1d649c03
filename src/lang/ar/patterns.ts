/**
 * Arabic patterns that are not lists of words: clitic, article and ending shapes the event and recognition logic
 * tests tokens against. Every pattern is tested on a token's normalised form (src/lang/ar/normalize.ts) unless its
 * comment says otherwise. Word lists live in data/lang/ar/*.txt.
 */

/** A group's title before its name in the original text ("جماعة أنصار الفرقان" → "أنصار الفرقان"): raw text, not normalised. */
export const groupTitle = /^(جماعة|جماعه|حركة|حركه|تنظيم)\s+/;

/** A verb ending that names a plural or dual subject (استهدفوا, يقصفون, قصفتا): the subject comes before the verb. */
export const pluralVerbEnding = /(وا|ون|تا)$/;

/** A token starting with the preposition ل or ب, alone or after و, or with the article (لل): "لقوات", "وبالجيش". */
export const lamOrBehProclitic = /^(ل|لل|ول|وب|ب)/;

/** A name that itself starts with ل or ب (after its article is removed): the letter is not a proclitic. */
export const lamOrBehStart = /^(ل|ب)/;

/** A dual or oblique plural ending (جنديين, طفلان): two victims. */
export const dualEnding = /(ين|ان)$/;

/** أي (any) after an optional و, ف, ب or ل: "تحسبا لأي هجوم" speaks of no attack in particular. */
export const anyWord = /^[وفبل]?اي$/;

/** A masdar after the purpose ل (not the article's لل), after an optional و: "لتحرير المدينة". */
export const purposeLam = /^و?ل(?!ل)/;

/** A form that starts with ل: a trigger listed with its ل is not a purpose. */
export const lamStart = /^ل/;

/** The future prefix سي/ست/سن of an imperfect verb (سيستهدف, ستقصف), after an optional و. */
export const futurePrefix = /^و?(سي|ست|سن)/;

/** The article after an optional و or ف and an optional ب, ل or ك: "وبالغارة", "الهجوم". */
export const definite = /^[وف]?[بلك]?ال/;

/** The article after an optional و/ف and a preposition clitic; "لل" is ل + ال (the masdar of a verb trigger). */
export const articleAfterClitics = /^[وف]?(?:[بك]?ال|لل)/;

/** A family name in nisba form with its article: "الطبطبائي". */
export const nisbaName = /^ال..+ي$/;

/** North, south, east, west or centre, as a noun or an adjective (الشرق، الشمالية، الوسطى), normalised. */
export const direction = /^(ال)?(شمال|جنوب|شرق|غرب|وسط)(ي|يه)?$/;
