/**
 * Accessibility (issue 20): axe-core run in Debian's chromium over the overview (Arabic and English), an open
 * incident and the review queue finds no serious or critical violation. Every wait is on the page's state.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, browserSkip, launchBrowser, type RunningServer, serveWith } from './browser.js';

const skip = browserSkip();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const seeds = readFileSync(new URL('../../corpus/seeds/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const COUNTRY_LEVEL = {
  id: 'country-level',
  published: '2019-05-13',
  text: 'أعلن الجيش السوري أن 25 جنديا قتلوا في هجوم شنه مسلحون في سوريا اليوم.',
};

let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await serveWith([...seeds, JSON.stringify(COUNTRY_LEVEL)]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as Violation[];
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describe = (vs: Violation[]) =>
  vs
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');

async function openPage(path: string): Promise<Page> {
  // the app's Content-Security-Policy refuses inline scripts: axe-core is put in by the test, not by the app
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  await page.goto(`${server.url}${path}`);
  return page;
}

test('accessibility: axe-core finds no serious or critical violation in the overview, an incident and the queue', {
  skip,
}, async () => {
  const points = await (await fetch(`${server.url}/api/incidents/points`)).json();
  const id = (points as { items: { id: string }[] }).items[0].id;
  const views: [string, string, (p: Page) => Promise<unknown>][] = [
    ['overview-ar', '/', (p) => p.waitForSelector('#table:not([aria-busy]) #table-total')],
    ['overview-en', '/?lang=en', (p) => p.waitForSelector('#table:not([aria-busy]) #table-total')],
    [
      'incident',
      `/?incident=${encodeURIComponent(id)}`,
      (p) => p.locator('#incident .member .article-text').first().waitFor(),
    ],
    ['queue', '/?queue=1', (p) => p.waitForSelector('#queue:not([aria-busy]) .queue-item')],
  ];
  const failures: string[] = [];
  for (const [name, path, ready] of views) {
    const page = await openPage(path);
    await ready(page);
    await page.waitForSelector('#loading', { state: 'hidden' });
    await page.waitForSelector('#totals:not([aria-busy])');
    const found = await seriousViolations(page);
    if (found.length) failures.push(`${name}:\n${describe(found)}`);
    await page.screenshot({ path: artifactPath(`axe-${name}.png`) });
    await page.close();
  }
  assert.equal(failures.length, 0, failures.join('\n\n'));
});
