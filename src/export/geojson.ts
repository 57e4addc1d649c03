/**
 * Incidents as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude]); unplaced incidents are left out. The
 * properties are the ACLED CSV's columns under the same names, every value a string or a number (lists joined with
 * "; "), so that GIS tools (ogr2ogr to a Shapefile or a GeoPackage, QGIS) keep every field; Rasd's own fields follow.
 */
import type { Incident } from '../fuse/types.js';
import { ACLED_COLUMNS, acledRow, type Timestamps } from './acled.js';
import { checkText, incidentChecks, RASD_CHECK, type RecordChecks } from './record-checks.js';

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number>;
}

export function toGeoJson(
  incidents: Incident[],
  timestamp: Timestamps = Math.floor(Date.now() / 1000),
  checks: RecordChecks = incidentChecks,
): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  for (const i of incidents) {
    const f = toFeature(i, timestamp, checks);
    if (f) features.push(f);
  }
  return { type: 'FeatureCollection', features };
}

/** One incident as a GeoJSON Feature; null for an unplaced one. */
export function toFeature(i: Incident, timestamp: Timestamps, checks: RecordChecks = incidentChecks): Feature | null {
  if (!i.location) return null;
  const row = acledRow(i, timestamp);
  const properties: Record<string, string | number> = {};
  for (const c of ACLED_COLUMNS) properties[c] = row[c];
  properties[RASD_CHECK] = checkText(checks, i);
  Object.assign(properties, {
    rasd_incident_id: i.id,
    event_date_end: i.date.end,
    location_ar: i.location.name_ar ?? '',
    injured: i.fatalities.injured ?? '',
    weapons: i.weapons.join('; '),
    reports: i.members.length,
    disputed: i.disagreements.map((d) => d.field).join('; '),
  });
  return {
    type: 'Feature',
    id: i.id,
    geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] },
    properties,
  };
}
