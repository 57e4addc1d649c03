/**
 * The filters' names and the review queue on each backend (issue 20): an actor by any of its names, a quoted
 * phrase, the pickers' suggestions (GET /api/incidents/choices) and the plausibility queue (GET /api/review-queue).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../store/backends.js';
import { type Api, type J, qs, startApi } from './helpers.js';

const DOCS = [
  [
    'houthi-ansar',
    '2019-05-14',
    'قتل 3 أشخاص في هجوم بطائرة مسيرة شنته جماعة أنصار الله على مطار أبها في السعودية اليوم.',
  ],
  [
    'houthi-name',
    '2019-05-20',
    'قتل 4 جنود في هجوم شنه مسلحو الحوثي على موقع عسكري في مديرية صرواح بمحافظة مأرب اليوم الإثنين.',
  ],
  [
    'ain-base',
    '2020-01-08',
    'سقطت صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر اليوم الأربعاء.',
  ],
  [
    'assad-forces',
    '2019-06-02',
    'قتل 6 مدنيين في قصف مدفعي لقوات الأسد على بلدة عين لاروز في ريف إدلب الجنوبي اليوم الأحد.',
  ],
  ['country-toll', '2019-05-13', 'أعلن الجيش السوري أن 25 جنديا قتلوا في هجوم شنه مسلحون في سوريا اليوم.'],
].map(([id, published, text]) => ({ ref: id, doc: { id, published, text } }));

for (const backend of backends()) {
  describe(`pickers and the review queue on ${backend.name}`, { skip: backend.skip }, () => {
    let api: Api;
    before(async () => {
      api = await startApi(backend, DOCS, { readCache: false });
    });
    after(async () => {
      await api?.close();
      await backend.cleanup();
    });

    const ids = async (query: Record<string, string>) => {
      const r = await api.call(`/api/incidents${qs({ ...query, limit: 1000 })}`);
      assert.equal(r.status, 200, r.text);
      return (r.body.items as J[]).map((i) => i.id as string).sort();
    };
    /** The documents of the events found, by name (each document's events are on its own day). */
    const NAME_OF = new Map(DOCS.map((d) => [d.doc.published, d.doc.id]));
    const docsOf = async (query: Record<string, string>) => {
      const r = await api.call(`/api/events${qs({ ...query, limit: 1000 })}`);
      assert.equal(r.status, 200, r.text);
      return [...new Set((r.body.items as J[]).map((e) => NAME_OF.get(e.event.date.start)))].sort();
    };

    test('an actor by any of its names: انصار الله, الحوثي, Ansar Allah are one actor', async () => {
      const byAlias = await ids({ actor: 'انصار الله' });
      assert.equal(byAlias.length, 2);
      assert.deepEqual(await ids({ actor: 'الحوثي' }), byAlias);
      assert.deepEqual(await ids({ actor: 'Ansar Allah' }), byAlias);
      assert.deepEqual(await docsOf({ actor: 'أنصار الله' }), ['houthi-ansar', 'houthi-name']);
    });

    test('a quoted phrase is found as it is; the words alone are each found', async () => {
      assert.deepEqual(await docsOf({ q: 'عين الأسد' }), ['ain-base', 'assad-forces']);
      assert.deepEqual(await docsOf({ q: '"عين الأسد"' }), ['ain-base']);
      assert.deepEqual(await docsOf({ q: '«عين الاسد» صواريخ' }), ['ain-base']);
      assert.deepEqual(await docsOf({ q: '"عين الأسد" مدنيين' }), []);
    });

    test('the pickers suggest the store’s countries and actors, the most frequent first', async () => {
      const r = await api.call('/api/incidents/choices');
      assert.equal(r.status, 200, r.text);
      const codes = (r.body.countries as J[]).map((c) => c.code);
      assert.ok(
        ['SY', 'YE', 'IQ'].every((c) => codes.includes(c)),
        codes.join(),
      );
      const counts = (r.body.countries as J[]).map((c) => c.incidents);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
      );
      assert.ok((r.body.actors as J[]).some((a) => a.name === 'Houthi Movement'));
      const syria = (r.body.countries as J[]).find((c) => c.code === 'SY');
      assert.ok(syria.names.includes('سورية') && syria.names.includes('Syria'), syria.names.join());
    });

    test('the review queue: the country-level toll is to check, and follows the filters', async () => {
      const r = await api.call('/api/review-queue');
      assert.equal(r.status, 200, r.text);
      const toll = (r.body.items as J[]).find((i) => i.event.date.start === '2019-05-13');
      assert.ok(toll?.checks.includes('coarse_toll'), JSON.stringify(r.body.items.map((i: J) => [i.key, i.checks])));
      const yemen = await api.call('/api/review-queue?country=YE');
      assert.ok((yemen.body.items as J[]).every((i) => i.event.location?.country === 'YE'));
      const bad = await api.call('/api/review-queue?country=Narnia');
      assert.equal(bad.status, 400);
    });
  });
}
