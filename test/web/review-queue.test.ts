/**
 * The review queue (issue 20): plausibility checks put records "to check" (a court context, a country-level place
 * with a large toll, a place far from the article's countries, a toll above the article's statistics), and the
 * analyst walks them by keyboard in Debian's chromium — confirm, correct, reject, next — through the review API.
 * Every wait is on the page's state, never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ReviewQueue } from '../../src/store/answers.js';
import { plausibilityChecks } from '../../src/store/plausibility.js';
import type { EventRecord, Statistic } from '../../src/types.js';
import {
  artifactPath,
  browserSkip,
  type CheckedPage,
  checkedPage,
  getJson,
  launchBrowser,
  REPORTS,
  type RunningServer,
  readmePicture,
  serveWith,
} from './browser.js';

const skip = browserSkip();

const DOCS = [
  {
    id: 'court',
    published: '2019-03-10',
    text: 'قضت محكمة جنايات القاهرة اليوم الأحد بإعدام 17 متهما في قضية تفجير الكنائس الثلاث التي قتل فيها 74 شخصا في طنطا والإسكندرية والقاهرة.',
  },
  {
    id: 'country-toll',
    published: '2019-05-13',
    text: 'أعلن الجيش السوري أن 25 جنديا قتلوا في هجوم شنه مسلحون في سوريا اليوم.',
  },
  {
    id: 'far',
    published: '2019-05-15',
    text: 'أعلنت وزارة الدفاع العراقية أن 4 جنود قتلوا في هجوم شنه مسلحون على نقطة تفتيش في منطقة الرمادي، وقال المتحدث إن الهجوم وقع قرب مكة اليوم.',
  },
  { ...REPORTS.maarat, id: 'plain' },
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

const status = async (key: string) =>
  (await api<{ review: { status: string } }>(`/api/events/${encodeURIComponent(key)}`)).review.status;

test('plausibility: a toll above the article’s own statistics is to check, one below is not', () => {
  const stat = (value: number): Statistic => ({
    what: 'killed',
    value,
    qualifier: 'exact',
    subject: null,
    area: null,
    period: null,
    by: null,
    evidence: { start: 0, end: 0, text: '' },
  });
  const event = {
    location: { country: 'SY', lat: 35.9, lon: 36.6, precision: 1 },
    fatalities: { killed: 40, injured: null },
    evidence: [],
  } as unknown as EventRecord;
  const context = { countries: new Set(['SY']) };
  assert.deepEqual(plausibilityChecks(event, { ...context, statistics: [stat(30)] }), ['toll_above_statistics']);
  assert.deepEqual(plausibilityChecks(event, { ...context, statistics: [stat(120)] }), []);
  assert.deepEqual(plausibilityChecks(event, { ...context, statistics: [] }), []);
});

test('review queue: the court verdict, the country-level toll and the far place are to check, a plain report is not', {
  skip,
}, async () => {
  const queue = await api<ReviewQueue>('/api/review-queue');
  const checksOf = (doc: string) => queue.items.filter((i) => i.documentId === doc).flatMap((i) => i.checks);
  assert.ok(checksOf('court').includes('court_or_anniversary'), JSON.stringify(checksOf('court')));
  assert.ok(checksOf('country-toll').includes('coarse_toll'));
  assert.ok(checksOf('far').includes('far_place'), 'Mecca, in an article about Iraq');
  assert.deepEqual(checksOf('plain'), []);
  assert.equal(queue.total, queue.items.length);
  // the queue follows the filters
  const syria = await api<ReviewQueue>('/api/review-queue?country=SY');
  assert.deepEqual(
    syria.items.map((i) => i.documentId),
    ['country-toll'],
  );
});

async function openQueue(): Promise<CheckedPage> {
  const page = await checkedPage(browser, { viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('rasd.analyst', 'Queue Tester'));
  await page.goto(`${server.url}/?queue=1#token=${server.token}`);
  return page;
}

/** The key of the item the queue shows, once it has the keyboard. */
async function current(page: Page): Promise<string> {
  await page.waitForSelector('#queue:not([aria-busy]) .queue-item:focus');
  return (await page.locator('#queue .queue-item').getAttribute('data-key')) as string;
}

/** Waits for the queue to show another item than `key` (the reviewed one has left it). */
async function movedOn(page: Page, key: string): Promise<string> {
  await page.waitForFunction((k) => document.querySelector('#queue .queue-item')?.getAttribute('data-key') !== k, key);
  return current(page);
}

test('review queue: walked by keyboard — next, previous, confirm, correct, reject, the incident and back, Escape', {
  skip,
}, async () => {
  const before = await api<ReviewQueue>('/api/review-queue');
  assert.ok(before.items.length >= 4, `${before.items.length} to check`);
  const page = await openQueue();
  await page.waitForSelector(`#queue-count[data-total="${before.total}"]`);
  const first = await current(page);
  assert.equal(first, before.items[0].key, 'the largest toll first');
  assert.ok((await page.locator('#queue .queue-checks li').count()) > 0, 'it says why');
  await page.screenshot({ path: artifactPath('review-queue.png') });
  await readmePicture(page, 'screenshot-queue.png');

  // n and p walk without reviewing (the keys by their place: with an Arabic layout, n types ى)
  await page.keyboard.press('n');
  const second = await movedOn(page, first);
  assert.equal(second, before.items[1].key);
  await page.keyboard.press('KeyP');
  assert.equal(await movedOn(page, second), first);

  // c confirms, and the next one comes
  await page.keyboard.press('c');
  const afterConfirm = await movedOn(page, first);
  assert.equal(await status(first), 'confirmed');
  await page.waitForSelector(`#queue-count[data-total="${before.total - 1}"]`);

  // r rejects
  await page.keyboard.press('r');
  const afterReject = await movedOn(page, afterConfirm);
  assert.equal(await status(afterConfirm), 'rejected');

  // e opens the correction, on its field list; the analyst corrects the killed and saves
  await page.keyboard.press('e');
  await page.waitForSelector('#queue .correct-form:not([hidden]) select[name="field"]:focus');
  await page.locator('#queue .correct-form select[name="field"]').selectOption('fatalities.killed');
  await page.locator('#queue .correct-form input[name="value"]').fill('2');
  await page.locator('#queue .correct-form input[name="value"]').press('Enter');
  await movedOn(page, afterReject);
  assert.equal(await status(afterReject), 'corrected');

  // Enter opens the item's incident, where the analyst confirms it; Escape comes back to the queue, which it has
  // left
  const shown = await current(page);
  const item = before.items.find((i) => i.key === shown);
  assert.ok(item?.incidentId, `${shown} is in an incident`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/incident=/);
  const review = page.locator(`#incident .review[data-key="${shown}"]`);
  await review.locator('[data-action="confirm"]').click();
  await page.waitForSelector(`#incident .review[data-key="${shown}"] [data-status="confirmed"]`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#incident', { state: 'hidden' });
  await movedOn(page, shown);
  await page.waitForSelector(`#queue-count[data-total="${before.total - 4}"]`);

  // Escape leaves the queue; the reviewed records are no longer in it
  await page.keyboard.press('Escape');
  await page.waitForSelector('#queue', { state: 'hidden' });
  assert.doesNotMatch(page.url(), /queue=1/);
  const after = await api<ReviewQueue>('/api/review-queue');
  assert.equal(after.total, before.total - 4);
  for (const k of [first, afterConfirm, afterReject, shown]) assert.ok(!after.items.some((i) => i.key === k));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('review queue at 390 px: the item fits, no horizontal scroll', { skip }, async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(`${server.url}/?queue=1`);
  await page.waitForSelector('#queue:not([aria-busy]) .queue-item, #queue:not([aria-busy]) .queue-empty');
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide`);
  await page.screenshot({ path: artifactPath('review-queue-390.png') });
  await page.close();
});
