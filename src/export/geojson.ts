/** Incidents as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude]); unplaced incidents are left out. */
import type { Incident } from '../fuse/types.js';

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export function toGeoJson(incidents: Incident[]): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  for (const i of incidents) {
    if (!i.location) continue;
    features.push({
      type: 'Feature',
      id: i.id,
      geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] },
      properties: {
        type: i.type,
        subtype: i.subtype,
        date: i.date.start,
        date_end: i.date.end,
        date_precision: i.date.precision,
        location: i.location.name,
        location_ar: i.location.name_ar,
        country: i.location.country,
        admin1: i.location.admin1,
        geo_precision: i.location.precision,
        perpetrators: i.perpetrators.map((a) => a.name),
        targets: i.targets.map((a) => a.name),
        weapons: i.weapons,
        killed: i.fatalities.killed,
        injured: i.fatalities.injured,
        sources: i.sources,
        members: i.members.length,
        disagreements: i.disagreements.map((d) => d.field),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
