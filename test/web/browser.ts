/**
 * What the browser tests share: Debian's chromium through playwright-core (skipped, saying why, only when it is
 * missing outside CI; in CI a missing chromium fails), the built app, and the real API server on loopback over
 * a fresh PGlite store.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { newToken } from '../../src/api/security.js';
import { buildServer } from '../../src/api/server.js';
import { openStore } from '../../src/store/open.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const artifacts = path.join(root, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';

/** false when the browser tests can run; else why they are skipped. Throws in CI, where chromium must be. */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing in CI (.ci/run installs it)`);
  return `${CHROMIUM} is missing: apt-get install chromium fonts-noto-core to run the browser tests`;
}

/**
 * Chromium, its pages waiting on readiness alone: Playwright's 30 s default per action is a wall-clock deadline a
 * loaded machine breaks (CI's own time limit is the bound on a page that never gets ready).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launch();
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args);
    page.setDefaultTimeout(0);
    page.setDefaultNavigationTimeout(0);
    return page;
  };
  return browser;
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds dist/web when it is missing or older than src/web (npm install builds it; this keeps a dev honest). */
export function ensureWebBuilt(): void {
  const bundle = path.join(root, 'dist/web/assets/app.js');
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest(path.join(root, 'src/web'))) return;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-web.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/build-web.mjs failed');
}

export function artifactPath(name: string): string {
  mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

/** With RASD_SCREENSHOT=1, this view is saved as one of the README's pictures too: docs/<name>. */
export async function readmePicture(page: Page, name: string): Promise<void> {
  if (process.env.RASD_SCREENSHOT) await page.screenshot({ path: path.join(root, 'docs', name) });
}

export interface RunningServer {
  url: string;
  /** what writes need */
  token: string;
  close(): Promise<void>;
}

/** The API server (src/api/server.ts) over a new PGlite store, on loopback. */
export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rasd-web-'));
  const store = await openStore(path.join(dir, 'db'));
  const token = newToken();
  const app = buildServer({ store, webRoot: path.join(root, 'dist/web'), token });
  const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  return {
    url,
    token,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Ingests JSONL documents into a running server (the write must be accepted). */
export async function ingest(server: RunningServer, lines: string[]): Promise<void> {
  const res = await fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${server.token}` },
    body: lines.join('\n'),
  });
  assert.equal(res.status, 200, await res.text());
}

/** The web app built, a server over a new store, these JSONL documents ingested. */
export async function serveWith(lines: string[]): Promise<RunningServer> {
  ensureWebBuilt();
  const server = await startServer();
  await ingest(server, lines);
  return server;
}

/** A read of the API that must answer 200, as JSON. */
export async function getJson<T>(server: RunningServer, route: string): Promise<T> {
  const res = await fetch(`${server.url}${route}`);
  const body = await res.text();
  assert.equal(res.status, 200, `${route}: ${body}`);
  return JSON.parse(body) as T;
}

export type CheckedPage = Page & { errors: string[] };

/** A new page that collects the app's uncaught errors, and its console errors where `console` is set. */
export async function checkedPage(
  browser: Browser,
  options: Parameters<Browser['newPage']>[0],
  { console = false } = {},
): Promise<CheckedPage> {
  const page = (await browser.newPage(options)) as CheckedPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (console)
    page.on('console', (m) => {
      if (m.type() === 'error') page.errors.push(m.text());
    });
  return page;
}

/** A checked page at the analyst's 1400×900 (or the viewport given), opened at this path of the server. */
export async function openChecked(
  browser: Browser,
  server: RunningServer,
  path = '/',
  { viewport = { width: 1400, height: 900 }, console = false } = {},
): Promise<CheckedPage> {
  const page = await checkedPage(browser, { viewport, deviceScaleFactor: 1 }, { console });
  await page.goto(`${server.url}${path}`);
  return page;
}

/**
 * One-event Arabic reports the browser tests ingest, far apart: shelling of Maarat al-Numan (Idlib, Syria), a drone
 * of "أنصار الله" on Abha airport (Saudi Arabia), an attack by "الحوثي" in Sirwah (Marib, Yemen), and Iranian
 * missiles on the Ain al-Asad base (Anbar, Iraq) with no casualties. A test gives one its own id where it names it
 * by what it tests.
 */
export const REPORTS = {
  maarat: {
    id: 'maarat',
    published: '2019-05-12',
    text: 'قتل 7 أشخاص وأصيب 12 آخرون في قصف مدفعي استهدف مدينة معرة النعمان في ريف إدلب الجنوبي اليوم الأحد.',
  },
  abha: {
    id: 'abha',
    published: '2019-05-14',
    text: 'قتل 3 أشخاص وأصيب 9 آخرون في هجوم بطائرة مسيرة شنته جماعة أنصار الله على مطار أبها في السعودية اليوم الثلاثاء.',
  },
  sirwah: {
    id: 'sirwah',
    published: '2019-05-20',
    text: 'قتل 4 جنود من الجيش اليمني في هجوم شنه مسلحو الحوثي على موقع عسكري في مديرية صرواح بمحافظة مأرب اليوم الإثنين.',
  },
  ainBase: {
    id: 'ain-base',
    published: '2020-01-08',
    text: 'سقطت صواريخ إيرانية على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر اليوم الأربعاء، دون أنباء عن ضحايا.',
  },
} as const;

/** The corpus's seeds, and the first 24 development articles not among them: JSONL lines, the app's own sample. */
export function corpusSample(): { seeds: string[]; dev: string[] } {
  const lines = (file: string) =>
    readFileSync(path.join(root, 'corpus', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
  const idOf = (l: string) => (JSON.parse(l) as { id: string }).id;
  const seeds = lines('seeds/articles.jsonl');
  const seedIds = new Set(seeds.map(idOf));
  const dev = lines('dev/articles.jsonl')
    .filter((l) => !seedIds.has(idOf(l)))
    .slice(0, 24);
  return { seeds, dev };
}
