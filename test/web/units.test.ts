/** The web app's pure parts: evidence spans over a text, grid clustering, day bins, the state in the URL. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayOfIso, isoOf } from '../../src/days.js';
import { queryTerms } from '../../src/store/query-terms.js';
import { gridCluster, separate } from '../../src/web/cluster.js';
import { binSizeFor, binStart, nextBin } from '../../src/web/dates.js';
import { locate, type Mark, segments } from '../../src/web/spans.js';
import { parseState, parseView, stateQuery, viewText } from '../../src/web/state.js';

const text = 'تبنت المقاومة الإسلامية القصف الذي أصابت أهدافها';

test('spans: overlapping and nested spans cut the text into segments that know every span over them', () => {
  const marks: Mark[] = [
    { id: 'a', kind: 'claim-responsibility', span: { start: 0, end: 13, text: text.slice(0, 13) } },
    { id: 'b', kind: 'perpetrator', span: { start: 5, end: 23, text: text.slice(5, 23) } },
    { id: 'c', kind: 'event', span: { start: 0, end: text.length, text } },
  ];
  const segs = segments(text.length, marks);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
  const at = (i: number) => segs.find((s) => s.start <= i && i < s.end)!;
  assert.deepEqual(
    at(0).marks.map((m) => m.id),
    ['a', 'c'],
  );
  assert.deepEqual(
    at(6).marks.map((m) => m.id),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(
    at(20).marks.map((m) => m.id),
    ['b', 'c'],
  );
  assert.deepEqual(
    at(30).marks.map((m) => m.id),
    ['c'],
  );
});

test('spans: a span whose offsets do not match its text is found at its nearest occurrence, or not at all', () => {
  const t = 'قاعدة عين الأسد ثم قاعدة عين الأسد';
  assert.deepEqual(locate(t, { start: 0, end: 15, text: 'قاعدة عين الأسد' }), {
    start: 0,
    end: 15,
    text: 'قاعدة عين الأسد',
  });
  assert.equal(locate(t, { start: 17, end: 32, text: 'قاعدة عين الأسد' })!.start, 19);
  assert.equal(locate(t, { start: 0, end: 4, text: 'بغداد' }), null);
});

test('cluster: points in one grid cell are one cluster at their mean position; every point is in one cluster', () => {
  const pts = [
    { x: 1, y: 1, index: 0 },
    { x: 9, y: 9, index: 1 },
    { x: 25, y: 1, index: 2 },
  ];
  const clusters = gridCluster(pts, 20);
  assert.equal(clusters.length, 2);
  const big = clusters.find((c) => c.indexes.length === 2)!;
  assert.deepEqual([big.x, big.y], [5, 5]);
  assert.deepEqual(clusters.flatMap((c) => c.indexes).sort(), [0, 1, 2]);
});

test('dates: day numbers round-trip; bins by day, Monday weeks or months by the range', () => {
  const day = (iso: string) => dayOfIso(iso)!;
  assert.equal(isoOf(day('2023-10-30')), '2023-10-30');
  assert.equal(binSizeFor(30), 'day');
  assert.equal(binSizeFor(400), 'week');
  assert.equal(binSizeFor(2000), 'month');
  assert.equal(isoOf(binStart(day('2023-11-02'), 'week')), '2023-10-30');
  assert.equal(isoOf(binStart(day('2023-11-02'), 'month')), '2023-11-01');
  assert.equal(isoOf(nextBin(day('2023-12-01'), 'month')), '2024-01-01');
});

test('state: the URL query holds filters, sort, page, incident and language; bad values fall back', () => {
  const s = parseState('?from=2023-10-01&to=bad&type=battles&sort=-killed&page=3&incident=inc-1&lang=en');
  assert.deepEqual(s.filters, { from: '2023-10-01', type: 'battles' });
  assert.equal(s.sort, '-killed');
  assert.equal(s.page, 3);
  assert.equal(s.incident, 'inc-1');
  assert.equal(s.lang, 'en');
  assert.equal(stateQuery(s), '?from=2023-10-01&type=battles&sort=-killed&page=3&incident=inc-1&lang=en');
  const d = parseState('?sort=nonsense&lang=fr');
  assert.equal(d.sort, '-date');
  assert.equal(d.lang, 'ar');
  assert.equal(stateQuery(d), '');
});

test('state: the review queue and the map view live in the URL; a view that is not one is dropped', () => {
  const s = parseState('?country=SY&queue=1&view=33.4206,43.3078,7');
  assert.equal(s.queue, true);
  assert.equal(s.view, '33.4206,43.3078,7');
  assert.deepEqual(parseView(s.view), { lat: 33.4206, lon: 43.3078, zoom: 7 });
  assert.equal(stateQuery(s), '?country=SY&queue=1&view=33.4206%2C43.3078%2C7');
  for (const bad of ['91,10,4', '10,181,4', '10,10', 'a,b,c', '10,10,99'])
    assert.equal(parseState(`?view=${bad}`).view, null);
  assert.equal(viewText({ lat: 33.420612345, lon: -43.30789, zoom: 6.9999 }), '33.4206,-43.3079,7');
});

test('search terms: words each, a quoted phrase as one, folded as the store folds', () => {
  assert.deepEqual(queryTerms('"عين الأسد" قصف'), ['عين الاسد', 'قصف']);
  assert.deepEqual(queryTerms('«عين   الأسد»'), ['عين الاسد']);
  assert.deepEqual(queryTerms('“Ain al-Asad” base'), ['ain al-asad', 'base']);
  assert.deepEqual(queryTerms('a "b c'), ['b c', 'a'], 'an unclosed quote runs to the end');
  assert.deepEqual(queryTerms('"" x'), ['x']);
});

test('cluster: clusters whose circles would overlap are merged, the smaller into the larger; apart ones stay', () => {
  const clusters = [
    { x: 0, y: 0, indexes: [0, 1, 2] },
    { x: 30, y: 0, indexes: [3] },
    { x: 200, y: 0, indexes: [4, 5] },
    { x: 230, y: 0, indexes: [6] },
  ];
  const radius = () => 16;
  const out = separate(clusters, radius).sort((a, b) => a.x - b.x);
  assert.deepEqual(
    out.map((c) => [...c.indexes].sort()),
    [
      [0, 1, 2, 3],
      [4, 5, 6],
    ],
  );
  assert.equal(out[0].x, 7.5, 'at the weighted mean');
  for (const a of out) for (const b of out) if (a !== b) assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= 32);
});
