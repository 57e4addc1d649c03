/** Migration 0005 on a store that predates it: every stored event gets the incident id its key makes. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { incidentId } from '../../src/fuse/fuse.js';
import { ingestItems } from '../../src/store/ingest.js';
import { incidentOrigin } from '../../src/store/migration-incident-origin.js';
import { openStore } from '../../src/store/open.js';
import { backends } from './backends.js';
import { DEV, each, items } from './data.js';

for (const backend of backends()) {
  describe(`migration 0005 on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('events stored before it get their origin incident id', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await ingestItems(store.db, each(await items([DEV])));
        // the store as it was before 0005
        await sql`drop index events_origin_incident; alter table events drop column origin_incident`.execute(store.db);
        await incidentOrigin.up(store.db);
        const rows = await store.db.selectFrom('events').select(['key', 'origin_incident']).execute();
        assert.ok(rows.length > 100);
        for (const r of rows) assert.equal(r.origin_incident, incidentId(r.key), r.key);
        // and each incident's id is its smallest member's
        const incidents = await store.db.selectFrom('incidents').select('id').execute();
        const origins = new Set(rows.map((r) => r.origin_incident));
        assert.ok(incidents.every((i) => origins.has(i.id)));
      } finally {
        await store.close();
      }
    });
  });
}
