/**
 * The Arabic UI in Arabic (issue 20) in Debian's chromium against the real API: the province and the sources the
 * record keeps in English are named in Arabic (and in English in the English UI), the map's place in Arabic, and
 * the date boxes write dates as the app does (YYYY-MM-DD), not as the browser's locale would. Every wait is on the
 * page's state, never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Point } from '../../src/web/api-types.js';
import {
  artifactPath,
  browserSkip,
  type CheckedPage,
  getJson,
  launchBrowser,
  openChecked,
  type RunningServer,
  serveWith,
} from './browser.js';

const skip = browserSkip();
/** A base in Anbar (the gazetteer's "Al Anbar", "الأنبار") reported by Al Jazeera, citing Reuters. */
const BASE = {
  id: 'anbar-base',
  source: 'aljazeera',
  published: '2020-01-08',
  text: 'قالت وكالة رويترز إن صواريخ سقطت على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر اليوم الأربعاء، ما أدى إلى مقتل جنديين.',
};
const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]/;

let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await serveWith([JSON.stringify(BASE)]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const api = <T>(route: string): Promise<T> => getJson<T>(server, route);

async function baseIncident(): Promise<string> {
  const doc = await api<{ events: { incidentId: string | null }[] }>(`/api/documents/${BASE.id}`);
  const id = doc.events.find((e) => e.incidentId)?.incidentId;
  assert.ok(id, 'the report makes an incident');
  return id;
}

const openPage = (path: string): Promise<CheckedPage> => openChecked(browser, server, path);

test('the province and the sources are named in the UI language: Arabic in Arabic, English in English', {
  skip,
}, async () => {
  const id = await baseIncident();
  const detail = await api<{
    incident: { location: { admin1: string | null }; sources: string[] };
    arabic: { admin1: string | null; sources: Record<string, string> };
  }>(`/api/incidents/${id}`);
  assert.equal(detail.incident.location.admin1, 'Al Anbar');
  assert.equal(detail.arabic.admin1, 'الأنبار');
  assert.equal(detail.arabic.sources.aljazeera, 'الجزيرة');
  const expected = {
    ar: { area: 'الأنبار', outlet: 'الجزيرة' },
    en: { area: 'Al Anbar', outlet: 'aljazeera' },
  } as const;
  for (const lang of ['ar', 'en'] as const) {
    const page = await openPage(`/?incident=${encodeURIComponent(id)}${lang === 'en' ? '&lang=en' : ''}`);
    await page.locator('#incident .member .article-text').first().waitFor();
    const area = (await page.locator('#incident button[data-field="location"] .admin1').innerText()).trim();
    assert.ok(area.endsWith(expected[lang].area), `${lang}: ${area}`);
    const outlet = (await page.locator('#incident .member h4').first().innerText()).trim();
    assert.equal(outlet, expected[lang].outlet);
    if (lang === 'ar') {
      // every source the record keeps in English is written in Arabic here (the cited agency too, where it is one)
      const sources = await page.locator('#incident .summary dd').last().innerText();
      assert.ok(ARABIC.test(sources) && !LATIN.test(sources), sources);
      const place = await page.locator('#incident button[data-field="location"]').innerText();
      assert.ok(!LATIN.test(place.replace(/[\d.,\s]+/g, '').replace(/\(.*?\)/g, '')), place);
      await page.screenshot({ path: artifactPath('incident-arabic-names.png') });
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('the map names a place in Arabic in the Arabic UI', { skip }, async () => {
  const points = await api<{ items: Point[] }>('/api/incidents/points');
  const point = points.items[0];
  assert.ok(point.placeAr && ARABIC.test(point.placeAr), JSON.stringify(point));
  // the view in the URL centred on the store's one incident: its marker is at the map's centre
  const page = await openPage(`/?view=${point.lat!.toFixed(4)},${point.lon!.toFixed(4)},8`);
  await page.waitForSelector('#map[data-shown="1"][data-singles="1"]');
  const box = await page.locator('#map').boundingBox();
  assert.ok(box);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.locator('.leaflet-tooltip .tip strong');
  await tip.waitFor();
  assert.equal((await tip.innerText()).trim(), point.placeAr);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('dates are written YYYY-MM-DD by the app: a half-typed date waits, a wrong one is said in Arabic', {
  skip,
}, async () => {
  const page = await openPage('/');
  const from = page.locator('input[name="from"]');
  await page.waitForSelector('#table:not([aria-busy]) #table-total');
  assert.equal(await from.getAttribute('type'), 'text', 'no browser date input, whose display follows its locale');
  assert.equal(await from.getAttribute('placeholder'), 'سنة-شهر-يوم');
  // a date half typed filters nothing yet; a whole one filters
  await from.pressSequentially('2020-01');
  await from.pressSequentially('-01');
  await page.waitForURL((u) => new URL(u).searchParams.get('from') === '2020-01-01');
  assert.equal(await from.inputValue(), '2020-01-01');
  // a day that is none is said in the UI's language, and the filter keeps its date
  await from.fill('2020-02-30');
  await from.dispatchEvent('change');
  await page.waitForSelector('input[name="from"][aria-invalid="true"]');
  assert.match(await page.locator('#date-note').innerText(), ARABIC);
  assert.equal(new URL(page.url()).searchParams.get('from'), '2020-01-01');
  await page.screenshot({ path: artifactPath('date-boxes-ar.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});
