/**
 * Migration 0006 (ACLED ids that last): each incident gets an `event_id_cnty` as ACLED writes it (ISO3 and a
 * number, one sequence per country), assigned once and kept: the id is held by the event it was first given to
 * (its founder), and whichever incident holds that event holds the id, however its other members change. The
 * incidents a store holds already get theirs here.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Incident } from '../fuse/types.js';
import { chooseAcledIds } from './acled-ids.js';

export const acledIds: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table acled_ids (
        id text primary key,
        iso3 text not null,
        seq integer not null,
        founder text not null unique
      );
      create table acled_sequences (
        iso3 text primary key,
        next integer not null
      );
      alter table incidents add column acled_id text;
      create unique index incidents_acled_id on incidents (acled_id);
    `.execute(db);
    // the incidents already stored: an id each, numbered per country in the order of their ids
    const counters = new Map<string, number>();
    const next = (iso3: string) => {
      const n = counters.get(iso3) ?? 1;
      counters.set(iso3, n + 1);
      return n;
    };
    for (let after = ''; ; ) {
      const rows = (
        await sql<{ id: string; fields: Incident }>`
          select id, fields from incidents where id > ${after} order by id limit ${BATCH}`.execute(db)
      ).rows;
      if (rows.length === 0) break;
      const { ids, created } = chooseAcledIds(
        rows.map((r) => r.fields),
        new Map(),
        next,
      );
      await sql`
        insert into acled_ids (id, iso3, seq, founder)
        select * from unnest(${created.map((r) => r.id)}::text[], ${created.map((r) => r.iso3)}::text[],
          ${created.map((r) => r.seq)}::int4[], ${created.map((r) => r.founder)}::text[])`.execute(db);
      await sql`
        update incidents i set acled_id = u.acled, fields = i.fields || jsonb_build_object('acledId', u.acled)
        from unnest(${rows.map((r) => r.id)}::text[], ${ids}::text[]) as u(id, acled)
        where i.id = u.id`.execute(db);
      after = rows[rows.length - 1].id;
    }
    const used = [...counters.keys()];
    if (used.length > 0)
      await sql`
        insert into acled_sequences (iso3, next)
        select * from unnest(${used}::text[], ${used.map((c) => counters.get(c)!)}::int4[])`.execute(db);
  },
};

const BATCH = 2000;
