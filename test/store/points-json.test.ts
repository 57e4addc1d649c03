/** The map's points as the database writes their JSON: the same text JSON.stringify makes of the rows as objects. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { incidentPointsJson } from '../../src/store/incident-queries.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import { backends } from './backends.js';
import { each, items, NEWS, SEEDS } from './data.js';

after(async () => {
  for (const b of backends()) await b.cleanup();
});

for (const backend of backends()) {
  test(`${backend.name}: points JSON from the database is JSON.stringify of the rows, filtered and capped`, {
    skip: backend.skip,
  }, async () => {
    const store = await openStore(await backend.fresh());
    try {
      await ingestItems(store.db, each([...(await items([SEEDS])), ...(await items([NEWS])).slice(0, 150)]));
      // the rows as objects, as the answer was made before
      const rows = async (where: string, max: number) =>
        (
          await sql`
            select i.id, i.lat, i.lon, i.type, i.subtype, i.date_start as date, i.killed, i.injured, i.members,
              i.fields->'location'->>'name' as place, nullif(i.fields->'location'->>'name_ar', '') as "placeAr",
              (i.fields->'location'->>'precision')::int as precision
            from incidents i where ${sql.raw(where)} order by i.date_start, i.id limit ${max}`.execute(store.db)
        ).rows;
      const all = await rows('true', 100_000);
      assert.ok(all.length > 20, 'incidents to draw');
      assert.equal(await incidentPointsJson(store.db, {}, 100_000), JSON.stringify({ total: all.length, items: all }));
      const iq = await rows(`i.country = 'IQ'`, 100_000);
      assert.ok(iq.length > 0);
      assert.equal(
        await incidentPointsJson(store.db, { country: 'IQ' }, 100_000),
        JSON.stringify({ total: iq.length, items: iq }),
      );
      const capped = await incidentPointsJson(store.db, {}, 5);
      assert.equal(
        capped,
        JSON.stringify({ total: all.length, items: all.slice(0, 5) }),
        'capped, with the whole count',
      );
      assert.equal(await incidentPointsJson(store.db, { from: '2999-01-01' }, 10), '{"total":0,"items":[]}');
    } finally {
      await store.close();
    }
  });
}
