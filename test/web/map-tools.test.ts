/**
 * The map's tools (issue 20) in Debian's chromium against the real API: a legend that folds away and stays folded,
 * tooltips that open inside the map near its edges, and "search this area", which filters the table and the totals
 * to the map's view. Every wait is on the page's state, never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type * as Leaflet from 'leaflet';
import type { Browser, Page } from 'playwright-core';
import type { Point } from '../../src/web/api-types.js';
import {
  artifactPath,
  browserSkip,
  type CheckedPage,
  checkedPage,
  getJson,
  launchBrowser,
  openChecked,
  REPORTS,
  type RunningServer,
  serveWith,
} from './browser.js';

const skip = browserSkip();
/** Four incidents in four countries, far apart. */
const DOCS = [REPORTS.maarat, REPORTS.abha, REPORTS.sirwah, REPORTS.ainBase];

let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await serveWith(DOCS.map((d) => JSON.stringify(d)));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const api = <T>(route: string): Promise<T> => getJson<T>(server, route);

const openPage = (path: string): Promise<CheckedPage> => openChecked(browser, server, path);

/** The page once its map, table and totals have answered (the layout is then as it stays). */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('#map[data-singles]');
  await page.waitForSelector('#table:not([aria-busy]) #table-total');
  await page.waitForSelector('[data-total="incidents"]');
}

/** What `keepMaps` leaves on the page's window: Leaflet, every map made, and the marker a test picked. */
type KeptMaps = { L: typeof Leaflet; rasdMaps: Leaflet.Map[]; rasdMarker?: Leaflet.CircleMarker };

/**
 * Run in the page before its scripts: keeps each Leaflet map the app makes, so a test can ask the map where it drew
 * a marker (the incidents are drawn on a canvas: no element per marker). Leaflet's build sets window.L as it loads;
 * an init hook added then sees every map made after, the app's own. The app is not changed for the test. (Its
 * source is sent to the page as it is: no function in it may be named by a variable or a property, which tsx would
 * wrap in a helper the page lacks.)
 */
function keepMaps(): void {
  const w = window as unknown as KeptMaps;
  w.rasdMaps = [];
  let leaflet: typeof Leaflet | undefined;
  Object.defineProperty(window, 'L', {
    configurable: true,
    get() {
      return leaflet;
    },
    set(value: typeof Leaflet) {
      leaflet = value;
      value.Map.addInitHook(function (this: Leaflet.Map) {
        w.rasdMaps.push(this);
      });
    },
  });
}

const placedPoints = async (): Promise<Point[]> =>
  (await api<{ items: Point[] }>('/api/incidents/points')).items.filter((p) => p.lat !== null && p.lon !== null);

const totalOf = async (page: Page): Promise<number> =>
  Number(await page.locator('#table:not([aria-busy]) #table-total').getAttribute('data-total'));

test('the legend folds away, and stays folded after a reload', { skip }, async () => {
  const page = await openPage('/');
  await page.waitForSelector('#legend-box[open]');
  const open = (await page.locator('#legend').boundingBox())!;
  await page.click('#legend-box summary');
  await page.waitForSelector('#legend-box:not([open])');
  const folded = (await page.locator('#legend').boundingBox())!;
  assert.ok(folded.height < open.height / 3, `folded ${folded.height}px, open ${open.height}px`);
  await page.reload();
  await page.waitForSelector('#legend-box summary');
  assert.equal(await page.locator('#legend-box').getAttribute('open'), null, 'still folded');
  // the keyboard opens it again
  await page.focus('#legend-box summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#legend-box[open]');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the open legend covers neither the zoom buttons nor the map's attribution, in either language", {
  skip,
}, async () => {
  for (const lang of ['ar', 'en'] as const) {
    const page = await openPage(lang === 'en' ? '/?lang=en' : '/');
    await settled(page);
    await page.waitForSelector('#legend-box[open]');
    const legend = (await page.locator('#legend').boundingBox())!;
    for (const control of ['.leaflet-control-zoom', '.leaflet-control-attribution']) {
      const box = (await page.locator(control).boundingBox())!;
      const apart =
        box.x >= legend.x + legend.width ||
        legend.x >= box.x + box.width ||
        box.y >= legend.y + legend.height ||
        legend.y >= box.y + box.height;
      assert.ok(apart, `${lang}: the legend ${JSON.stringify(legend)} covers ${control} ${JSON.stringify(box)}`);
    }
    if (lang === 'en') await page.screenshot({ path: artifactPath('map-legend-open-en.png') });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('a tooltip opens inside the map beside a marker near its top and side edges', { skip }, async () => {
  for (const edge of ['top', 'left', 'right'] as const) {
    const page = await checkedPage(browser, { viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    await page.addInitScript(keepMaps);
    await page.goto(`${server.url}/`);
    await settled(page);
    // the legend folded, as a user does to reach the markers under it: open, it covers most of one side
    await page.click('#legend-box summary');
    await page.waitForSelector('#legend-box:not([open])');
    // one incident's own marker, wherever the rules placed it, panned to 15 px inside this edge of the map (as a drag
    // would): its position on the screen is the map's own, read back after the pan
    const at = await page.evaluate((edge) => {
      const { L, rasdMaps } = window as unknown as KeptMaps;
      const map = rasdMaps[0];
      if (!map) throw new Error('no Leaflet map was kept: Leaflet did not set window.L as it loaded');
      const markers: Leaflet.CircleMarker[] = [];
      map.eachLayer((l) => {
        // a single incident drawn on the canvas (a cluster is an icon, a coarse record an SVG ring)
        if (l instanceof L.CircleMarker && l.getTooltip() && l.options.renderer instanceof L.Canvas) markers.push(l);
      });
      const marker = markers[0];
      if (!marker) return null;
      const size = map.getSize();
      const box = map.getContainer().getBoundingClientRect();
      // along a side, the first height the map's own canvas shows at (the zoom buttons, the folded legend cover
      // parts of the sides)
      const x = edge === 'top' ? size.x / 2 : edge === 'left' ? 15 : size.x - 15;
      const free = [0.5, 0.4, 0.3, 0.6, 0.25, 0.7]
        .map((f) => size.y * f)
        .filter((y) => {
          return document.elementFromPoint(box.left + x, box.top + y)?.tagName === 'CANVAS';
        });
      if (edge !== 'top' && free.length === 0) return null;
      const want = L.point(x, edge === 'top' ? 15 : free[0]);
      map.panBy(map.latLngToContainerPoint(marker.getLatLng()).subtract(want), { animate: false });
      (window as unknown as KeptMaps).rasdMarker = marker;
      const now = map.latLngToContainerPoint(marker.getLatLng());
      return { x: box.left + now.x, y: box.top + now.y };
    }, edge);
    assert.ok(at, `${edge}: no single incident's marker on the map, or no free place along its side`);
    const map = (await page.locator('#map').boundingBox())!;
    const inset = edge === 'top' ? at.y - map.y : edge === 'left' ? at.x - map.x : map.x + map.width - at.x;
    assert.ok(Math.abs(inset - 15) < 1.5, `${edge}: the marker is ${inset}px inside the edge`);
    // nothing is drawn over the marker there (a control, a label, a cluster): the pointer reaches the canvas
    const hit = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return el && `${el.tagName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    }, at);
    assert.match(hit ?? '', /^CANVAS\b/, `${edge}: the pointer at the marker is over a ${hit}`);
    await page.mouse.move(at.x, at.y);
    // the tooltip opened is this marker's own
    await page.waitForFunction(() => {
      const { rasdMaps, rasdMarker } = window as unknown as KeptMaps;
      return rasdMaps[0].hasLayer(rasdMarker!) && rasdMarker!.isTooltipOpen();
    });
    const tip = page.locator('.leaflet-tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.equal(await tip.count(), 1);
    const box = (await tip.boundingBox())!;
    const inside =
      box.x >= map.x &&
      box.y >= map.y &&
      box.x + box.width <= map.x + map.width &&
      box.y + box.height <= map.y + map.height;
    assert.ok(inside, `${edge}: tooltip ${JSON.stringify(box)} outside the map ${JSON.stringify(map)}`);
    if (edge === 'top') await page.screenshot({ path: artifactPath('map-tooltip-top-edge.png') });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('"search this area" filters the table and the totals to the map view; its chip clears it', { skip }, async () => {
  const all = (await api<{ total: number }>('/api/incidents?limit=1')).total;
  const syria = (await placedPoints()).find((p) => p.lat! > 34 && p.lon! < 38);
  assert.ok(syria, 'Maarat al-Numan is placed');
  const page = await openPage(`/?view=${syria.lat},${syria.lon},7`);
  await page.waitForSelector(`#table:not([aria-busy]) #table-total[data-total="${all}"]`);
  await page.click('#map-area');
  await page.waitForURL((u) => new URL(u).searchParams.has('bbox'));
  const bbox = new URL(page.url()).searchParams.get('bbox')!;
  const [west, south, east, north] = bbox.split(',').map(Number);
  assert.ok(west < syria.lon! && syria.lon! < east && south < syria.lat! && syria.lat! < north, bbox);
  const inArea = await api<{ total: number; items: { id: string }[] }>(
    `/api/incidents?bbox=${encodeURIComponent(bbox)}&limit=100`,
  );
  assert.ok(inArea.total >= 1 && inArea.total < all, `${inArea.total} of ${all} in ${bbox}`);
  await page.waitForSelector(`#table:not([aria-busy]) #table-total[data-total="${inArea.total}"]`);
  const rows = await page
    .locator('tr[data-incident]')
    .evaluateAll((r) => r.map((x) => x.getAttribute('data-incident')));
  assert.deepEqual(rows.sort(), inArea.items.map((i) => i.id).sort());
  await page.waitForSelector(`[data-total="incidents"][data-value="${inArea.total}"]`);
  await page.screenshot({ path: artifactPath('map-search-area.png') });
  await page.click('#area-clear');
  await page.waitForURL((u) => !new URL(u).searchParams.has('bbox'));
  assert.equal(await totalOf(page), all);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('offline place labels: towns named in the UI language, bundled with the app', { skip }, async () => {
  for (const [lang, damascus] of [
    ['ar', 'دمشق'],
    ['en', 'Damascus'],
  ] as const) {
    const page = await openPage(`/?view=34.5,37,7${lang === 'en' ? '&lang=en' : ''}`);
    const label = page.locator('.place-label span', { hasText: damascus });
    await label.first().waitFor();
    const map = (await page.locator('#map').boundingBox())!;
    const box = (await label.first().boundingBox())!;
    assert.ok(box.x >= map.x && box.x + box.width <= map.x + map.width + 100, 'the label is on the map');
    const count = Number(await page.locator('#map').getAttribute('data-labels'));
    assert.ok(count > 1 && count <= 60, `${count} labels`);
    if (lang === 'ar') await page.screenshot({ path: artifactPath('map-place-labels-ar.png') });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
