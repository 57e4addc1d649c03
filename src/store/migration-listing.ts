/**
 * Migration 0002 (the HTTP API, issue 6): columns and indexes so listings filter, search and page in SQL, the
 * extractor's original record beside the reviewed one, and each event's review status. Existing rows are
 * filled in from what they hold.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Incident } from '../fuse/types.js';
import type { EventRecord } from '../types.js';
import { reviewStatus, STATUS_FIELD, setField } from './reviews.js';
import { eventColumns, incidentColumns } from './rows.js';
import { documentSearch } from './search-text.js';

const BATCH = 500;

export const listingColumns: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table documents add column search text;
      alter table events add column original jsonb, add column names text not null default '',
        add column actors text not null default '', add column review text not null default 'unreviewed';
      alter table incidents add column subtype text, add column date_end date, add column admin1 text,
        add column killed integer, add column injured integer, add column members integer, add column names text,
        add column actors text;
    `.execute(db);
    await fillDocuments(db);
    await fillEvents(db);
    await fillIncidents(db);
    await sql`
      create index incidents_country_date on incidents (country, date_start);
      create index incidents_type on incidents (type, subtype);
      create index incidents_admin1 on incidents (lower(admin1));
      create index incidents_point on incidents using gist (point(lon, lat));
      -- the sorts (src/store/listing-filter.ts orderBy), read forwards or backwards with their tie-breaker
      create index incidents_date_id on incidents (date_start, id);
      create index incidents_killed on incidents (killed, id);
      create index incidents_killed_desc on incidents (killed desc nulls last, id desc);
      create index incidents_members on incidents (members, id);
      create index events_date_key on events (date_start, key);
      create index events_point on events using gist (point(lon, lat));
      create index events_review on events (review) where review <> 'unreviewed';
      create index events_killed on events (killed, key);
      create index events_killed_desc on events (killed desc nulls last, key desc);
      create index events_admin1 on events (lower(admin1));
      create index review_actions_newest on review_actions (id desc);
    `.execute(db);
    // pg_trgm makes '%word%' searches use an index; where it cannot be created (no privilege, not shipped) the
    // same LIKE scans the folded columns instead
    await sql`
      do $$ begin
        create extension if not exists pg_trgm;
      exception when others then
        raise notice 'pg_trgm not available (%): text search scans', sqlerrm;
      end $$;
      do $$ begin
        if exists (select 1 from pg_extension where extname = 'pg_trgm') then
          create index documents_search on documents using gin (search gin_trgm_ops);
          create index events_names on events using gin (names gin_trgm_ops);
          create index events_actors on events using gin (actors gin_trgm_ops);
          create index incidents_names on incidents using gin (names gin_trgm_ops);
          create index incidents_actors on incidents using gin (actors gin_trgm_ops);
        end if;
      end $$;
    `.execute(db);
  },
};

async function fillDocuments(db: Kysely<unknown>): Promise<void> {
  for (let after = ''; ; ) {
    const rows = (
      await sql<{ id: string; title: string | null; text: string }>`
        select id, title, text from documents where id > ${after} order by id limit ${BATCH}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    await sql`
      update documents d set search = u.search
      from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => documentSearch(r.title, r.text))}::text[])
        as u(id, search)
      where d.id = u.id`.execute(db);
    after = rows[rows.length - 1].id;
  }
}

/** The original record is the reviewed one with its reviews undone, newest first (each kept its `before`). */
async function fillEvents(db: Kysely<unknown>): Promise<void> {
  for (let after = ''; ; ) {
    const rows = (
      await sql<{ key: string; record: EventRecord }>`
        select key, record from events where key > ${after} order by key limit ${BATCH}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    const keys = rows.map((r) => r.key);
    const actions = (
      await sql<{ target: string; field: string; before: unknown; after: unknown }>`
        select target, field, before, after from review_actions
        where target = any(${keys}::text[]) and status = 'applied' order by id`.execute(db)
    ).rows;
    const originals = rows.map((r) => {
      let record = r.record;
      const mine = actions.filter((a) => a.target === r.key);
      for (const a of [...mine].reverse()) if (a.field !== STATUS_FIELD) record = setField(record, a.field, a.before);
      return { key: r.key, original: record, status: reviewStatus(mine), ...eventColumns(r.record) };
    });
    await sql`
      update events e set original = u.original, names = u.names, actors = u.actors, review = u.review
      from unnest(${keys}::text[], ${originals.map((o) => JSON.stringify(o.original))}::jsonb[],
        ${originals.map((o) => o.names)}::text[], ${originals.map((o) => o.actors)}::text[],
        ${originals.map((o) => o.status)}::text[]) as u(key, original, names, actors, review)
      where e.key = u.key`.execute(db);
    after = rows[rows.length - 1].key;
  }
}

async function fillIncidents(db: Kysely<unknown>): Promise<void> {
  for (let after = ''; ; ) {
    const rows = (
      await sql<{ id: string; fields: Incident }>`
        select id, fields from incidents where id > ${after} order by id limit ${BATCH}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    const cols = rows.map((r) => incidentColumns(r.fields));
    const c = <K extends keyof (typeof cols)[number]>(k: K) => cols.map((x) => x[k]);
    await sql`
      update incidents i set subtype = u.subtype, date_end = u.date_end, admin1 = u.admin1, killed = u.killed,
        injured = u.injured, members = u.members, names = u.names, actors = u.actors
      from unnest(${c('id')}::text[], ${c('subtype')}::text[], ${c('date_end')}::date[], ${c('admin1')}::text[],
        ${c('killed')}::int4[], ${c('injured')}::int4[], ${c('members')}::int4[], ${c('names')}::text[],
        ${c('actors')}::text[]) as u(id, subtype, date_end, admin1, killed, injured, members, names, actors)
      where i.id = u.id`.execute(db);
    after = rows[rows.length - 1].id;
  }
}
