/**
 * The app's state, kept in the URL's query string so any view can be linked and reloaded: filters, table sort
 * and page, the open incident, the language.
 */
import { INCIDENT_SORTS, type IncidentSort } from './api-types.js';
import { LANGS, type Lang } from './i18n/index.js';

export const FILTER_KEYS = [
  'from',
  'to',
  'country',
  'admin1',
  'type',
  'subtype',
  'actor',
  'q',
  'precision',
  'bbox',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface AppState {
  filters: Filters;
  sort: IncidentSort;
  page: number;
  incident: string | null;
  /** the review queue is open */
  queue: boolean;
  /** the map's view, "lat,lon,zoom", once the map has one; none: the map frames the incidents */
  view: string | null;
  lang: Lang;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** west,south,east,north: the map's area searched ("search this area") */
const BBOX = /^-?\d{1,3}(?:\.\d+)?(?:,-?\d{1,3}(?:\.\d+)?){3}$/;

export function parseState(search: string): AppState {
  const q = new URLSearchParams(search);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k)?.trim();
    if (!v) continue;
    if ((k === 'from' || k === 'to') && !DATE.test(v)) continue;
    if (k === 'precision' && !['1', '2', '3'].includes(v)) continue;
    if (k === 'bbox' && !BBOX.test(v)) continue;
    filters[k] = v;
  }
  const sort = q.get('sort') as IncidentSort | null;
  const lang = q.get('lang') as Lang | null;
  const page = Number(q.get('page'));
  return {
    filters,
    sort: sort && INCIDENT_SORTS.includes(sort) ? sort : '-date',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    incident: q.get('incident') || null,
    queue: q.get('queue') === '1',
    view: parseView(q.get('view')) ? q.get('view') : null,
    lang: lang && LANGS.includes(lang) ? lang : 'ar',
  };
}

export function stateQuery(s: AppState): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (s.filters[k]) q.set(k, s.filters[k]!);
  if (s.sort !== '-date') q.set('sort', s.sort);
  if (s.page > 1) q.set('page', String(s.page));
  if (s.incident) q.set('incident', s.incident);
  if (s.queue) q.set('queue', '1');
  if (s.view) q.set('view', s.view);
  if (s.lang !== 'ar') q.set('lang', s.lang);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export interface MapViewState {
  lat: number;
  lon: number;
  zoom: number;
}

/** "lat,lon,zoom" read, or null when it is not one. */
export function parseView(v: string | null | undefined): MapViewState | null {
  const m = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?),(\d{1,2})$/.exec(v ?? '');
  if (!m) return null;
  const [lat, lon, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom <= 20 ? { lat, lon, zoom } : null;
}

/** A view as the URL keeps it: four decimals (about 10 m) and a whole zoom. */
export const viewText = (v: MapViewState): string =>
  `${Number(v.lat.toFixed(4))},${Number(v.lon.toFixed(4))},${Math.round(v.zoom)}`;

export type Listener = (next: AppState, prev: AppState) => void;

/** Holds the state, writes it to the URL, tells the views what changed; the back button walks incident views. */
export class Store {
  #state: AppState;
  #listeners: Listener[] = [];

  constructor() {
    this.#state = parseState(location.search);
    window.addEventListener('popstate', () => this.#emit(parseState(location.search)));
  }

  get state(): AppState {
    return this.#state;
  }

  subscribe(fn: Listener): void {
    this.#listeners.push(fn);
  }

  /** Merges a change; `history: 'push'` makes a new history entry (opening an incident), else the URL is replaced. */
  update(change: Partial<AppState>, history: 'push' | 'replace' = 'replace'): void {
    const next = { ...this.#state, ...change };
    const url = `${location.pathname}${stateQuery(next)}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    this.#emit(next);
  }

  setFilters(filters: Filters): void {
    const clean: Filters = {};
    for (const k of FILTER_KEYS) if (filters[k]) clean[k] = filters[k];
    this.update({ filters: clean, page: 1 });
  }

  #emit(next: AppState): void {
    const prev = this.#state;
    this.#state = next;
    for (const fn of this.#listeners) fn(next, prev);
  }
}

export function sameFilters(a: Filters, b: Filters, ignore: FilterKey[] = []): boolean {
  return FILTER_KEYS.every((k) => ignore.includes(k) || (a[k] ?? '') === (b[k] ?? ''));
}
