/**
 * The analyst's all-day tool (issue 20) in Debian's chromium against the real API: evidence words brought into
 * view in a long article, geo-precision drawn and filtered, totals that follow the filters, Escape, the loading
 * state, the exports, and a page that fits 390 px. Every wait is on the page's state, never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Point } from '../../src/web/api-types.js';
import {
  artifactPath,
  browserSkip,
  type CheckedPage,
  corpusSample,
  getJson,
  launchBrowser,
  openChecked,
  REPORTS,
  type RunningServer,
  serveWith,
} from './browser.js';

const skip = browserSkip();
const { seeds, dev } = corpusSample();

/** A long article whose only event is in its last line: its words start far below any first view. */
const filler = Array.from(
  { length: 90 },
  (_, i) => `وتناول التقرير في فقرته رقم ${i + 1} تاريخ المدينة وأسواقها القديمة ومعالمها المعروفة.`,
).join('\n');
const LONG = {
  id: 'long-article',
  source: 'test',
  published: '2019-05-12',
  text: `${filler}\n${REPORTS.maarat.text}`,
};
/** An event placed at a country only (geo-precision 3). */
const COUNTRY_LEVEL = {
  id: 'country-level',
  source: 'test',
  published: '2019-05-13',
  text: 'أعلن الجيش السوري أن 5 جنود قتلوا في هجوم شنه مسلحون في سوريا اليوم.',
};

let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  const own = [LONG, COUNTRY_LEVEL].map((d) => JSON.stringify(d));
  server = await serveWith([...seeds, ...dev, ...own]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const api = <T>(route: string): Promise<T> => getJson<T>(server, route);

type Checked = CheckedPage;

const openPage = (path = '/', viewport = { width: 1400, height: 900 }): Promise<Checked> =>
  openChecked(browser, server, path, { viewport, console: true });

/** The incident one document's event is in. */
async function incidentOf(documentId: string): Promise<string> {
  const doc = await api<{ events: { incidentId: string | null }[] }>(`/api/documents/${documentId}`);
  const id = doc.events.find((e) => e.incidentId)?.incidentId;
  assert.ok(id, `${documentId} has an event in an incident`);
  return id;
}

/**
 * Whether the element's box lies inside the viewport and inside every scrolling box around it. Built from text:
 * tsx would wrap a named function written here in a helper the page does not have.
 */
const IN_VIEW = new Function(
  'el',
  `
  const r = el.getBoundingClientRect();
  const inside = (o) => r.top >= o.top - 1 && r.bottom <= o.bottom + 1 && r.left >= o.left - 1 && r.right <= o.right + 1;
  const outsideOf = [];
  // up to the body, whose overflow is the viewport's: the viewport check covers it
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (!/auto|scroll/.test(s.overflowY) || p.scrollHeight <= p.clientHeight) continue;
    if (!inside(p.getBoundingClientRect())) outsideOf.push(p.className || p.tagName);
  }
  return { viewport: inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth }), outsideOf, top: r.top };
`,
) as (el: Element) => unknown;

async function inView(page: Page, selector: string) {
  return (await page.locator(selector).first().evaluate(IN_VIEW)) as {
    viewport: boolean;
    outsideOf: string[];
    top: number;
  };
}

test('evidence first: a clicked field of a long article has its words in view, inside every scroll area', {
  skip,
}, async () => {
  const id = await incidentOf(LONG.id);
  for (const viewport of [
    { width: 1400, height: 900 },
    { width: 390, height: 800 },
  ]) {
    const page = await openPage(`/?incident=${encodeURIComponent(id)}`, viewport);
    const view = page.locator('#incident');
    await view.locator('.member .article-text').first().waitFor();
    for (const field of ['killed', 'location', 'date']) {
      await view.locator(`button[data-field="${field}"]`).click();
      await page.waitForSelector('#incident mark.lit.flash');
      const seen = await inView(page, '#incident mark.lit');
      assert.ok(seen.viewport, `${field} at ${viewport.width}px: the words are in the viewport (top ${seen.top})`);
      assert.deepEqual(seen.outsideOf, [], `${field} at ${viewport.width}px: inside every scroll area`);
    }
    assert.match(await view.locator('.evidence-status').innerText(), /\S/);
    await page.screenshot({ path: artifactPath(`evidence-long-${viewport.width}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('trust: a country-level record is drawn as a hollow dashed ring, has its column, and can be filtered out', {
  skip,
}, async () => {
  const points = (await api<{ items: Point[] }>('/api/incidents/points')).items;
  const placed = points.filter((p) => p.lat !== null);
  const coarse = placed.filter((p) => p.precision === 3);
  assert.ok(coarse.length > 0, 'a country-level incident');
  const page = await openPage();
  await page.waitForFunction((n) => document.getElementById('map')?.dataset.shown === String(n), placed.length);
  assert.equal(await page.getAttribute('#map', 'data-coarse'), String(coarse.length));
  // drawn differently: its own element, dashed and nearly unfilled, or inside a dashed cluster of its own
  const ring = page.locator('#map path.geo-3').first();
  if ((await page.locator('#map path.geo-3').count()) > 0) {
    assert.ok(await ring.getAttribute('stroke-dasharray'));
    assert.ok(Number(await ring.getAttribute('fill-opacity')) < 0.2);
  } else assert.ok((await page.locator('#map .cluster.coarse').count()) > 0);
  assert.equal((await page.locator('#map path.geo-3, #map .cluster.coarse').count()) > 0, true);

  // the table says how precise each record is
  const id = await incidentOf(COUNTRY_LEVEL.id);
  await page.fill('input[name="q"]', 'الجيش السوري');
  await page.waitForSelector(`tr[data-incident="${id}"] .geo-badge[data-precision="3"]`);
  await page.screenshot({ path: artifactPath('precision-on.png') });

  // the filter leaves them out of the map and the table, and is kept in the URL
  await page.fill('input[name="q"]', '');
  await page.selectOption('select[name="precision"]', '2');
  await page.waitForURL(/precision=2/);
  const kept = placed.filter((p) => p.precision !== null && p.precision <= 2).length;
  await page.waitForFunction((n) => document.getElementById('map')?.dataset.shown === String(n), kept);
  assert.equal(await page.getAttribute('#map', 'data-coarse'), '0');
  assert.equal(await page.locator('#map path.geo-3, #map .cluster.coarse').count(), 0);
  const listed = await api<{ total: number }>('/api/incidents?precision=2&limit=1');
  await page.waitForSelector(`#table-total[data-total="${listed.total}"]`);
  assert.equal(await page.locator(`tr[data-incident="${id}"]`).count(), 0);
  await page.screenshot({ path: artifactPath('precision-filtered.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

interface Totals {
  incidents: number;
  killed: number;
  injured: number;
  byType: { key: string; incidents: number }[];
}

/** The band's figures and the type rows it shows, as the page holds them. */
async function band(page: Page) {
  const figure = async (k: string) => Number(await page.getAttribute(`#totals [data-total="${k}"]`, 'data-value'));
  const types = await page
    .locator('#totals [data-breakdown="type"] li')
    .evaluateAll((lis) =>
      lis.map((li) => [(li as HTMLElement).dataset.key, Number((li as HTMLElement).dataset.incidents)]),
    );
  return {
    incidents: await figure('incidents'),
    killed: await figure('killed'),
    injured: await figure('injured'),
    types,
  };
}

test('totals: the band equals the sums of the API for the same filter, and follows the filters', { skip }, async () => {
  const page = await openPage();
  for (const filter of ['', 'country=SY', 'from=2023-10-01&to=2023-10-31']) {
    if (filter === 'country=SY') {
      // through the filter bar, as an analyst types it
      await page.fill('input[name="country"]', 'SY');
      await page.locator('input[name="country"]').dispatchEvent('change');
      await page.waitForURL(/country=SY/);
    } else if (filter) await page.goto(`${server.url}/?${filter}`);
    const points = (await api<{ items: Point[] }>(`/api/incidents/points?${filter}`)).items;
    const killed = points.reduce((a, p) => a + (p.killed ?? 0), 0);
    const injured = points.reduce((a, p) => a + (p.injured ?? 0), 0);
    await page.waitForSelector(`#totals [data-total="incidents"][data-value="${points.length}"]`);
    await page.waitForSelector('#totals:not([aria-busy])');
    const shown = await band(page);
    assert.deepEqual(
      { incidents: shown.incidents, killed: shown.killed, injured: shown.injured },
      { incidents: points.length, killed, injured },
      filter,
    );
    const totals = await api<Totals>(`/api/incidents/totals?${filter}`);
    assert.deepEqual(
      shown.types,
      totals.byType.slice(0, shown.types.length).map((r) => [r.key, r.incidents]),
    );
    for (const [type, n] of shown.types) {
      assert.equal(n, points.filter((p) => p.type === type).length, `${filter} ${type}`);
    }
  }
  await page.screenshot({ path: artifactPath('totals-band.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keyboard: Escape closes the incident and focus goes back to its row', { skip }, async () => {
  const page = await openPage();
  const row = page.locator('tr[data-incident]').first();
  const id = await row.getAttribute('data-incident');
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/incident=/);
  await page.locator('#incident .member .article-text').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'incident-back');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#incident', { state: 'hidden' });
  assert.ok(!new URL(page.url()).searchParams.has('incident'));
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.incident), id);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('loading: a notice shows while the API answers and goes when it has', { skip }, async () => {
  const page = (await browser.newPage({ viewport: { width: 1400, height: 900 } })) as Checked;
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route('**/api/incidents/points**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#loading', { state: 'visible' });
  assert.match(await page.locator('#loading').innerText(), /\S/);
  assert.equal(await page.getAttribute('#map', 'aria-busy'), 'true');
  await page.screenshot({ path: artifactPath('loading.png') });
  release();
  await page.waitForSelector('#loading', { state: 'hidden' });
  assert.equal(await page.getAttribute('#map', 'aria-busy'), null);
  await page.close();
});

test('exports: CSV, GeoJSON and JSONL of the current filter', { skip }, async () => {
  const page = await openPage('/?country=SY');
  await page.waitForSelector('#table-total');
  const total = Number(await page.getAttribute('#table-total', 'data-total'));
  assert.ok(total > 0);
  const expected = {
    'acled-csv': { type: /text\/csv/, rows: (text: string) => text.trim().split('\n').length - 1 },
    geojson: {
      type: /application\/geo\+json/,
      rows: (text: string) => (JSON.parse(text) as { features: unknown[] }).features.length,
    },
    jsonl: { type: /application\/x-ndjson/, rows: (text: string) => text.trim().split('\n').length },
  };
  for (const [format, want] of Object.entries(expected)) {
    const link = page.locator(`.exports a[data-format="${format}"]`);
    assert.equal(await link.getAttribute('download'), '');
    const href = (await link.getAttribute('href'))!;
    const q = new URL(href, server.url).searchParams;
    assert.equal(q.get('format'), format);
    assert.equal(q.get('country'), 'SY');
    const res = await fetch(new URL(href, server.url));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', want.type);
    assert.equal(want.rows(await res.text()), total, format);
  }
  // a click downloads the file
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.exports a[data-format="geojson"]'),
  ]);
  assert.match(download.suggestedFilename(), /\.geojson$/);
  await page.close();
});

/** What sticks out past the page's width, for the message when something does. */
const WIDE = new Function(`
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 1 || r.left < -1) && el.checkVisibility()) {
      out.push((el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + el.className) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  return { scroll: document.documentElement.scrollWidth, width: w, out: out.slice(0, 12) };
`) as () => { scroll: number; width: number; out: string[] };

test('390 px: no horizontal scroll on the overview nor in an incident, in Arabic and in English', {
  skip,
}, async () => {
  const id = await incidentOf(LONG.id);
  for (const lang of ['ar', 'en']) {
    const q = lang === 'en' ? 'lang=en' : '';
    const page = await openPage(`/?${q}`, { width: 390, height: 844 });
    await page.waitForSelector('#table-total');
    await page.waitForSelector('#totals [data-total="incidents"]');
    await page.waitForSelector('#loading', { state: 'hidden' });
    let wide = await page.evaluate(WIDE);
    assert.ok(wide.scroll <= wide.width, `${lang} overview ${wide.scroll} > ${wide.width}: ${wide.out.join('; ')}`);
    await page.screenshot({ path: artifactPath(`overview-390-${lang}.png`), fullPage: true });
    await page.goto(`${server.url}/?${q}${q ? '&' : ''}incident=${encodeURIComponent(id)}`);
    await page.locator('#incident .member .article-text').first().waitFor();
    wide = await page.evaluate(WIDE);
    assert.ok(wide.scroll <= wide.width, `${lang} incident ${wide.scroll} > ${wide.width}: ${wide.out.join('; ')}`);
    await page.screenshot({ path: artifactPath(`incident-390-${lang}.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('unknown is one word: a figure no report gives reads the same in the table, the incident and its report', {
  skip,
}, async () => {
  const id = await incidentOf(COUNTRY_LEVEL.id);
  const detail = await api<{ incident: { fatalities: { injured: number | null } } }>(`/api/incidents/${id}`);
  assert.equal(detail.incident.fatalities.injured, null, 'the country-level record gives no injured');
  const page = await openPage('/?q=الجيش السوري');
  const row = page.locator(`tr[data-incident="${id}"]`);
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  const word = 'غير معروف';
  assert.ok(cells.includes(word), cells.join(' | '));
  await row.click();
  await page.locator('#incident .member .article-text').first().waitFor();
  assert.equal((await page.locator('#incident button[data-field="injured"]').innerText()).trim(), word);
  assert.equal((await page.locator('#incident [data-member-field="injured"]').first().innerText()).trim(), word);
  assert.deepEqual(page.errors, []);
  await page.close();
});
