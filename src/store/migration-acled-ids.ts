/**
 * Migration 0006 (ACLED ids that last): each incident gets an `event_id_cnty` as ACLED writes it (ISO3 and a
 * number, one sequence per country), assigned once and kept: the id is held by the event it was first given to
 * (its founder), and whichever incident holds that event holds the id, however its other members change.
 */
import { type Kysely, type Migration, sql } from 'kysely';

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
  },
};
