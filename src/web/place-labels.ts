/**
 * Offline place labels on the map: the towns the build writes to /assets/places.json (GeoNames, CC BY 4.0), named
 * in the UI's language, capitals and larger towns first, as many as fit the view without touching each other.
 */
import L from 'leaflet';
import { h } from './dom.js';
import { lang } from './i18n/index.js';

/** [English name, Arabic name, lat, lon, population, 1 for a capital], capitals then by population */
type Label = [string, string, number, number, number, 0 | 1];

/** The most labels drawn in one view, and the smallest town labelled at each zoom. */
const MAX_LABELS = 60;
const minPopulation = (zoom: number): number => (zoom <= 4 ? 2_000_000 : zoom <= 5 ? 700_000 : zoom <= 6 ? 250_000 : 0);
/** The room a label is given, px: no other label starts inside it. */
const ROOM = { x: 90, y: 18 };

export class PlaceLabels {
  #map: L.Map;
  #layer = L.layerGroup();
  #labels: Label[] = [];

  constructor(map: L.Map) {
    this.#map = map;
    map.createPane('labels').style.zIndex = '390';
    this.#layer.addTo(map);
    map.on('moveend', () => this.draw());
  }

  async load(): Promise<void> {
    const res = await fetch('/assets/places.json');
    if (!res.ok) throw new Error(`place labels: ${res.status}`);
    this.#labels = (await res.json()) as Label[];
    this.draw();
  }

  /** Draws the labels of the view (again after a move or a change of language). */
  draw(): void {
    this.#layer.clearLayers();
    const zoom = this.#map.getZoom();
    const bounds = this.#map.getBounds();
    const least = minPopulation(zoom);
    const taken: L.Point[] = [];
    const ar = lang() === 'ar';
    for (const [en, arName, lat, lon, population, capital] of this.#labels) {
      if (taken.length >= MAX_LABELS) break;
      if (!capital && population < least) continue;
      if (!bounds.contains([lat, lon])) continue;
      const at = this.#map.latLngToContainerPoint([lat, lon]);
      if (taken.some((p) => Math.abs(p.x - at.x) < ROOM.x && Math.abs(p.y - at.y) < ROOM.y)) continue;
      taken.push(at);
      const name = (ar && arName) || en;
      this.#layer.addLayer(
        L.marker([lat, lon], {
          pane: 'labels',
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: capital ? 'place-label capital' : 'place-label',
            html: h('span', {}, name),
            iconSize: [0, 0],
          }),
        }),
      );
    }
    this.#map.getContainer().dataset.labels = String(taken.length);
  }
}
