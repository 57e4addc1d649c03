/**
 * The web app in a real browser (Debian chromium) against the real API server over a PGlite store holding the
 * seeds and some dev articles: the map shows the incidents, the date inputs and the timeline's brush filter the
 * map and the table, the Ain al-Asad incident shows both claims highlighted in its article, a correction is kept
 * across a reload, the language toggle flips the page's direction. Then 10,000 synthetic incidents (route
 * fixture) on the map, with the time of the first view reported.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Point } from '../../src/web/api-types.js';
import {
  artifactPath,
  browserSkip,
  checkedPage,
  corpusSample,
  getJson,
  launchBrowser,
  type RunningServer,
  readmePicture,
  serveWith,
} from './browser.js';
import { syntheticIncidents, syntheticPoints } from './synthetic.js';

const skip = browserSkip();
const { seeds, dev } = corpusSample();

let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await serveWith([...seeds, ...dev]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const api = <T>(route: string): Promise<T> => getJson<T>(server, route);

async function openPage(path = '/'): Promise<Page> {
  const page = await checkedPage(
    browser,
    { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
    { console: true },
  );
  // the token reaches the app as the printed address gives it: in the fragment, kept, then taken off the address
  await page.goto(`${server.url}${path}#token=${server.token}`);
  return page;
}

/** What the map says it drew: incidents placed, single markers, and clusters with their counts. */
async function mapCounts(page: Page) {
  return page.evaluate(() => {
    const map = document.getElementById('map')!;
    const clusters = [...map.querySelectorAll<HTMLElement>('.cluster')].map((c) => Number(c.dataset.count));
    return {
      shown: Number(map.dataset.shown),
      singles: Number(map.dataset.singles),
      clusters: clusters.length,
      inClusters: clusters.reduce((a, b) => a + b, 0),
    };
  });
}

const placed = (items: Point[], from = '', to = '\uffff') =>
  items.filter((p) => p.lat !== null && p.lon !== null && p.date >= from && p.date <= to).length;

async function waitForShown(page: Page, n: number) {
  await page.waitForFunction((n) => document.getElementById('map')?.dataset.shown === String(n), n);
}

test('overview: every placed incident is on the map (markers + clusters), the table pages the same incidents', {
  skip,
}, async () => {
  const points = await api<{ total: number; items: Point[] }>('/api/incidents/points');
  assert.ok(points.items.some((p) => p.place === 'Ain al-Asad Air Base' && p.date === '2023-10-30'));
  const page = await openPage();
  await waitForShown(page, placed(points.items));
  const counts = await mapCounts(page);
  assert.equal(counts.singles + counts.inClusters, placed(points.items));
  assert.ok(counts.singles + counts.clusters > 0);
  await page.waitForSelector('#table-total');
  assert.equal(await page.getAttribute('#table-total', 'data-total'), String(points.total));
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await page.waitForTimeout(300);
  await page.screenshot({ path: artifactPath('overview-ar.png') });
  await readmePicture(page, 'screenshot.png');
  assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  await page.close();
});

test('filters: the date inputs and a brush over the timeline filter the map and the table; clear undoes it', {
  skip,
}, async () => {
  const points = await api<{ total: number; items: Point[] }>('/api/incidents/points');
  const page = await openPage();
  await waitForShown(page, placed(points.items));

  // the date boxes are text (written as the app writes dates): a whole date filters once typed
  await page.fill('input[name="from"]', '2023-10-01');
  await page.waitForURL(/from=2023-10-01/);
  await page.fill('input[name="to"]', '2023-10-31');
  await page.locator('input[name="to"]').dispatchEvent('change');
  await page.waitForURL(/from=2023-10-01&to=2023-10-31/);
  await waitForShown(page, placed(points.items, '2023-10-01', '2023-10-31'));
  const october = await api<{ total: number }>('/api/incidents?from=2023-10-01&to=2023-10-31&limit=1');
  await page.waitForSelector(`#table-total[data-total="${october.total}"]`);
  await page.click('#timeline-clear');
  await page.waitForURL((u) => !u.search.includes('from='));
  await waitForShown(page, placed(points.items));

  // drag over the last tenth of the timeline: the most recent bins
  const box = (await page.locator('.timeline-svg').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.9, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.95, y, { steps: 4 });
  await page.mouse.move(box.x + box.width - 4, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const q = new URL(page.url()).searchParams;
  const [from, to] = [q.get('from')!, q.get('to')!];
  assert.ok(from <= to);
  const brushed = placed(points.items, from, to);
  assert.ok(brushed > 0 && brushed < placed(points.items), `${brushed} of ${placed(points.items)} in ${from}..${to}`);
  await waitForShown(page, brushed);
  const inRange = await api<{ total: number }>(`/api/incidents?from=${from}&to=${to}&limit=1`);
  await page.waitForSelector(`#table-total[data-total="${inRange.total}"]`);
  assert.equal(await page.inputValue('input[name="from"]'), from);
  await page.screenshot({ path: artifactPath('brushed.png') });
  await page.close();
});

test('incident: Ain al-Asad shows both claims highlighted, the outcome disagreement, and keeps a correction', {
  skip,
}, async () => {
  const page = await openPage('/?from=2023-10-30&to=2023-10-30');
  const row = page.locator('tr[data-incident]', { hasText: 'عين الأسد' }).first();
  await row.click();
  await page.waitForURL(/incident=/);
  const view = page.locator('#incident');
  await view.locator('.member .article-text').first().waitFor();

  const responsibility = view.locator('mark.ev-claim-responsibility');
  const outcome = view.locator('mark.ev-claim-outcome');
  assert.ok((await responsibility.allTextContents()).join(' ').includes('تبنت'));
  assert.ok((await outcome.allTextContents()).join(' ').includes('أصابت أهدافها'));
  assert.match(await view.locator('[data-disagreement="outcome"]').innerText(), /أصاب/);

  await view.locator('button.claim[data-kind="outcome"]').first().click();
  assert.ok((await view.locator('mark.lit').count()) > 0);
  await view.locator('button[data-field="location"]').click();
  assert.match((await view.locator('mark.lit').allTextContents()).join(' '), /عين الأسد/);
  await page.screenshot({ path: artifactPath('incident-ar.png') });
  await readmePicture(page, 'screenshot-incident.png');

  // a correction: killed = 3, by an analyst named once
  const member = view.locator('article.member').first();
  await member.locator('button[data-action="correct"]').click();
  await member.locator('select[name="field"]').selectOption('fatalities.killed');
  await member.locator('input[name="value"]').fill('3');
  await member.locator('form.correct-form button[type="submit"]').click();
  await page.locator('#analyst-input').fill('Test Analyst');
  await page.locator('#analyst-dialog button[value="save"]').click();
  await page.waitForFunction(() =>
    document.querySelector('#incident button[data-field="killed"]')?.textContent?.includes('3'),
  );

  await page.reload();
  await view.locator('.member .article-text').first().waitFor();
  assert.match(await view.locator('button[data-field="killed"]').innerText(), /3/);
  const reviewed = view.locator('article.member .status').first();
  assert.equal(await reviewed.getAttribute('data-status'), 'corrected');
  const history = await view.locator('.history li').first().innerText();
  assert.match(history, /Test Analyst/);
  // in words, the Arabic UI's, not the API's key; the arrow points the way Arabic reads
  assert.match(history, /القتلى: غير معروف ← 3|القتلى: \d+ ← 3/);
  assert.doesNotMatch(history, /fatalities/);

  await page.click('#lang-toggle');
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(page.url(), /lang=en/);
  assert.equal(await page.locator('#incident-back').innerText(), 'Back to the overview');
  await page.screenshot({ path: artifactPath('incident-en.png') });
  await page.click('#incident-back');
  await page.waitForSelector('#incident', { state: 'hidden' });
  await page.screenshot({ path: artifactPath('overview-en.png') });
  await page.click('#lang-toggle');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  await page.close();
});

test('10,000 incidents: all on the first view of the map; time to first view reported', { skip }, async (t) => {
  const N = 10_000;
  const points = syntheticPoints(N);
  const incidents = syntheticIncidents(points);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route('**/api/incidents/points**', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ total: N, items: points }) }),
  );
  await page.route(/\/api\/incidents\?/, (route) => {
    const q = new URL(route.request().url()).searchParams;
    const offset = Number(q.get('offset') ?? 0);
    const limit = Number(q.get('limit') ?? 100);
    const items = incidents.slice(offset, offset + limit);
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ total: N, limit, offset, items }) });
  });
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('rasd:map-painted').length > 0);
  const counts = await mapCounts(page);
  assert.equal(counts.shown, N);
  assert.equal(counts.singles + counts.inClusters, N);
  // no two cluster icons are drawn over each other (issue 20: they overlapped where two grid cells' means met)
  const icons = await page
    .locator('#map .cluster')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => [r.x + r.width / 2, r.y + r.height / 2, r.width / 2]),
    );
  for (let i = 0; i < icons.length; i++)
    for (let j = i + 1; j < icons.length; j++) {
      const [[x1, y1, r1], [x2, y2, r2]] = [icons[i], icons[j]];
      assert.ok(Math.hypot(x1 - x2, y1 - y2) >= r1 + r2 - 1, `clusters ${i} and ${j} overlap`);
    }
  // no named functions inside evaluate: tsx's transform would wrap them in a helper the page does not have
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      ['rasd:points-received', 'rasd:map-draw-start', 'rasd:map-drawn', 'rasd:map-painted'].map((n) => [
        n,
        performance.getEntriesByName(n)[0].startTime,
      ]),
    ),
  );
  const timing = {
    firstView: marks['rasd:map-painted'],
    dataToPaint: marks['rasd:map-painted'] - marks['rasd:points-received'],
    draw: marks['rasd:map-drawn'] - marks['rasd:map-draw-start'],
  };
  const figure = `10,000 incidents: first view ${timing.firstView.toFixed(0)} ms after navigation start; data to painted map ${timing.dataToPaint.toFixed(0)} ms (clustering + markers ${timing.draw.toFixed(0)} ms); ${counts.clusters} clusters, ${counts.singles} single markers`;
  t.diagnostic(figure);
  console.log(figure);
  await page.screenshot({ path: artifactPath('map-10000.png') });
  await page.close();
});

test('hostile article text and titles are shown as text: nothing in them runs or becomes markup', {
  skip,
}, async () => {
  const hostile = {
    id: 'hostile-page',
    title: '<img src=x onerror="window.__xss=1"><b>عنوان</b>',
    published: '2018-09-09',
    source: '<script>window.__xss=2</script>',
    text: 'قصفت طائرات حربية مدينة إدلب اليوم. <img src=x onerror="window.__xss=3"><script>window.__xss=4</script> وقال شهود إن القصف استهدف حيا سكنيا.',
  };
  const res = await fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ documents: [hostile] }),
  });
  assert.equal(res.status, 200, await res.text());
  const doc = await api<{ events: { incidentId: string | null }[] }>('/api/documents/hostile-page');
  const incident = doc.events.find((e) => e.incidentId)?.incidentId;
  assert.ok(incident, 'the hostile page has an event in an incident');
  const page = await openPage(`/?incident=${encodeURIComponent(incident)}`);
  const view = page.locator('#incident');
  const article = view.locator('.member .article-text', { hasText: 'onerror' });
  await article.first().waitFor();
  assert.match(await article.first().innerText(), /<img src=x onerror="window.__xss=3"><script>/);
  assert.equal(await view.locator('.article-text img, .article-text script, .member b').count(), 0);
  assert.equal(await page.evaluate(() => (window as { __xss?: number }).__xss), undefined);
  assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  await page.close();
});

test('an old incident address: the app opens the incident under its new id and puts that id in the URL', {
  skip,
}, async () => {
  const points = await api<{ items: Point[] }>('/api/incidents/points');
  const old = points.items.find((p) => p.place === 'Ain al-Asad Air Base' && p.date === '2023-10-30');
  assert.ok(old);
  // the same report again, under an id that sorts before every member: the incident takes a new id
  const seed = JSON.parse(seeds[0]) as { text: string; published: string };
  const res = await fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ documents: [{ id: '0-republished', published: seed.published, text: `${seed.text}\n` }] }),
  });
  assert.equal(res.status, 200, await res.text());
  const now = (await api<{ items: Point[] }>('/api/incidents/points')).items.find(
    (p) => p.place === 'Ain al-Asad Air Base' && p.date === '2023-10-30',
  );
  assert.ok(now && now.id !== old.id && now.members === old.members + 1);

  const page = await openPage(`/?incident=${encodeURIComponent(old.id)}`);
  await page.waitForURL((u) => u.searchParams.get('incident') === now.id);
  await page.locator('#incident .member').nth(old.members).waitFor();
  assert.equal(await page.locator('#incident .member').count(), now.members);
  assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  await page.close();
});
