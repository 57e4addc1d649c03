/** Everything the recognisers found in one document: the input of event assembly. */
import { gazetteer } from './geo/gazetteer.js';
import { type ResolvedPlace, resolvePlaces } from './geo/resolve.js';
import { datelineEnd } from './recognize/dateline.js';
import { type DateMention, findDates } from './recognize/dates.js';
import { embeddedSentences } from './recognize/embeds.js';
import * as lex from './recognize/lexicons.js';
import { type Mention, scanLexicon } from './recognize/mention.js';
import { findNumbers, type NumberMention } from './recognize/numbers.js';
import { findPlaces, type PlaceMention, placesInContext } from './recognize/places.js';
import { definiteAsNouns } from './recognize/trigger-form.js';
import type { Doc } from './text/doc.js';

/** "منشآت الأسلحة الكيميائية", "مخازن الصواريخ": weapons named as what a site holds, not what was used */
const SITE =
  /^[وفبل]?(منشا|منشات|منشاه|مخازن|مخزن|مستودع|مستودعات|مراكز|مركز|برنامج|ترسانه|مصنع|مصانع|انتاج|تطوير|مخزون|مخزونات)$/;
function isWeaponsSite(doc: Doc, w: Mention<lex.WeaponWord>): boolean {
  const toks = doc.tokens;
  for (let k = w.first - 1; k >= Math.max(0, w.first - 2) && toks[k].sent === w.sent; k--) {
    if (SITE.test(toks[k].norm)) return true;
  }
  return false;
}

export interface Analysis {
  doc: Doc;
  dates: DateMention[];
  numbers: NumberMention[];
  places: ResolvedPlace[];
  /** every place name found, before context removed actors, datelines' neighbours and weak names */
  placeNames: PlaceMention[];
  actors: Mention<lex.ActorEntry>[];
  weapons: Mention<lex.WeaponWord>[];
  triggers: Mention<lex.TriggerEntry>[];
  cues: Mention<lex.CueKind>[];
  sources: Mention<lex.SourceEntry>[];
  persons: Mention<lex.PersonEntry>[];
  roles: Mention<lex.RoleEntry>[];
  /** sentences that are embedded posts, not the article's own reporting */
  embedded: Set<number>;
  /** tokens before this index are the dateline (where the report was filed) */
  dateline: number;
  /** the same mentions, per sentence index */
  in: SentenceMentions[];
}

export type SentenceMentions = {
  [K in
    | 'dates'
    | 'numbers'
    | 'places'
    | 'actors'
    | 'weapons'
    | 'triggers'
    | 'cues'
    | 'sources'
    | 'persons'
    | 'roles']: Analysis[K];
};

const KINDS = [
  'dates',
  'numbers',
  'places',
  'actors',
  'weapons',
  'triggers',
  'cues',
  'sources',
  'persons',
  'roles',
] as const;

/** The list of a kind a sentence has none of: one frozen array shared by all (most lists are empty). */
const NONE = Object.freeze([]) as unknown as never[];

function perSentence(a: Omit<Analysis, 'in'>, n: number): SentenceMentions[] {
  const out: SentenceMentions[] = Array.from({ length: n }, () => ({
    dates: NONE,
    numbers: NONE,
    places: NONE,
    actors: NONE,
    weapons: NONE,
    triggers: NONE,
    cues: NONE,
    sources: NONE,
    persons: NONE,
    roles: NONE,
  }));
  for (const k of KINDS) {
    for (const m of a[k] as { sent?: number; mention?: { sent: number } }[]) {
      const row = out[m.sent ?? m.mention!.sent] as Record<(typeof KINDS)[number], unknown[]>;
      if (row[k] === NONE) row[k] = [m];
      else row[k].push(m);
    }
  }
  return out;
}

const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }) =>
  a.first < b.last && b.first < a.last;

export function analyze(doc: Doc): Analysis {
  gazetteer();
  const sources = scanLexicon(doc, lex.sources());
  const actors = scanLexicon(doc, lex.actors()).filter((a) => !sources.some((s) => overlaps(s, a)));
  const persons = scanLexicon(doc, lex.persons(), 0);
  // a place inside an actor's or a source's name ("المقاومة الإسلامية في العراق") is not a place mention
  // a place inside a longer actor or source name ("المقاومة الإسلامية في العراق") is not a place mention; a name
  // that is both (إيران) stays both, and the clause decides its role
  const inside = (outer: { first: number; last: number }, p: { first: number; last: number }) =>
    overlaps(outer, p) && outer.last - outer.first > p.last - p.first;
  const dates = findDates(doc);
  // "الخميس" is Thursday before it is Khemis Miliana
  const placeNames = findPlaces(doc).filter((p) => !dates.some((d) => overlaps(d, p)));
  const placeMentions = placesInContext(
    doc,
    placeNames.filter(
      (p) =>
        !actors.some((a) => inside(a, p)) &&
        !sources.some((s) => overlaps(s, p)) &&
        !persons.some((s) => overlaps(s, p)),
    ),
  );
  const a = {
    doc,
    dates,
    numbers: findNumbers(doc),
    places: resolvePlaces(doc, placeMentions),
    placeNames,
    actors,
    weapons: scanLexicon(doc, lex.weapons()).filter((w) => !isWeaponsSite(doc, w)),
    triggers: definiteAsNouns(doc, scanLexicon(doc, lex.triggers())),
    cues: scanLexicon(doc, lex.cues()),
    sources,
    persons,
    roles: scanLexicon(doc, lex.roles()),
    embedded: embeddedSentences(doc),
    dateline: datelineEnd(doc),
  };
  return { ...a, in: perSentence(a, doc.sentences.length) };
}
