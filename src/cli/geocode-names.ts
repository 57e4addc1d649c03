/** `rasd geocode`: every place name in a text, its candidates, the choice made and why, for debugging. */
import { analyze } from '../analysis.js';
import { placesForEvent } from '../events/places.js';
import type { GazEntry } from '../geo/gazetteer.js';
import { countryWeights, featurePrior, inNamedDistrict } from '../geo/resolve.js';
import { makeDoc } from '../text/doc.js';
import type { Span } from '../text/span.js';

export interface GeocodedName {
  span: Span;
  frame: string;
  candidates: (Pick<
    GazEntry,
    'id' | 'name' | 'country' | 'admin1' | 'admin2' | 'feature' | 'population' | 'wikidata' | 'minor' | 'lat' | 'lon'
  > & {
    /** what resolve ranks it by before the places around it: its feature and frame, population, the text's countries */
    score: number;
  })[];
  chosen: (Pick<GazEntry, 'id' | 'name' | 'country' | 'lat' | 'lon'> & { precision: 1 | 2 | 3 }) | null;
  /** why a name found in the gazetteer is not a place here */
  dropped: string | null;
  /** the place an event in this sentence would be coded at */
  eventPlace: boolean;
}

export function geocode(text: string, published: string | null = null): GeocodedName[] {
  const doc = makeDoc('geocode', text, published);
  const a = analyze(doc);
  const eventPlaces = new Set<unknown>();
  for (const s of doc.sentences) {
    const trig = a.in[s.i].triggers;
    if (trig.length > 0) for (const p of placesForEvent(a, s.i, trig)) eventPlaces.add(p);
  }
  const cw = countryWeights(a.placeNames);
  return a.placeNames.map((m) => {
    const r = a.places.find((p) => p.mention.first === m.first);
    let dropped: string | null = null;
    if (!r) {
      if (a.actors.some((x) => x.first <= m.first && m.last <= x.last && x.last - x.first > m.last - m.first))
        dropped = 'part of an actor name';
      else if (a.sources.some((x) => x.first < m.last && m.first < x.last)) dropped = 'part of a source name';
      else if (m.value.candidates.every((c) => c.feature === 'country') && m.value.frame === 'plain')
        dropped = 'a country named as an actor';
      else if (
        inNamedDistrict(
          doc,
          m,
          a.placeNames.filter((o) => o.sent === m.sent),
        ).length === 0
      )
        dropped = 'no place of that name lies in the district the text names';
      else dropped = 'weak: a one-word name outside the countries of the text, or a reference point';
    } else if (r.mention.first < a.dateline) dropped = 'dateline';
    return {
      span: m.span,
      frame: m.value.frame,
      candidates: m.value.candidates.map((c) => ({
        id: c.id,
        name: c.name,
        country: c.country,
        admin1: c.admin1,
        admin2: c.admin2,
        feature: c.feature,
        population: c.population,
        wikidata: c.wikidata,
        minor: c.minor,
        lat: c.lat,
        lon: c.lon,
        score:
          Math.round(
            100 * (featurePrior(c, m) + Math.log10(c.population + 1) / 2 + Math.min(3, (cw.get(c.country) ?? 0) * 1.5)),
          ) / 100,
      })),
      chosen: r
        ? {
            id: r.entry.id,
            name: r.entry.name,
            country: r.entry.country,
            lat: r.entry.lat,
            lon: r.entry.lon,
            precision: r.precision,
          }
        : null,
      dropped,
      eventPlace: r !== undefined && eventPlaces.has(r),
    };
  });
}
