/** Wires the views to the state in the URL: filters drive the map, timeline and table; an id opens an incident. */
import './styles/app.css';
import { ApiError, api } from './api.js';
import type { Incident, IncidentSort, Page, Point } from './api-types.js';
import { renderChrome } from './chrome.js';
import { byId, ltr, replace } from './dom.js';
import { FilterBar } from './filterbar.js';
import { num, setLang, t } from './i18n/index.js';
import { IncidentView } from './incident.js';
import { tracked } from './loading.js';
import { MapView } from './map.js';
import { ReviewQueueView } from './review-queue.js';
import { type AppState, type Filters, parseView, Store, sameFilters, viewText } from './state.js';
import { PAGE_SIZE, TableView } from './table.js';
import { TimelineView } from './timeline.js';
import { adoptTokenFromAddress } from './token.js';
import { TotalsView } from './totals.js';

adoptTokenFromAddress();
const store = new Store();
setLang(store.state.lang);

const openIncident = (id: string) => store.update({ incident: id }, 'push');
const withDates = (from: string | null, to: string | null): Filters => {
  const { from: _f, to: _t, ...rest } = store.state.filters;
  return { ...rest, ...(from ? { from } : {}), ...(to ? { to } : {}) };
};

const filterBar = new FilterBar(byId<HTMLFormElement>('filters'), (f) => store.setFilters(f));
const map = new MapView(byId('map'), openIncident);
const timeline = new TimelineView(byId('timeline'), (from, to) => store.setFilters(withDates(from, to)));
const table = new TableView(byId('table'), {
  open: openIncident,
  sort: (sort: IncidentSort) => store.update({ sort, page: 1 }),
  page: (page: number) => store.update({ page }),
});
const incident = new IncidentView(byId('incident'), {
  close: () => store.update({ incident: null }, 'push'),
  changed: (id) => {
    void loadChoices();
    void loadPoints(store.state);
    void loadTable(store.state);
    void loadTotals(store.state);
    if (id && id !== store.state.incident) store.update({ incident: id });
    else if (id) void incident.open(id);
    else store.update({ incident: null });
  },
  moved: (id) => store.update({ incident: id }),
});
const totals = new TotalsView(byId('totals'));
const queue = new ReviewQueueView(byId('queue'), {
  close: () => store.update({ queue: false }, 'push'),
  open: openIncident,
  changed: () => {
    void loadPoints(store.state);
    void loadTable(store.state);
    void loadTotals(store.state);
  },
});
byId('map-fit').addEventListener('click', () => map.fit());
// "search this area": the map's view becomes a filter, which the table, the totals and the queue follow too
byId('map-area').addEventListener('click', () => store.setFilters({ ...store.state.filters, bbox: map.areaText() }));
// the map's view lives in the URL: a link or a reload shows the same place; a filter frames its incidents again
let refitNext = false;
const startView = parseView(store.state.view);
if (startView) map.setView(startView);
map.onView((v) => {
  const text = viewText(v);
  if (text !== store.state.view) store.update({ view: text });
});

let points: Point[] = [];
let lastPage: Page<Incident> | null = null;
let pointsRequest: AbortController | null = null;
let tableRequest: AbortController | null = null;
let totalsRequest: AbortController | null = null;

function inRange(p: Point, f: Filters): boolean {
  return (!f.from || p.date >= f.from) && (!f.to || p.date <= f.to);
}

/** The map shows the date range; the timeline zooms into it (clearing the dates zooms out again). */
function drawPoints(s: AppState): void {
  const shown = points.filter((p) => inRange(p, s.filters));
  map.setPoints(shown, refitNext);
  refitNext = false;
  timeline.setData(points, { from: s.filters.from, to: s.filters.to });
  const unplaced = shown.filter((p) => p.lat === null || p.lon === null).length;
  replace(
    byId('map-status'),
    ltr(num(shown.length - unplaced)),
    ` ${t('onMap')}`,
    unplaced ? [' · ', ltr(num(unplaced)), ` ${t('mapNotPlaced')}`] : null,
  );
}

async function loadPoints(s: AppState): Promise<void> {
  pointsRequest?.abort();
  const request = new AbortController();
  pointsRequest = request;
  const { from: _f, to: _t, ...rest } = s.filters;
  performance.mark('rasd:points-request');
  try {
    byId('map').setAttribute('aria-busy', 'true');
    const res = await tracked(api.points(rest, request.signal));
    // an answer that lands after a newer request was sent is stale, whatever abort() managed to stop
    if (request !== pointsRequest) return;
    byId('map').removeAttribute('aria-busy');
    performance.mark('rasd:points-received');
    points = res.items;
    drawPoints(store.state);
  } catch (e) {
    if ((e as Error).name === 'AbortError' || request !== pointsRequest) return;
    replace(byId('map-status'), `${t('errorPrefix')} ${e instanceof ApiError ? e.message : String(e)}`);
  }
}

async function loadTable(s: AppState): Promise<void> {
  tableRequest?.abort();
  const request = new AbortController();
  tableRequest = request;
  table.loading();
  try {
    const page = await tracked(
      api.incidents(s.filters, { sort: s.sort, limit: PAGE_SIZE, offset: (s.page - 1) * PAGE_SIZE }, request.signal),
    );
    if (request !== tableRequest) return;
    lastPage = page;
    table.render(lastPage, s.sort);
  } catch (e) {
    if ((e as Error).name === 'AbortError' || request !== tableRequest) return;
    table.error(e instanceof ApiError ? e.message : String(e), () => void loadTable(store.state));
  }
}

async function loadTotals(s: AppState): Promise<void> {
  totalsRequest?.abort();
  const request = new AbortController();
  totalsRequest = request;
  totals.loading();
  try {
    const answer = await tracked(api.totals(s.filters, request.signal));
    if (request === totalsRequest) totals.render(answer);
  } catch (e) {
    if ((e as Error).name === 'AbortError' || request !== totalsRequest) return;
    totals.error(e instanceof ApiError ? e.message : String(e));
  }
}

/** The pickers' suggestions: the store's countries and actors (none when the request fails: typing still works). */
async function loadChoices(): Promise<void> {
  try {
    filterBar.setChoices(await api.choices());
  } catch {
    // the boxes take typed names without suggestions
  }
}

function renderLanguage(s: AppState): void {
  setLang(s.lang);
  renderChrome(
    () => store.update({ lang: store.state.lang === 'ar' ? 'en' : 'ar' }),
    () => store.update({ queue: true, incident: null }, 'push'),
  );
  filterBar.render(s.filters);
  map.setDirection();
}

store.subscribe((next, prev) => {
  if (next.lang !== prev.lang) {
    renderLanguage(next);
    drawPoints(next);
    if (lastPage) table.render(lastPage, next.sort);
    totals.render();
    incident.rerender();
    queue.rerender();
  }
  const filtersChanged = !sameFilters(next.filters, prev.filters);
  if (filtersChanged) refitNext = true;
  const view = parseView(next.view);
  if (next.view !== prev.view && view) map.setView(view);
  if (filtersChanged) filterBar.render(next.filters);
  if (!sameFilters(next.filters, prev.filters, ['from', 'to'])) void loadPoints(next);
  else if (filtersChanged) drawPoints(next);
  if (filtersChanged) void loadTotals(next);
  if (filtersChanged || next.sort !== prev.sort || next.page !== prev.page) void loadTable(next);
  if (next.queue && (!prev.queue || filtersChanged)) void queue.open(next.filters);
  else if (!next.queue && prev.queue) {
    queue.close();
    byId('queue-toggle').focus();
  }
  if (next.incident !== prev.incident) {
    if (next.incident) void incident.open(next.incident);
    else {
      incident.close();
      // back in the queue: asked again (the incident may have been reviewed), its item keeps the keyboard
      if (next.queue) {
        byId('queue').querySelector<HTMLElement>('.queue-item')?.focus();
        void queue.open(next.filters, true);
        return;
      }
      // focus goes back to the row the incident was opened from, when the table shows it
      const row = prev.incident
        ? document.querySelector<HTMLElement>(`tr[data-incident="${CSS.escape(prev.incident)}"]`)
        : null;
      row?.focus({ preventScroll: false });
    }
  }
});
// Escape closes the incident (a dialog open over it takes its own Escape)
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.defaultPrevented || !store.state.incident) return;
  if (document.querySelector('dialog[open]')) return;
  e.preventDefault();
  store.update({ incident: null }, 'push');
});
document.addEventListener('rasd:analyst', () => renderLanguage(store.state));

renderLanguage(store.state);
void loadChoices();
void loadPoints(store.state);
void loadTable(store.state);
void loadTotals(store.state);
if (store.state.queue) void queue.open(store.state.filters);
if (store.state.incident) void incident.open(store.state.incident);
