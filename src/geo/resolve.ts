/** Choosing one gazetteer entry per place mention, by context, and its ACLED precision. */

import { foldInflection } from '../lang/ar/clitics.js';
import { ar } from '../lang/ar/index.js';
import { nationalities } from '../recognize/lexicons.js';
import type { PlaceMention } from '../recognize/places.js';
import type { Doc } from '../text/doc.js';
import type { Span } from '../text/span.js';
import type { Place } from '../types.js';
import { type GazEntry, gazetteer, haversineKm, isArea } from './gazetteer.js';

export interface ResolvedPlace {
  mention: PlaceMention;
  entry: GazEntry;
  precision: 1 | 2 | 3;
}

/**
 * Countries Arabic conflict news reports from (the Arab states, their neighbours, the Sahel and the Horn). A one-word
 * name in another country, whose country the text never names, is a coincidence of spelling (طراز is Taraz, كان
 * Cannes, بيانه Baena) unless it is a capital.
 */
export const REGION: ReadonlySet<string> = new Set(
  'DZ BH EG IQ IR IL JO KW LB LY MA MR OM PS QA SA SD SS SO SY TN TR AE YE EH DJ ER ET ML NE TD BF NG AF PK KM CY'.split(
    ' ',
  ),
);

/** Facilities that are areas (a district, a region, a river): an event there is located to within that area. */
const AREA_FACILITIES = new Set([
  'district',
  'subdistrict',
  'region',
  'river',
  'corridor',
  'mountain',
  'strait',
  'sea',
  'admin2',
  'admin3',
]);

export function featurePrior(e: GazEntry, m: PlaceMention): number {
  const f = m.value.frame;
  if (e.feature === 'country') return 2.5;
  if (e.feature === 'admin1') return f === 'province' ? 6 : 0.5;
  if (!e.feature.startsWith('place:')) return f === 'facility' ? 5 : 3; // a facility: its name is specific
  let p = f === 'settlement' ? 1.5 : 0.5;
  if (e.feature === 'place:PPLC') p += 1.5;
  else if (e.feature === 'place:PPLA') p += 1;
  else if (e.feature === 'place:PPLA2') p += 0.5;
  return p;
}

/** Countries the document is about: every unambiguous country or area mention, counted. */
export function countryWeights(ms: PlaceMention[]): Map<string, number> {
  const w = new Map<string, number>();
  for (const m of ms) {
    const c = countryOf(m);
    if (c) w.set(c, (w.get(c) ?? 0) + 1);
  }
  return w;
}

/** The one country a mention counts for in countryWeights, if any. */
function countryOf(m: PlaceMention): string | null {
  if (m.value.weak && !m.value.candidates.every(isArea)) return null;
  const cs = new Set(m.value.candidates.map((c) => c.country));
  return cs.size === 1 ? [...cs][0] : null;
}

/** "التابعة لـ", "التابع لـ": what follows a place names the area it lies in */
const BELONGING = /^و?(ال)?تابع(ه|ين|تين|تان)?$/;
/** before a district or province frame ("بمديرية", "في محافظة"), a preposition says the same */
const IN_WORDS = new Set(['في', 'ب']);
const CONTAINER_FRAMES = new Set(['district', 'province']);

/**
 * The area a mention is said to lie in: "المشرعي والمدمن التابعة لمديرية بيت الفقيه", "الحسينية بمحافظة الحديدة"
 * (after the mention or the rest of its list, a belonging word or a preposition, then a district or province).
 */
function containerOf(doc: Doc, m: PlaceMention, next: PlaceMention[]): PlaceMention | null {
  const toks = doc.tokens;
  let k = m.last;
  let cue = false;
  let unjoined = 0;
  for (let steps = 0; steps < 14 && k < toks.length && toks[k].sent === m.sent; steps++, k++) {
    const at = next.find((o) => (o.value.frameFirst ?? o.first) === k || o.first === k);
    if (at) {
      if (cue && (BELONGING.test(toks[k - 1]?.norm ?? '') || CONTAINER_FRAMES.has(at.value.frame))) return at;
      if (!toks[at.first].norm.startsWith('و')) return null;
      // another name of the list: go on after it
      k = at.last - 1;
      continue;
    }
    const t = toks[k];
    if (BELONGING.test(t.norm) || (IN_WORDS.has(t.norm) && !cue)) {
      cue = true;
      continue;
    }
    if (cue) return null;
    if (t.kind !== 'word') {
      if (t.norm !== '،' && t.norm !== ',') return null;
      unjoined = 0;
    } else if (t.norm.startsWith('و')) unjoined = 0;
    else if (++unjoined > 1) return null;
  }
  return null;
}

const isVillage = (c: GazEntry) =>
  c.feature.startsWith('place:') && c.population < 10000 && !c.feature.startsWith('place:PPLA');

/** Can `c` lie in the area one of `areas` names (its province, or the province of a district or district town)? */
function liesIn(c: GazEntry, areas: GazEntry[]): boolean {
  return areas.some(
    (area) =>
      c.country === area.country &&
      (!c.admin1 || !area.admin1 || area.feature === 'country' || c.admin1 === area.admin1),
  );
}

/**
 * The candidates of a mention that can lie in the district the text says it is in ("والمدمن التابعة لمديرية بيت
 * الفقيه": not the Al Madman of Raymah). Only villages are judged, and only by a district: the gazetteer's provinces
 * and regions are too few to judge by. `sentence`: the mentions of its sentence.
 */
export function inNamedDistrict(doc: Doc, m: PlaceMention, sentence: PlaceMention[]): GazEntry[] {
  const area = containerOf(
    doc,
    m,
    sentence.filter((o) => o.first >= m.last),
  );
  if (area?.value.frame !== 'district') return m.value.candidates;
  return m.value.candidates.filter((c) => !isVillage(c) || liesIn(c, area.value.candidates));
}

const CAPITAL_WORD = /^[وفبل]?(ال)?عاصمه$/;

/** how much an adjective right after a name ("طرابلس اللبنانية"), or elsewhere in its sentence, weighs for its country */
const ADJECTIVE_AFTER = 4;
const ADJECTIVE_IN_SENTENCE = 1.5;

/** The countries whose nationality adjectives (the lexicon's) a sentence has; the last sentence asked is kept. */
let adjectivesOf: { doc: Doc; sent: number; countries: Set<string> } | null = null;
function adjectivesIn(doc: Doc, sent: number): Set<string> {
  if (adjectivesOf?.doc === doc && adjectivesOf.sent === sent) return adjectivesOf.countries;
  const { first, last } = doc.sentences[sent];
  const countries = new Set(
    nationalities()
      .scan(doc.tokens, first, last)
      .map((m) => m.value.country),
  );
  adjectivesOf = { doc, sent, countries };
  return countries;
}

/** "مدينة لييج البلجيكية": a town its frame calls a town and its country's adjective follows is that town */
function namedAsTown(doc: Doc, m: PlaceMention, e: GazEntry): boolean {
  return m.value.frame === 'settlement' && countryAdjectiveAt(doc, m.last, m.sent) === e.country;
}

let derived: Map<string, string> | null = null;
/** Adjectives the lexicon lacks, made from a country's one-word name: بلجيكا → بلجيكي, فرنسا → فرنسي. */
export function derivedAdjectives(): ReadonlyMap<string, string> {
  if (!derived) {
    derived = new Map();
    for (const c of gazetteer().byCountry.values())
      for (const n of c.names_ar) if (!n.includes(' ')) derived.set(`${n.replace(/[اه]$/, '')}ي`, c.country);
  }
  return derived;
}

/** The country whose nationality adjective token `i` is, if any (the lexicon's, else one made from its name). */
function countryAdjectiveAt(doc: Doc, i: number, sent: number): string | null {
  const t = doc.tokens[i];
  if (!t || t.sent !== sent || t.kind !== 'word') return null;
  const hit = nationalities().at(doc.tokens, i)[0];
  if (hit) return hit.value.country;
  return derivedAdjectives().get(foldInflection(t.norm.replace(/^[وفبل]?ال/, ''))) ?? null;
}

const afterCapitalWord = (doc: Doc, m: PlaceMention) => {
  const k = m.first - 1;
  return k >= 0 && doc.tokens[k].sent === m.sent && CAPITAL_WORD.test(doc.tokens[k].norm);
};

/** The country named right after the mention's comma ("عمان، الأردن"), if any. */
function countryAfterComma(doc: Doc, m: PlaceMention, sentence: PlaceMention[]): string | null {
  const comma = doc.tokens[m.last];
  if (!comma || comma.sent !== m.sent || (comma.norm !== '،' && comma.norm !== ',')) return null;
  const next = sentence.find((o) => o.first === m.last + 1);
  const c = next?.value.candidates.find((e) => e.feature === 'country');
  return c ? c.country : null;
}

/** "في ضواحي مدينة أوباري": a town word right before the name, whatever frame the words before it make */
const SETTLEMENT_WORD = /^[وفبل]?(ال)?(مدينه|بلده|قريه)$/;
const settlementWordBefore = (doc: Doc, m: PlaceMention) =>
  m.first > 0 && doc.tokens[m.first - 1].sent === m.sent && SETTLEMENT_WORD.test(doc.tokens[m.first - 1].norm);

/** A town this big, of a country the text names, is named by its one word (سورابايا، كاركاسون). */
const BIG_TOWN = 20000;

/** Farther than this from the places named beside it, a town abroad is a namesake (km). */
const FAR_KM = 500;

/** A name that opens with a part noun and holds a direction (المنطقة الشرقية، جهة الشرق). */
const describedBySide = (doc: Doc, m: PlaceMention) => {
  if (!ar.partNouns.test(doc.tokens[m.first].norm)) return false;
  for (let j = m.first + 1; j < m.last; j++) if (ar.direction.test(doc.tokens[j].norm)) return true;
  return false;
};

/**
 * `all`: every place name of the text, those read as actors too ("ثاني أكبر مدن إندونيسيا", "عمان، الأردن"): the
 * countries the text names however it names them make a big town of theirs far from the region no coincidence of
 * spelling, and a country after a name's comma says whose that name is.
 */
export function resolvePlaces(doc: Doc, mentions: PlaceMention[], all: PlaceMention[] = mentions): ResolvedPlace[] {
  const cw = countryWeights(mentions);
  // read only for the rare name that needs it: a scan of the whole text per document is not free
  let namedSet: Set<string> | null = null;
  const named = (country: string): boolean => {
    if (!namedSet) {
      namedSet = new Set(
        nationalities()
          .scan(doc.tokens, 0, doc.tokens.length)
          .map((x) => x.value.country),
      );
      for (const p of all) for (const c of p.value.candidates) if (c.feature === 'country') namedSet.add(c.country);
    }
    return namedSet.has(country);
  };
  const allBySentence = new Map<number, PlaceMention[]>();
  for (const p of all) {
    const list = allBySentence.get(p.sent);
    if (list) list.push(p);
    else allBySentence.set(p.sent, [p]);
  }
  const out: ResolvedPlace[] = [];
  const bySent = new Map<number, PlaceMention[]>();
  const allBySent = new Map<number, PlaceMention[]>();
  for (const m of mentions) {
    const all = allBySent.get(m.sent);
    if (all) all.push(m);
    else allBySent.set(m.sent, [m]);
    if (m.value.candidates.length !== 1) continue;
    const list = bySent.get(m.sent) ?? [];
    list.push(m);
    bySent.set(m.sent, list);
  }
  for (const m of mentions) {
    const sameSentence = (bySent.get(m.sent) ?? []).filter((o) => o !== m);
    // "عمان، الأردن", "طرابلس، لبنان": a name with a country after its comma is a place of that country
    const commaCountry = countryAfterComma(doc, m, allBySentence.get(m.sent) ?? []);
    if (commaCountry) {
      const inIt = m.value.candidates.filter((c) => c.country === commaCountry && c.feature !== 'country');
      if (inIt.length > 0) {
        const e = inIt.reduce((b, c) =>
          featurePrior(c, m) + c.population / 1e7 > featurePrior(b, m) + b.population / 1e7 ? c : b,
        );
        out.push({ mention: m, entry: e, precision: isArea(e) ? 3 : 1 });
        continue;
      }
    }
    // "في الجزائر", "في الكويت", "تونس": a country and its capital of one name, said bare, are the country; a
    // settlement or capital frame ("مدينة الكويت", "العاصمة تونس") makes it the city
    const country = m.value.candidates.find((c) => c.feature === 'country');
    if (country && m.value.frame === 'plain' && !afterCapitalWord(doc, m)) {
      out.push({ mention: m, entry: country, precision: 3 });
      continue;
    }
    let best: GazEntry | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    // a namesake outside the area the text puts it in is not it; where every candidate is, the name is unknown
    const candidates = inNamedDistrict(doc, m, allBySent.get(m.sent) ?? []);
    const adjectiveAfter = countryAdjectiveAt(doc, m.last, m.sent);
    const sentenceAdjectives = adjectivesIn(doc, m.sent);
    if (candidates.length === 0) continue;
    // a country or a national capital outweighs the small places abroad named after it (هولندا, باريس, جنيف)
    const major = m.value.candidates.some((c) => c.feature === 'country' || c.feature === 'place:PPLC');
    const score = (c: GazEntry) => featurePrior(c, m) + Math.log10(c.population + 1) / 2;
    for (const c of candidates) {
      if (major && c.feature.startsWith('place:') && c.feature !== 'place:PPLC' && c.population < 100000) continue;
      let s = score(c);
      s += Math.min(3, (cw.get(c.country) ?? 0) * 1.5);
      // "طرابلس اللبنانية": the adjective after the name says whose town it is; one elsewhere in the sentence
      // ("قال الجيش اللبناني إن … في طرابلس") leans that way
      if (adjectiveAfter === c.country) s += ADJECTIVE_AFTER;
      else if (sentenceAdjectives.has(c.country)) s += ADJECTIVE_IN_SENTENCE;
      // the places named around it: an area of the same country (رفح بشمال سيناء), a town nearby
      for (const o of sameSentence) {
        const e = o.value.candidates[0];
        if (e.country === c.country) s += isArea(e) ? 2 : 1;
        if (e.feature === 'admin1' && c.admin1 && e.admin1 === c.admin1) s += 1;
        if (!isArea(e) && haversineKm(e, c) < 150) s += 1;
      }
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (!best) continue;
    // a town named without a frame word, in a country the article never names otherwise, in an article plainly
    // about another (named twice or more): a namesake (العريش in a report from Yemen, الحسينية in Hodeidah) or a
    // word of prose; the namesake in a country the article is about, if any, else no place
    const elsewhere = (c: GazEntry) => (cw.get(c.country) ?? 0) - (countryOf(m) === c.country ? 1 : 0) <= 0;
    // a framed name ("بلدة المرج", "حي المغار بمدينة درنة") needs more: a town of another country in its sentence,
    // far from this one
    const farFrom = (c: GazEntry) =>
      (allBySent.get(m.sent) ?? []).some(
        (o) => o !== m && o.value.candidates.every((e) => e.country !== c.country && haversineKm(e, c) > FAR_KM),
      );
    if (
      (m.value.frame === 'plain' || (!m.value.bySound && farFrom(best))) &&
      best.feature.startsWith('place:') &&
      best.feature !== 'place:PPLC' &&
      elsewhere(best) &&
      adjectiveAfter !== best.country &&
      !sentenceAdjectives.has(best.country) &&
      Math.max(0, ...cw.values()) >= 2
    ) {
      const home = candidates.filter((c) => !elsewhere(c));
      if (home.length === 0) continue;
      best = home.reduce((b, c) => (score(c) > score(b) ? c : b));
    }
    // "المنطقة الوسطى", "الحدود الشمالية", "جهة الشرق": a region named by a side is that region only in a country the
    // text names (the central region of Nigeria is not Israel's Central District)
    if (
      describedBySide(doc, m) &&
      elsewhere(best) &&
      adjectiveAfter !== best.country &&
      !sentenceAdjectives.has(best.country)
    )
      continue;
    // a place named by one word, in a country the article is not about: a small unframed one, a frequent word of
    // prose, or one far from the region is a coincidence of spelling
    if (
      m.last - m.first === 1 &&
      !m.value.bySound &&
      !(settlementWordBefore(doc, m) && !m.value.common) &&
      !isArea(best) &&
      best.feature.startsWith('place:') &&
      elsewhere(best) &&
      ((m.value.weak && (best.population < 100000 || m.value.common)) ||
        (!REGION.has(best.country) &&
          best.feature !== 'place:PPLC' &&
          !namedAsTown(doc, m, best) &&
          !(best.population >= BIG_TOWN && named(best.country))))
    ) {
      continue;
    }
    const f = m.value.frame;
    const precision: 1 | 2 | 3 = isArea(best)
      ? 3
      : f === 'near' || f === 'countryside' || f === 'district' || AREA_FACILITIES.has(best.feature)
        ? 2
        : 1;
    out.push({ mention: m, entry: best, precision });
  }
  return out;
}

export const toPlace = (r: ResolvedPlace): Place => placeFrom(r.entry, r.precision, r.mention.span);

/** A gazetteer entry as the record's place, at a precision, read from a span (empty for a place given by hand). */
export function placeFrom(e: GazEntry, precision: Place['precision'], evidence: Span): Place {
  return {
    name: e.name,
    name_ar: e.name_ar,
    lat: e.lat,
    lon: e.lon,
    country: e.country,
    admin1: e.admin1 || null,
    admin2: e.admin2 || null,
    feature: e.feature,
    gazetteer_id: e.id,
    precision,
    evidence,
  };
}
