/**
 * How sure a record is of its place, as the map, the table and the legend show it: ACLED's geo-precision (1 an
 * exact place, 2 near a place or a district, 3 a province or a country). A precise place is a filled circle; a
 * district a paler circle with a dashed ring; a province or a country a hollow dashed ring, so that records placed
 * on a country's centre never read as a hotspot.
 */
import type { CircleMarkerOptions } from 'leaflet';
import { h } from './dom.js';
import { term } from './i18n/index.js';

export type GeoPrecision = 1 | 2 | 3;

/** null (no place known) and anything odd count as the least precise shown; what the API gives is 1, 2 or 3. */
export const geoPrecision = (p: number | null | undefined): GeoPrecision => (p === 2 || p === 3 ? p : 1);

/** The circle's style at this precision, in the type's colour. */
export function markerStyle(precision: GeoPrecision, color: string): CircleMarkerOptions {
  if (precision === 1) return { color: '#ffffff', weight: 1, fillColor: color, fillOpacity: 0.85 };
  if (precision === 2)
    return { color, weight: 2, dashArray: '4 2', fillColor: color, fillOpacity: 0.45, className: 'geo-2' };
  return { color, weight: 2, dashArray: '3 3', fillColor: color, fillOpacity: 0.08, className: 'geo-3' };
}

/** A small symbol of the precision (the table's column, the legend), its name as the title. */
export function precisionBadge(p: number | null | undefined): HTMLElement {
  const g = geoPrecision(p);
  return h('span', { class: `geo-badge geo-badge-${g}`, title: term(`geo.${g}`), 'data-precision': g });
}
