/**
 * GET /api/incidents/totals adds up what the list route lists under the same filters, and the `precision` filter
 * leaves out the records placed less precisely, on the list, the points, the totals and the events (issue 20).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../store/backends.js';
import { DEV, items, SEEDS } from '../store/data.js';
import { type Api, type J, qs, startApi } from './helpers.js';

const COUNTRY_LEVEL = {
  ref: 'country-level',
  doc: {
    id: 'country-level',
    published: '2019-05-13',
    text: 'أعلن الجيش السوري أن 5 جنود قتلوا في هجوم شنه مسلحون في سوريا اليوم.',
  },
};

const sum = (list: J[], f: (i: J) => number | null) => list.reduce((a, i) => a + (f(i) ?? 0), 0);

for (const backend of backends()) {
  describe(`incident totals on ${backend.name}`, { skip: backend.skip }, () => {
    let api: Api;
    before(async () => {
      const inputs = [...(await items([SEEDS, DEV])).slice(0, 40), COUNTRY_LEVEL];
      api = await startApi(backend, inputs, { readCache: false });
    });
    after(async () => {
      await api?.close();
      await backend.cleanup();
    });

    test('the totals are the sums of the listed incidents, for no filter and for some filters', async () => {
      const filters: Record<string, string>[] = [
        {},
        { country: 'SY' },
        { type: 'battles' },
        { from: '2019-01-01', to: '2019-12-31' },
      ];
      for (const filter of filters) {
        const listed = (await api.call(`/api/incidents${qs({ ...filter, limit: 10000 })}`)).body.items as J[];
        const r = await api.call(`/api/incidents/totals${qs(filter)}`);
        assert.equal(r.status, 200, r.text);
        const totals = r.body;
        const label = JSON.stringify(filter);
        assert.equal(totals.incidents, listed.length, label);
        assert.equal(
          totals.killed,
          sum(listed, (i) => i.fatalities.killed),
          label,
        );
        assert.equal(
          totals.injured,
          sum(listed, (i) => i.fatalities.injured),
          label,
        );
        assert.equal(totals.killedKnown, listed.filter((i) => i.fatalities.killed !== null).length, label);
        const types = new Map<string, number>();
        for (const i of listed) types.set(i.type, (types.get(i.type) ?? 0) + 1);
        for (const row of totals.byType) assert.equal(row.incidents, types.get(row.key), `${label} ${row.key}`);
        assert.equal(
          sum(totals.byType, (t) => t.incidents),
          Math.min(
            listed.length,
            sum([...types.values()], (n) => n),
          ),
        );
        for (const row of totals.byCountry) {
          assert.equal(row.incidents, listed.filter((i) => i.location?.country === row.key).length, label);
        }
        for (const row of totals.byActor) {
          const theirs = listed.filter((i) => i.perpetrators.some((a: J) => a.name === row.key));
          assert.equal(row.incidents, theirs.length, `${label} ${row.key}`);
          assert.equal(
            row.killed,
            sum(theirs, (i) => i.fatalities.killed),
            `${label} ${row.key}`,
          );
        }
      }
      const bad = await api.call('/api/incidents/totals?from=2019-13-01');
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /"from"/);
    });

    test('precision=2 leaves out province- and country-level records; the points carry their precision', async () => {
      const points = (await api.call('/api/incidents/points')).body.items as J[];
      const coarse = points.filter((p) => p.precision === 3);
      assert.ok(coarse.length > 0, 'a country-level incident');
      const kept = await api.call('/api/incidents/points?precision=2');
      assert.equal(kept.status, 200, kept.text);
      assert.deepEqual(
        kept.body.items.map((p: J) => p.id),
        points.filter((p) => p.precision !== null && p.precision <= 2).map((p) => p.id),
      );
      const listed = await api.call('/api/incidents?precision=2&limit=1');
      assert.equal(listed.body.total, kept.body.items.length);
      const totals = await api.call('/api/incidents/totals?precision=2');
      assert.equal(totals.body.incidents, kept.body.items.length);
      const events = (await api.call('/api/events?precision=2&limit=10000')).body.items as J[];
      assert.ok(events.length > 0 && events.every((e) => e.event.location && e.event.location.precision <= 2));
      const bad = await api.call('/api/incidents?precision=4');
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /"precision"/);
    });
  });
}
