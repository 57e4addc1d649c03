/**
 * Migration 0003 (listing speed): each event keeps the number of members of its incident (null when it is in
 * none), so listing events by the size of their incident is an index scan of the events, not a join of every
 * event to its incident. refreshIncidents keeps it, wherever incidents are written.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export const eventMembers: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table events add column members integer;
      update events e set members = i.members
      from incident_members m join incidents i on i.id = m.incident_id
      where m.event_key = e.key;
      -- the sort (src/store/listing-filter.ts orderBy), read forwards or backwards with its tie-breaker
      create index events_members on events (members, key);
      -- what a date filter asks (src/store/listing-filter.ts): the days of an event or incident overlap [from, to]
      create index incidents_days on incidents using gist (daterange(date_start, greatest(date_end, date_start), '[]'));
      create index events_days on events using gist (daterange(date_start, greatest(date_end, date_start), '[]'));
    `.execute(db);
  },
};
