/**
 * The filter pickers and the phrase search (issue 20) in Debian's chromium against the real API: a country and a
 * province by their Arabic or English names, an actor by any of its names, a quoted phrase found as it is. Every wait is on the page's
 * state, never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  artifactPath,
  browserSkip,
  type CheckedPage,
  getJson,
  launchBrowser,
  openChecked,
  REPORTS,
  type RunningServer,
  serveWith,
} from './browser.js';

const skip = browserSkip();
/**
 * Two Houthi attacks, one named by "أنصار الله", one by "الحوثي"; the Ain al-Asad base; al-Assad's forces at an عين
 * (the corpus's seeds are left out: they speak of the base too).
 */
const DOCS = [
  { ...REPORTS.abha, id: 'houthi-ansar' },
  { ...REPORTS.sirwah, id: 'houthi-name' },
  REPORTS.ainBase,
  {
    id: 'assad-forces',
    published: '2019-06-02',
    text: 'قتل 6 مدنيين في قصف مدفعي لقوات الأسد على بلدة عين لاروز في ريف إدلب الجنوبي اليوم الأحد.',
  },
  { ...REPORTS.maarat, id: 'syria-shelling' },
];

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

/** The ids of the incidents the list route gives for a query string. */
async function listed(query: Record<string, string>): Promise<string[]> {
  const q = new URLSearchParams({ ...query, limit: '1000' });
  return (await api<{ items: { id: string }[] }>(`/api/incidents?${q}`)).items.map((i) => i.id).sort();
}

async function incidentOf(documentId: string): Promise<string> {
  const doc = await api<{ events: { incidentId: string | null }[] }>(`/api/documents/${documentId}`);
  const id = doc.events.find((e) => e.incidentId)?.incidentId;
  assert.ok(id, `${documentId} has an event in an incident`);
  return id;
}

type Checked = CheckedPage;

const openPage = (path = '/'): Promise<Checked> => openChecked(browser, server, path);

/** The table's rows once it has answered with `total` incidents. */
async function rowsOnceListed(page: Page, total: number): Promise<string[]> {
  await page.waitForSelector(`#table:not([aria-busy]) #table-total[data-total="${total}"]`);
  const ids = await page
    .locator('tr[data-incident]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident')));
  return (ids as string[]).sort();
}

test('country picker: "سوريا" in Arabic and "Syria" in English pick the same country, suggested from the store', {
  skip,
}, async () => {
  const syria = await listed({ country: 'SY' });
  assert.ok(syria.length > 0, 'the store has incidents in Syria');
  const picked: string[][] = [];
  for (const [lang, name] of [
    ['ar', 'سوريا'],
    ['en', 'Syria'],
  ]) {
    const page = await openPage(lang === 'en' ? '/?lang=en' : '/');
    // the suggestions are the store's countries, named in the UI's language
    await page.waitForSelector(`#country-choices option[value="${name}"]`, { state: 'attached' });
    await page.fill('input[name="country"]', name);
    await page.waitForURL(/country=SY/);
    picked.push(await rowsOnceListed(page, syria.length));
    assert.equal(await page.inputValue('input[name="country"]'), name, 'the box shows the name, not the code');
    if (lang === 'ar') {
      // another spelling the gazetteer knows picks it too
      await page.goto(`${server.url}/`);
      await page.waitForSelector('#country-choices option', { state: 'attached' });
      await page.fill('input[name="country"]', 'سورية');
      await page.waitForURL(/country=SY/);
      await rowsOnceListed(page, syria.length);
      // a name that is no country of the store is said in Arabic, and the filter stays as it was
      await page.fill('input[name="country"]', 'نارنيا');
      await page.locator('input[name="country"]').dispatchEvent('change');
      await page.waitForSelector('input[name="country"][aria-invalid="true"]');
      assert.match(await page.locator('#country-note').innerText(), /[\u0600-\u06FF]/);
      assert.match(page.url(), /country=SY/);
      await page.screenshot({ path: artifactPath('picker-country-ar.png') });
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  assert.deepEqual(picked[0], syria);
  assert.deepEqual(picked[1], syria);
});

test('province picker: "الأنبار" in Arabic and "Al Anbar" in English pick the same province, suggested from the store', {
  skip,
}, async () => {
  const anbar = await listed({ admin1: 'Al Anbar' });
  assert.deepEqual(anbar, [await incidentOf('ain-base')], 'the base is the one incident in Anbar');
  // the API takes the province by any of its names, and a name shared across countries within the country given
  assert.deepEqual(await listed({ admin1: 'الأنبار' }), anbar);
  assert.deepEqual(await listed({ admin1: 'محافظة الانبار' }), anbar);
  assert.deepEqual(await listed({ admin1: 'anbar' }), anbar);
  assert.deepEqual(await listed({ admin1: 'إدلب', country: 'SY' }), await listed({ admin1: 'Idlib' }));
  const choices = await api<{ admin1: { country: string; name: string; namesAr: string[] }[] }>(
    '/api/incidents/choices',
  );
  assert.ok(choices.admin1.some((a) => a.country === 'IQ' && a.name === 'Al Anbar' && a.namesAr[0] === 'الأنبار'));
  for (const [lang, name] of [
    ['ar', 'الأنبار'],
    ['en', 'Al Anbar'],
  ]) {
    const page = await openPage(lang === 'en' ? '/?lang=en' : '/');
    // the suggestions are the store's provinces, named in the UI's language
    await page.waitForSelector(`#admin1-choices option[value="${name}"]`, { state: 'attached' });
    await page.fill('input[name="admin1"]', name);
    await page.waitForURL((u) => new URL(u).searchParams.get('admin1') === 'Al Anbar');
    assert.deepEqual(await rowsOnceListed(page, anbar.length), anbar);
    assert.equal(await page.inputValue('input[name="admin1"]'), name, 'the box shows the name in the UI language');
    if (lang === 'ar') {
      // the Arabic UI names the province of the URL in Arabic after a reload; picking another country drops it and
      // narrows the list to that country's
      await page.reload();
      await page.waitForSelector('#admin1-choices option', { state: 'attached' });
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>('input[name="admin1"]')?.value === 'الأنبار',
      );
      await page.fill('input[name="country"]', 'سوريا');
      await page.waitForURL((u) => new URL(u).searchParams.get('country') === 'SY' && !u.search.includes('admin1'));
      assert.equal(await page.inputValue('input[name="admin1"]'), '');
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLOptionElement>('#admin1-choices option')].every((o) => o.value !== 'الأنبار'),
      );
      assert.ok(await page.locator('#admin1-choices option[value="إدلب"]').count(), 'Idlib is suggested in Syria');
      await page.screenshot({ path: artifactPath('picker-admin1-ar.png') });
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('actor picker: "انصار الله" and "الحوثي" find the same incidents, through the API and the filter bar', {
  skip,
}, async () => {
  const houthis = [await incidentOf('houthi-ansar'), await incidentOf('houthi-name')].sort();
  const byAlias = await listed({ actor: 'انصار الله' });
  assert.deepEqual(byAlias, await listed({ actor: 'الحوثي' }));
  assert.deepEqual(byAlias, await listed({ actor: 'Ansar Allah' }));
  for (const id of houthis) assert.ok(byAlias.includes(id), `${id} is found by the alias`);
  const page = await openPage('/');
  await page.waitForSelector('#actor-choices option', { state: 'attached' });
  const shown: string[][] = [];
  for (const name of ['انصار الله', 'الحوثي']) {
    await page.fill('input[name="actor"]', name);
    await page.waitForURL((u) => new URL(u).searchParams.get('actor') === name);
    shown.push(await rowsOnceListed(page, byAlias.length));
  }
  assert.deepEqual(shown[0], byAlias);
  assert.deepEqual(shown[1], byAlias);
  await page.screenshot({ path: artifactPath('picker-actor-alias.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('phrase search: a quoted "عين الأسد" finds only the base, the two words alone also al-Assad', {
  skip,
}, async () => {
  const base = await incidentOf('ain-base');
  const assad = await incidentOf('assad-forces');
  const words = await listed({ q: 'عين الأسد' });
  assert.ok(words.includes(base) && words.includes(assad), 'the words alone find both');
  assert.deepEqual(await listed({ q: '"عين الأسد"' }), [base]);
  assert.deepEqual(await listed({ q: '«عين الاسد»' }), [base], 'Arabic quotes, folded hamza');
  const page = await openPage('/');
  await page.fill('input[name="q"]', 'عين الأسد');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === 'عين الأسد');
  assert.deepEqual(await rowsOnceListed(page, words.length), words);
  await page.fill('input[name="q"]', '"عين الأسد"');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === '"عين الأسد"');
  assert.deepEqual(await rowsOnceListed(page, 1), [base]);
  await page.screenshot({ path: artifactPath('phrase-search.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});
