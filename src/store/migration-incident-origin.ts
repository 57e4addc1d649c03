/**
 * Migration 0005 (links that last): an incident's id is made from its smallest member's key (fuse.ts incidentId),
 * so it changes when an earlier report joins it or it is cut in two. Each event keeps the id it gives an incident
 * it is the smallest member of; an address with an old id is answered by the incident that event is in now.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { incidentId } from '../fuse/fuse.js';

const BATCH = 2000;

export const incidentOrigin: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table events add column origin_incident text`.execute(db);
    for (let after = ''; ; ) {
      const keys = (
        await sql<{ key: string }>`select key from events where key > ${after} order by key limit ${BATCH}`.execute(db)
      ).rows.map((r) => r.key);
      if (keys.length === 0) break;
      await sql`
        update events e set origin_incident = u.id
        from unnest(${keys}::text[], ${keys.map(incidentId)}::text[]) as u(key, id)
        where e.key = u.key`.execute(db);
      after = keys[keys.length - 1];
    }
    await sql`create index events_origin_incident on events (origin_incident)`.execute(db);
  },
};
