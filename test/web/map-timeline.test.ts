/**
 * The map's view and the timeline's zoom (issue 20): the view lives in the URL (a reload shows the same place) and
 * a filter frames its incidents again; a brushed range is what the timeline then shows, in finer bins. Debian's
 * chromium against the real API; every wait is on the page's state, never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Point } from '../../src/web/api-types.js';
import { parseView } from '../../src/web/state.js';
import { artifactPath, browserSkip, launchBrowser, type RunningServer, serveWith } from './browser.js';

const skip = browserSkip();

/** Incidents from Egypt to Yemen, March 2019 to January 2020. */
const DOCS = [
  ['court', '2019-03-10', 'قتل 3 أشخاص في انفجار عبوة ناسفة في مدينة طنطا اليوم الأحد.'],
  [
    'yemen',
    '2019-05-20',
    'قتل 4 جنود في هجوم شنه مسلحو الحوثي على موقع عسكري في مديرية صرواح بمحافظة مأرب اليوم الإثنين.',
  ],
  ['idlib', '2019-05-12', 'قتل 7 أشخاص في قصف مدفعي استهدف مدينة معرة النعمان في ريف إدلب الجنوبي اليوم الأحد.'],
  ['base', '2020-01-08', 'سقطت صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر اليوم الأربعاء.'],
  ['ramadi', '2019-09-03', 'قتل جنديان في هجوم بعبوة ناسفة على دورية للجيش في مدينة الرمادي اليوم الثلاثاء.'],
].map(([id, published, text]) => ({ id, published, text }));

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

async function points(query = ''): Promise<Point[]> {
  const res = await fetch(`${server.url}/api/incidents/points${query}`);
  return ((await res.json()) as { items: Point[] }).items.filter((p) => p.lat !== null && p.lon !== null);
}

async function openPage(path = '/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}${path}`);
  return page;
}

const viewOf = (url: string) => new URL(url).searchParams.get('view');

test('map: the view is in the URL, a filter frames its incidents again, a reload keeps the view', {
  skip,
}, async () => {
  const all = await points();
  const page = await openPage();
  await page.waitForSelector(`#map[data-shown="${all.length}"]`);
  await page.waitForURL((u) => viewOf(u.href) !== null);
  const first = parseView(viewOf(page.url()))!;
  assert.ok(first, page.url());

  // Iraq only: the map frames Iraq's incidents, closer than the whole set
  const iraq = await points('?country=IQ');
  assert.ok(iraq.length >= 1);
  await page.fill('input[name="country"]', 'IQ');
  await page.locator('input[name="country"]').dispatchEvent('change');
  await page.waitForURL(/country=IQ/);
  await page.waitForSelector(`#map[data-shown="${iraq.length}"]`);
  await page.waitForURL((u) => (parseView(viewOf(u.href))?.zoom ?? 0) > first.zoom);
  const framed = parseView(viewOf(page.url()))!;
  assert.ok(framed.zoom > first.zoom, `zoom ${framed.zoom} after ${first.zoom}`);
  const lats = iraq.map((p) => p.lat!);
  const lons = iraq.map((p) => p.lon!);
  assert.ok(framed.lat >= Math.min(...lats) - 1 && framed.lat <= Math.max(...lats) + 1, `${framed.lat}`);
  assert.ok(framed.lon >= Math.min(...lons) - 1 && framed.lon <= Math.max(...lons) + 1, `${framed.lon}`);

  // the analyst zooms in; the URL follows, and a reload shows that view, not a new frame
  await page.locator('.leaflet-control-zoom-in').click();
  await page.waitForURL((u) => parseView(viewOf(u.href))?.zoom === framed.zoom + 1);
  const kept = viewOf(page.url());
  await page.screenshot({ path: artifactPath('map-view-in-url.png') });
  const again = await openPage(new URL(page.url()).pathname + new URL(page.url()).search);
  await again.waitForSelector(`#map[data-shown="${iraq.length}"]`);
  await again.waitForSelector('#loading', { state: 'hidden' });
  assert.equal(viewOf(again.url()), kept);
  await again.close();
  await page.close();
});

test('timeline: a date range is what it shows, in finer bins; clearing the dates zooms out', { skip }, async () => {
  const page = await openPage();
  const chart = page.locator('.timeline-svg');
  await page.waitForSelector('.timeline-svg[data-bins]:not([data-bins="0"])');
  const whole = { size: await chart.getAttribute('data-bin-size'), from: await chart.getAttribute('data-from') };
  assert.equal(whole.size, 'week', 'ten months in weeks');

  // the date boxes are text (written as the app writes dates): a whole date filters once typed
  await page.fill('input[name="from"]', '2019-05-01');
  await page.waitForURL(/from=2019-05-01/);
  await page.fill('input[name="to"]', '2019-05-31');
  await page.locator('input[name="to"]').dispatchEvent('change');
  await page.waitForURL(/from=2019-05-01&to=2019-05-31/);
  await page.waitForSelector('.timeline-svg[data-from="2019-05-01"][data-to="2019-05-31"]');
  assert.equal(await chart.getAttribute('data-bin-size'), 'day');
  assert.equal(await chart.getAttribute('data-bins'), '31');

  // a brush inside the zoomed chart narrows the range further, by days
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForURL((u) => u.searchParams.get('from') !== '2019-05-01');
  const q = new URL(page.url()).searchParams;
  assert.ok(q.get('from')! > '2019-05-01' && q.get('to')! < '2019-05-31', page.url());
  await page.waitForSelector(`.timeline-svg[data-from="${q.get('from')}"][data-to="${q.get('to')}"]`);
  await page.screenshot({ path: artifactPath('timeline-zoomed.png') });

  await page.click('#timeline-clear');
  await page.waitForURL((u) => !u.search.includes('from='));
  await page.waitForSelector(`.timeline-svg[data-bin-size="week"][data-from="${whole.from}"]`);
  await page.close();
});

test('timeline from the keyboard: arrows move a range of bars, Shift+arrows extend it, Enter filters to it', {
  skip,
}, async () => {
  const page = await openPage('/?from=2019-05-01&to=2019-05-31');
  const chart = page.locator('.timeline-chart');
  await page.waitForSelector('.timeline-svg[data-bin-size="day"][data-bins="31"]');
  // named and described for a screen reader: the title, and the keys it takes
  assert.equal(await chart.getAttribute('aria-labelledby'), 'timeline-title');
  assert.match((await page.locator('#timeline-keys').textContent()) ?? '', /Enter/);
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.timeline-chart[data-draft-from="2019-05-01"][data-draft-to="2019-05-01"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.timeline-chart[data-draft-from="2019-05-03"][data-draft-to="2019-05-03"]');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.waitForSelector('.timeline-chart[data-draft-from="2019-05-10"][data-draft-to="2019-05-14"]');
  assert.ok(await page.locator('.timeline-svg rect.draft').count(), 'the draft is drawn');
  // the range said as it changes, with how many incidents it holds (Idlib's, on the 12th)
  assert.match((await page.locator('#timeline-draft').textContent()) ?? '', /2019-05-10 – 2019-05-14: 1 /);
  // nothing is filtered until Enter
  assert.equal(new URL(page.url()).searchParams.get('from'), '2019-05-01');
  await page.screenshot({ path: artifactPath('timeline-keyboard-draft.png') });
  await page.keyboard.press('Enter');
  await page.waitForURL(
    (u) => u.searchParams.get('from') === '2019-05-10' && u.searchParams.get('to') === '2019-05-14',
  );
  await page.waitForSelector('.timeline-svg[data-from="2019-05-10"][data-to="2019-05-14"]');
  // End goes to the last bar; Escape drops the draft and filters nothing
  await page.keyboard.press('End');
  await page.waitForSelector('.timeline-chart[data-draft-from="2019-05-14"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.timeline-chart:not([data-draft-from])');
  assert.equal(new URL(page.url()).searchParams.get('to'), '2019-05-14');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('timeline-chart')), true);
  await page.close();
});
