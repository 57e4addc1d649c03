/**
 * Incident ids come from their smallest member's key, so an incident takes a new id when an earlier report joins
 * it. Its old address still answers: a 307 to the id it has now, on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { incidentId } from '../../src/fuse/fuse.js';
import { ingestItems } from '../../src/store/ingest.js';
import { backends } from '../store/backends.js';
import { each, items, SEEDS } from '../store/data.js';
import { type J, startApi } from './helpers.js';

for (const backend of backends()) {
  describe(`moved incidents on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('an old incident id is sent on to the incident its first member is in now', async () => {
      const seed = (await items([SEEDS]))[0].doc!;
      const report = (id: string, url: string) => ({ ref: id, doc: { ...seed, id, url } });
      const api = await startApi(backend, [report('seed-zz', 'https://example.org/zz')], { readCache: false });
      try {
        const ainOf = async () =>
          (await api.call('/api/incidents?q=عين الأسد')).body.items.find((i: J) =>
            /Ain al-Asad/.test(i.location?.name ?? ''),
          );
        const before = await ainOf();
        assert.ok(before, 'the Ain al-Asad incident');
        assert.equal(before.id, incidentId(before.members[0]));

        // the same report at another address, under an id that sorts first, joins the incident
        await ingestItems(api.store.db, each([report('seed-aa', 'https://example.org/aa')]));
        const now = await ainOf();
        assert.notEqual(now.id, before.id);
        assert.equal(now.members.length, 2);
        assert.ok(now.members.includes(before.members[0]));
        assert.notEqual(now.members[0], before.members[0], 'the new report is the smallest member now');

        const old = await api.call(`/api/incidents/${before.id}`);
        assert.equal(old.status, 307);
        assert.equal(old.headers.location, `/api/incidents/${now.id}`);
        const there = await api.call(String(old.headers.location));
        assert.equal(there.status, 200);
        assert.equal(there.body.incident.id, now.id);

        const never = await api.call('/api/incidents/inc-000000000000');
        assert.equal(never.status, 404);
        assert.match(never.body.message, /no incident/);
      } finally {
        await api.close();
      }
    });
  });
}
