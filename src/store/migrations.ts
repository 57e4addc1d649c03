/** The one set of migrations, run on open for PGlite and PostgreSQL alike. Append; never edit a shipped one. */
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { acledIds } from './migration-acled-ids.js';
import { incidentOrigin } from './migration-incident-origin.js';
import { listingColumns } from './migration-listing.js';
import { eventMembers } from './migration-members.js';
import { queueTables } from './migration-queue.js';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table documents (
        id text primary key,
        content_hash text not null,
        source text,
        url text,
        published text,
        title text,
        text text not null,
        ingested_at timestamptz not null default now()
      );
      -- the same text at the same address is one document
      create unique index documents_identity on documents (content_hash, coalesce(url, ''));

      create table extractions (
        id bigserial primary key,
        document_id text not null references documents (id) on delete cascade,
        extractor_version text not null,
        errors jsonb not null default '[]',
        statistics jsonb not null default '[]',
        statements jsonb not null default '[]',
        created_at timestamptz not null default now()
      );
      create index extractions_document on extractions (document_id, id);

      create table events (
        id bigserial primary key,
        key text not null unique,
        document_id text not null references documents (id) on delete cascade,
        extraction_id bigint not null references extractions (id) on delete cascade,
        event_id text not null,
        type text not null,
        subtype text not null,
        date_start date not null,
        date_end date not null,
        date_precision text not null,
        lat double precision,
        lon double precision,
        country text,
        admin1 text,
        location_precision smallint,
        killed integer,
        injured integer,
        confidence real not null,
        record jsonb not null,
        -- false until the event has been fused into the incidents
        fused boolean not null default false
      );
      create index events_unfused on events (id) where not fused;
      create index events_document on events (document_id);
      create index events_extraction on events (extraction_id);
      -- what the incremental fusion searches by: country and start date, and the ranges of events that span days
      create index events_country_date on events (country, date_start);
      create index events_ranged on events using gist (daterange(date_start - 2, date_end + 2, '[]'))
        where date_end > date_start;
      create index events_date on events (date_start);
      create index events_type on events (type, subtype);

      create table spans (
        event_id bigint not null references events (id) on delete cascade,
        field text not null,
        start integer not null,
        "end" integer not null,
        text text not null
      );
      create index spans_event on spans (event_id);

      create table claims (
        event_id bigint not null references events (id) on delete cascade,
        kind text not null,
        by text not null,
        outcome text,
        evidence jsonb not null
      );
      create index claims_event on claims (event_id);

      create table incidents (
        id text primary key,
        type text not null,
        date_start date not null,
        lat double precision,
        lon double precision,
        country text,
        fields jsonb not null,
        updated_at timestamptz not null default now()
      );
      create index incidents_date_place on incidents (date_start, lat, lon);

      -- members by key, not by row: an incident outlives the rows a re-extraction replaces
      create table incident_members (
        incident_id text not null references incidents (id) on delete cascade,
        event_key text not null primary key
      );
      create index incident_members_incident on incident_members (incident_id);

      -- no foreign key to events: a review outlives the event rows it was made on
      create table review_actions (
        id bigserial primary key,
        who text not null,
        at timestamptz not null default now(),
        target text not null,
        field text not null,
        before jsonb,
        after jsonb,
        status text not null default 'applied',
        note text
      );
      create index review_actions_target on review_actions (target, id);
    `.execute(db);
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_listing': listingColumns,
  '0003_event_members': eventMembers,
  '0004_queue': queueTables,
  '0005_incident_origin': incidentOrigin,
  '0006_acled_ids': acledIds,
};

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'rasd_migrations',
    migrationLockTableName: 'rasd_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
