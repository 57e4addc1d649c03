/**
 * Everything the recognisers find in one document, the input of event assembly: the recognition stages in order,
 * each declaring what it reads and adds (src/stages.ts checks the list and docs/architecture.md shows it).
 * Adding a kind of mention is one `.add(...)` here; `perSentence` puts it in the per-sentence index too.
 */
import { gazetteer } from './geo/gazetteer.js';
import { resolvePlaces } from './geo/resolve.js';
import { datelineEnd } from './recognize/dateline.js';
import { findDates } from './recognize/dates.js';
import { embeddedSentences } from './recognize/embeds.js';
import * as lex from './recognize/lexicons.js';
import { type Mention, scanLexicon } from './recognize/mention.js';
import { type EntityMention, entitiesIn } from './recognize/ner/index.js';
import { noCasualtyCues } from './recognize/no-casualties.js';
import { findNumbers } from './recognize/numbers.js';
import { findPlaces, placesInContext } from './recognize/places.js';
import { definiteAsNouns } from './recognize/trigger-form.js';
import { isWeaponsSite } from './recognize/weapon-sites.js';
import { type RecordOf, Stages } from './stages.js';
import type { Doc } from './text/doc.js';

const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }) =>
  a.first < b.last && b.first < a.last;

type Range = { first: number; last: number; sent: number };

/** The ranges of `ms` per sentence, so an overlap test looks only at its own sentence (linear in the document). */
function perSentenceOf(doc: Doc, ...lists: readonly (readonly Range[])[]): Range[][] {
  const out: Range[][] = Array.from({ length: doc.sentences.length }, () => []);
  for (const ms of lists) for (const m of ms) out[m.sent].push(m);
  return out;
}

/**
 * The NER's names in a window of a sentence, tagged when first asked and kept: the event stages ask about the few
 * words where a name the lexicons miss would be (a speaker beside a speech verb, a group after "تبنت"); tagging
 * every sentence of every document would cost more than the rest of extraction.
 */
export interface Names {
  /** the names found in tokens [first, last) of one sentence */
  in(first: number, last: number): EntityMention[];
}

function namesOf(doc: Doc): Names {
  const seen = new Map<number, EntityMention[]>();
  return {
    in(first, last) {
      const key = first * 65536 + last;
      let found = seen.get(key);
      if (!found) {
        found = entitiesIn(doc, first, last);
        seen.set(key, found);
      }
      return found;
    },
  };
}

const FILE = 'src/analysis.ts';

export const RECOGNITION = Stages.start()
  .add({
    name: 'sources',
    file: 'src/recognize/lexicons.ts',
    does: 'news agencies, outlets and officials who report (sources.tsv)',
    requires: [],
    assigns: ['sources'],
    perSentence: ['sources'],
    run: (doc) => ({ sources: scanLexicon(doc, lex.sources()) }),
  })
  .add({
    name: 'actors',
    file: 'src/recognize/lexicons.ts',
    does: 'armed groups, forces and other actors (actors.tsv), not inside a source’s name',
    requires: ['sources'],
    assigns: ['actors'],
    perSentence: ['actors'],
    run: (doc, a) => {
      const sources = perSentenceOf(doc, a.sources);
      return { actors: scanLexicon(doc, lex.actors()).filter((m) => !sources[m.sent].some((s) => overlaps(s, m))) };
    },
  })
  .add({
    name: 'persons',
    file: 'src/recognize/lexicons.ts',
    does: 'named people with their roles (persons.tsv), exact matches only',
    requires: [],
    assigns: ['persons'],
    perSentence: ['persons'],
    run: (doc) => ({ persons: scanLexicon(doc, lex.persons(), 0) }),
  })
  .add({
    name: 'dates',
    file: 'src/recognize/dates.ts',
    does: 'absolute, relative and weekday dates, resolved against the publication day',
    requires: [],
    assigns: ['dates'],
    perSentence: ['dates'],
    run: (doc) => ({ dates: findDates(doc) }),
  })
  .add({
    name: 'place names',
    file: 'src/recognize/places.ts',
    does: 'every gazetteer name found, but not inside a date ("الخميس" is Thursday before it is a town)',
    requires: ['dates'],
    assigns: ['placeNames'],
    run: (doc, a) => {
      gazetteer();
      const dates = perSentenceOf(doc, a.dates);
      return { placeNames: findPlaces(doc).filter((p) => !dates[p.sent].some((d) => overlaps(d, p))) };
    },
  })
  .add({
    name: 'places',
    file: 'src/geo/resolve.ts',
    does: 'place names in context (not inside a longer actor’s or a source’s name), each resolved to a gazetteer entry',
    requires: ['placeNames', 'actors', 'sources', 'persons'],
    assigns: ['places'],
    perSentence: ['places'],
    run: (doc, a) => {
      // a place inside a longer actor or source name ("المقاومة الإسلامية في العراق") is not a place mention; a name
      // that is both (إيران) stays both, and the clause decides its role
      const inside = (outer: { first: number; last: number }, p: { first: number; last: number }) =>
        overlaps(outer, p) && outer.last - outer.first > p.last - p.first;
      const actors = perSentenceOf(doc, a.actors);
      const others = perSentenceOf(doc, a.sources, a.persons);
      const free = a.placeNames.filter(
        (p) => !actors[p.sent].some((m) => inside(m, p)) && !others[p.sent].some((s) => overlaps(s, p)),
      );
      return { places: resolvePlaces(doc, placesInContext(doc, free), a.placeNames) };
    },
  })
  .add({
    name: 'numbers',
    file: 'src/recognize/numbers.ts',
    does: 'numbers in digits and words, with the noun they count',
    requires: [],
    assigns: ['numbers'],
    perSentence: ['numbers'],
    run: (doc) => ({ numbers: findNumbers(doc) }),
  })
  .add({
    name: 'weapons',
    file: 'src/recognize/lexicons.ts',
    does: 'weapon words (weapons.tsv), not where a site holds them ("مخازن الصواريخ")',
    requires: [],
    assigns: ['weapons'],
    perSentence: ['weapons'],
    run: (doc) => ({ weapons: scanLexicon(doc, lex.weapons()).filter((w) => !isWeaponsSite(doc, w)) }),
  })
  .add({
    name: 'triggers',
    file: 'src/recognize/trigger-form.ts',
    does: 'event words with their class (triggers.tsv); a definite verb form read as its noun',
    requires: [],
    assigns: ['triggers'],
    perSentence: ['triggers'],
    run: (doc) => ({ triggers: definiteAsNouns(doc, scanLexicon(doc, lex.triggers())) }),
  })
  .add({
    name: 'cues',
    file: 'src/recognize/lexicons.ts',
    does: 'words that qualify a clause: reporting, negation, threats, plans, outcomes (cues.tsv)',
    requires: [],
    assigns: ['cues'],
    perSentence: ['cues'],
    run: (doc) => ({
      cues: [...scanLexicon(doc, lex.cues()), ...noCasualtyCues(doc)].sort((x, y) => x.first - y.first),
    }),
  })
  .add({
    name: 'roles',
    file: 'src/recognize/lexicons.ts',
    does: 'titles, roles and institutions of speakers (roles.tsv)',
    requires: [],
    assigns: ['roles'],
    perSentence: ['roles'],
    run: (doc) => ({ roles: scanLexicon(doc, lex.roles()) }),
  })
  .add({
    name: 'embedded posts',
    file: 'src/recognize/embeds.ts',
    does: 'sentences that are embedded social-media posts, not the article’s own reporting',
    requires: [],
    assigns: ['embedded'],
    run: (doc) => ({ embedded: embeddedSentences(doc) }),
  })
  .add({
    name: 'dateline',
    file: 'src/recognize/dateline.ts',
    does: 'where the report was filed: the tokens before this index',
    requires: [],
    assigns: ['dateline'],
    run: (doc) => ({ dateline: datelineEnd(doc) }),
  })
  .add({
    name: 'names',
    file: 'src/recognize/ner/index.ts',
    does: 'the NER’s persons, places and organisations, tagged per window when a later stage asks',
    requires: [],
    assigns: ['names'],
    run: (doc): { names: Names } => ({ names: namesOf(doc) }),
  })
  .index(FILE);

export type Analysis = RecordOf<typeof RECOGNITION>;
export type SentenceMentions = Analysis['in'][number];

export function analyze(doc: Doc): Analysis {
  return RECOGNITION.run(doc);
}

export type { Mention };
