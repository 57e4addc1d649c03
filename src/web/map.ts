/**
 * The incident map: circle markers on a canvas, coloured by type and sized by the killed; grid clusters when
 * dense (a cluster zooms in on click, or lists its incidents when they share one place). Records placed at a
 * province or a country (geo-precision 3) cluster apart from the others and are drawn as hollow dashed rings (on
 * an SVG layer: few, and each is an element the page can be asked about).
 */
import L from 'leaflet';
import type { Point } from './api-types.js';
import { addBaseMap } from './basemap.js';
import { type Cluster, gridCluster, separate } from './cluster.js';
import { h, ltr } from './dom.js';
import { figure } from './figures.js';
import { geoPrecision, markerStyle } from './geo-precision.js';
import { lang, num, t, term } from './i18n/index.js';
import { PlaceLabels } from './place-labels.js';
import { type MapViewState, viewText } from './state.js';
import { toCode, typeColor } from './taxonomy.js';

const CELL_PX = 56;
const TILE = 256;

/** Web Mercator pixel coordinates at a zoom, as Leaflet's EPSG:3857 computes them, without its allocations. */
function project(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const scale = TILE * 2 ** zoom;
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return { x: ((lon + 180) / 360) * scale, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale };
}
const MAX_ZOOM = 12;
const LIST_LIMIT = 40;
/** The room a tooltip takes beside or above its marker, px: nearer an edge than this, it opens another way. */
const TIP_ROOM = { x: 110, y: 120 };

/** A point's place in the UI's language (its Arabic name in Arabic, where the gazetteer has one), or unknown. */
const placeName = (p: Point): string => (lang() === 'ar' && p.placeAr) || p.place || t('unknown');

function radius(killed: number | null): number {
  return Math.min(22, 5 + 2.2 * Math.sqrt(killed ?? 0));
}

/** A cluster icon's width, px, by how many incidents it holds. */
const clusterSize = (n: number): number => Math.round(26 + 8 * Math.log10(n));

function dominantType(points: Point[]): string {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

export class MapView {
  readonly map: L.Map;
  readonly ready: Promise<void>;
  #el: HTMLElement;
  #onOpen: (id: string) => void;
  #renderer = L.canvas({ padding: 0.3 });
  #coarseRenderer = L.svg({ padding: 0.3 });
  #layer = L.layerGroup();
  #placed: Point[] = [];
  #fitted = false;
  /** what the layer shows: redrawn only when the points or the zoom changed */
  #drawn = { version: -1, zoom: -1 };
  #version = 0;
  #zoom = L.control.zoom({ position: 'topleft' });
  #labels: PlaceLabels;

  constructor(el: HTMLElement, onOpen: (id: string) => void) {
    this.#el = el;
    this.#onOpen = onOpen;
    this.map = L.map(el, {
      preferCanvas: true,
      zoomControl: false,
      minZoom: 2,
      maxZoom: MAX_ZOOM,
      worldCopyJump: true,
      center: [31, 40],
      zoom: 4,
    });
    this.map.attributionControl.setPrefix(false).addAttribution('Natural Earth · GeoNames · Leaflet');
    this.#zoom.addTo(this.map);
    this.#layer.addTo(this.map);
    this.map.on('zoomend', () => this.#draw());
    // the panel's size settles after the map is made (the totals band, the fonts): Leaflet follows the window only,
    // and a map left at its first size draws its centre off the panel's and its markers away from the pointer
    new ResizeObserver(() => this.map.invalidateSize()).observe(el);
    this.ready = addBaseMap(this.map);
    this.#labels = new PlaceLabels(this.map);
    this.#labels.load().catch((e) => console.warn(e));
  }

  /** Shows these incidents; `refit` frames them (the first call with any, and after a filter changed). */
  setPoints(points: Point[], refit = false): void {
    performance.mark('rasd:map-draw-start');
    this.#placed = points.filter((p) => p.lat !== null && p.lon !== null);
    this.#version++;
    if ((refit || !this.#fitted) && this.#placed.length > 0) {
      this.#fitted = true;
      this.fit(false);
    }
    this.#draw();
    this.#el.dataset.unplaced = String(points.length - this.#placed.length);
    performance.mark('rasd:map-drawn');
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('rasd:map-painted')));
  }

  /** Takes a view (from the URL): the incidents are not framed on their first drawing. */
  setView(v: MapViewState): void {
    this.#fitted = true;
    const c = this.map.getCenter();
    if (viewText({ lat: c.lat, lon: c.lng, zoom: this.map.getZoom() }) === viewText(v)) return;
    this.map.setView([v.lat, v.lon], v.zoom, { animate: false });
  }

  /** Tells `fn` each view the map comes to (after a pan, a zoom or a fit). */
  onView(fn: (v: MapViewState) => void): void {
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      fn({ lat: c.lat, lon: c.lng, zoom: this.map.getZoom() });
    });
  }

  /** The area the map shows, west,south,east,north to four decimals, within the world's bounds (the API's bbox). */
  areaText(): string {
    const b = this.map.getBounds();
    const clamp = (v: number, max: number) => Number(Math.max(-max, Math.min(max, v)).toFixed(4));
    // a view wider than the world wraps: the whole width, not a box across the antimeridian
    const whole = b.getEast() - b.getWest() >= 360;
    const west = whole ? -180 : ((((b.getWest() + 180) % 360) + 360) % 360) - 180;
    const east = whole ? 180 : ((((b.getEast() + 180) % 360) + 360) % 360) - 180;
    return [clamp(west, 180), clamp(b.getSouth(), 90), clamp(east, 180), clamp(b.getNorth(), 90)].join(',');
  }

  fit(animate = true): void {
    if (this.#placed.length === 0) return;
    const bounds = L.latLngBounds(this.#placed.map((p) => [p.lat!, p.lon!] as L.LatLngTuple));
    this.map.fitBounds(bounds.pad(0.15), { maxZoom: 7, animate });
  }

  /**
   * Zoom control on the side the reading starts from, the attribution on the other (the legend's side); place
   * labels in the UI's language.
   */
  setDirection(): void {
    this.#zoom.setPosition(lang() === 'ar' ? 'topright' : 'topleft');
    this.map.attributionControl.setPosition(lang() === 'ar' ? 'bottomleft' : 'bottomright');
    this.#labels.draw();
  }

  #draw(): void {
    const zoom = this.map.getZoom();
    if (this.#drawn.version === this.#version && this.#drawn.zoom === zoom) return;
    this.#drawn = { version: this.#version, zoom };
    // province- and country-level records cluster among themselves: a country's centre is not a hotspot
    const precise: { x: number; y: number; index: number }[] = [];
    const coarse: { x: number; y: number; index: number }[] = [];
    this.#placed.forEach((p, index) => {
      (geoPrecision(p.precision) === 3 ? coarse : precise).push({ ...project(p.lat!, p.lon!, zoom), index });
    });
    this.#layer.clearLayers();
    let singles = 0;
    let grouped = 0;
    let coarseShown = 0;
    for (const [list, isCoarse] of [
      [precise, false],
      [coarse, true],
    ] as const) {
      // what would be drawn over each other is one cluster (a single marker by its circle, a cluster by its icon)
      const drawn = (c: Cluster) =>
        c.indexes.length === 1 ? radius(this.#placed[c.indexes[0]].killed) : clusterSize(c.indexes.length) / 2;
      for (const c of separate(gridCluster(list, CELL_PX), drawn)) {
        const members = c.indexes.map((i) => this.#placed[i]);
        const at = this.map.unproject([c.x, c.y], zoom);
        if (isCoarse) coarseShown += members.length;
        if (members.length === 1) {
          singles++;
          this.#layer.addLayer(this.#marker(members[0]));
        } else {
          grouped++;
          this.#layer.addLayer(this.#cluster(members, at, isCoarse));
        }
      }
    }
    this.#el.dataset.shown = String(this.#placed.length);
    this.#el.dataset.singles = String(singles);
    this.#el.dataset.clusters = String(grouped);
    this.#el.dataset.coarse = String(coarseShown);
  }

  #marker(p: Point): L.CircleMarker {
    const precision = geoPrecision(p.precision);
    const m = L.circleMarker([p.lat!, p.lon!], {
      renderer: precision === 1 ? this.#renderer : this.#coarseRenderer,
      radius: radius(p.killed),
      ...markerStyle(precision, typeColor(p.type)),
      bubblingMouseEvents: false,
    });
    // before the tooltip's own handler: it opens on the side where it fits
    m.on('mouseover', () => this.#placeTooltip(m));
    m.bindTooltip(() => this.#describe(p), { direction: 'top', offset: [0, -4] });
    m.on('click', () => this.#onOpen(p.id));
    return m;
  }

  /**
   * Sets a marker's tooltip to open where it stays inside the map: above it, below it near the top edge, beside it
   * near a side (the map clips what crosses its edge).
   */
  #placeTooltip(m: L.CircleMarker): void {
    const tip = m.getTooltip();
    if (!tip) return;
    const at = this.map.latLngToContainerPoint(m.getLatLng());
    const size = this.map.getSize();
    const [direction, offset]: [L.Direction, [number, number]] =
      at.x < TIP_ROOM.x
        ? ['right', [6, 0]]
        : at.x > size.x - TIP_ROOM.x
          ? ['left', [-6, 0]]
          : at.y < TIP_ROOM.y
            ? ['bottom', [0, 6]]
            : ['top', [0, -4]];
    tip.options.direction = direction;
    tip.options.offset = L.point(offset);
  }

  #cluster(members: Point[], at: L.LatLng, coarse: boolean): L.Marker {
    const size = clusterSize(members.length);
    const icon = h(
      'div',
      {
        class: coarse ? 'cluster coarse' : 'cluster',
        'data-count': members.length,
        style: `--cluster-color:${typeColor(dominantType(members))};width:${size}px;height:${size}px`,
      },
      ltr(num(members.length)),
    );
    const marker = L.marker(at, {
      icon: L.divIcon({ html: icon, className: 'cluster-icon', iconSize: [size, size] }),
      keyboard: true,
      title: `${num(members.length)} ${t('mapCluster')}${coarse ? ` (${term('geo.3')})` : ''}`,
    });
    marker.on('click', () => this.#openCluster(members, at));
    return marker;
  }

  #openCluster(members: Point[], at: L.LatLng): void {
    const bounds = L.latLngBounds(members.map((p) => [p.lat!, p.lon!] as L.LatLngTuple));
    const onePlace = bounds.getNorthEast().equals(bounds.getSouthWest(), 1e-6);
    if (!onePlace && this.map.getZoom() < MAX_ZOOM) {
      this.map.fitBounds(bounds.pad(0.3), { maxZoom: MAX_ZOOM });
      return;
    }
    const sorted = [...members].sort((a, b) => b.date.localeCompare(a.date));
    const list = h(
      'ul',
      { class: 'cluster-list' },
      sorted
        .slice(0, LIST_LIMIT)
        .map((p) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'link', 'data-incident': p.id, onclick: () => this.#onOpen(p.id) },
              h('span', { class: 'swatch', style: `background:${typeColor(p.type)}` }),
              ltr(p.date),
              ' ',
              term(toCode(p.subtype || p.type)),
              p.killed ? [' · ', ltr(num(p.killed)), ' ', t('colKilled')] : null,
            ),
          ),
        ),
    );
    L.popup({ maxHeight: 280 })
      .setLatLng(at)
      .setContent(h('div', {}, h('strong', {}, placeName(sorted[0])), list))
      .openOn(this.map);
  }

  #describe(p: Point): HTMLElement {
    return h(
      'div',
      { class: 'tip' },
      h('strong', {}, placeName(p)),
      h('div', {}, ltr(p.date), ' · ', term(toCode(p.subtype || p.type))),
      h('div', { class: 'muted' }, t('precisionFilter'), ': ', term(`geo.${geoPrecision(p.precision)}`)),
      p.killed !== null || p.injured !== null
        ? h('div', {}, t('colKilled'), ' ', figure(p.killed), ' · ', t('colInjured'), ' ', figure(p.injured))
        : null,
    );
  }
}
