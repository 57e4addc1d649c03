/**
 * Every gold event location of the dev and training sets whose name appears in its article resolves within 25 km when the
 * geocoder is given the sentence that names it. "Its name appears": some gazetteer entry within 25 km of the gold
 * point is named in the article (the gold gives English names; the article Arabic ones).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { geocode } from '../../src/cli/geocode-names.js';
import { type GazEntry, gazetteer, haversineKm } from '../../src/geo/gazetteer.js';
import { addsArticle } from '../../src/recognize/places.js';
import { makeDoc } from '../../src/text/doc.js';
import { PhraseIndex } from '../../src/text/phrases.js';

const corpus = path.resolve(import.meta.dirname, '../../corpus');
const lines = (set: string, f: string) =>
  readFileSync(path.join(corpus, set, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** the set, how many of its gold locations at least are named in the text, the rate at least resolved */
/** a floor a change may not fall below: the training set stands at 0.930 (issue 17 asks 0.93), dev at 0.950 */
const TRAIN_FLOOR = 0.92;

const SETS: [string, number, number][] = [
  ['dev', 80, 0.93],
  ['train', 300, TRAIN_FLOOR],
];

for (const [set, minNamed, floor] of SETS)
  test(`${set}: gold event locations named in the text resolve within 25 km from their sentence`, () => {
    const articles = new Map(lines(set, 'articles.jsonl').map((a) => [a.id, a]));
    const gaz = gazetteer();
    const names = new Map<GazEntry, string[]>();
    for (const line of readFileSync(path.resolve(import.meta.dirname, '../../data/gazetteer/places.tsv'), 'utf8')
      .split('\n')
      .slice(1)) {
      const [id, , ar] = line.split('\t');
      const e = gaz.entries.find((x) => x.id === id);
      if (e && ar) names.set(e, ar.split('|'));
    }
    let named = 0;
    let resolved = 0;
    const misses: string[] = [];
    for (const g of lines(set, 'gold.jsonl')) {
      const art = articles.get(g.id);
      const doc = makeDoc(g.id, art.text, art.published);
      for (const ev of g.events) {
        const loc = ev.location;
        if (!loc || loc.lat == null) continue;
        const near = new PhraseIndex<GazEntry>();
        for (const [e, ns] of names) if (haversineKm(e, loc) <= 25) for (const n of ns) near.add(n, e);
        // a nisba adjective (السورية) is not the name of the place (سورية)
        const hit = near
          .scan(doc.tokens, 0, doc.tokens.length, { maxCost: 0 })
          .find((h) => h.last - h.first > 1 || !addsArticle(doc.tokens[h.first].norm, h.key, h.value.names_ar));
        if (!hit) continue;
        named++;
        const sent = doc.sentences[doc.tokens[hit.first].sent];
        const text = art.text.slice(sent.start, sent.end);
        const at = doc.tokens[hit.first].start - sent.start;
        const found = geocode(text, art.published).find((f) => f.span.start <= at && at < f.span.end);
        if (found?.chosen && haversineKm(found.chosen, loc) <= 25) resolved++;
        else
          misses.push(
            `${loc.name}: «${art.text.slice(doc.tokens[hit.first].start, doc.tokens[hit.last - 1].end)}» -> ${found?.chosen?.name ?? found?.dropped ?? 'nothing'}`,
          );
      }
    }
    const rate = resolved / named;
    console.log(
      `${set}: gold locations named in the text: ${named}; resolved within 25 km: ${resolved} (${rate.toFixed(3)})`,
    );
    for (const m of misses) console.log(`  miss: ${m}`);
    assert.ok(named >= minNamed, `enough gold locations are named (${named})`);
    assert.ok(rate >= floor, `rate ${rate.toFixed(3)} >= ${floor}`);
  });
