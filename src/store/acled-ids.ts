/**
 * Stable ACLED event ids (event_id_cnty): ISO3 and a number from that country's sequence, assigned once per incident
 * and kept through every re-fusion. An id is held by its founder event; an incident takes the oldest id one of its
 * members founded (an incident that absorbs another keeps the older id; of an incident cut in two, the part with
 * the founder keeps it), else a new one founded by its smallest member. No two incidents can hold one id: each
 * founder is in one incident at most.
 */
import { type Kysely, sql } from 'kysely';
import type { Incident } from '../fuse/types.js';
import { iso3Of } from '../geo/country-codes.js';
import type { Schema } from './schema.js';

export interface AcledIdRow {
  id: string;
  iso3: string;
  seq: number;
  founder: string;
}

/**
 * The ids for `incidents` (in their order), given the ids whose founders are among their members and a source of
 * new numbers per country; pure, so that a million synthetic incidents can test it without a database.
 */
export function chooseAcledIds(
  incidents: readonly Incident[],
  founded: ReadonlyMap<string, AcledIdRow>,
  next: (iso3: string) => number,
): { ids: string[]; created: AcledIdRow[] } {
  const ids: string[] = [];
  const created: AcledIdRow[] = [];
  for (const i of incidents) {
    let best: AcledIdRow | undefined;
    for (const key of i.members) {
      const row = founded.get(key);
      if (row && (!best || row.seq < best.seq || (row.seq === best.seq && row.id < best.id))) best = row;
    }
    if (best) {
      ids.push(best.id);
      continue;
    }
    const iso3 = iso3Of(i.location?.country ?? null);
    const seq = next(iso3);
    const row = { id: `${iso3}${seq}`, iso3, seq, founder: i.members[0] };
    created.push(row);
    ids.push(row.id);
  }
  return { ids, created };
}

/** Sets `acledId` on each of these incidents (about to be written), founding new ids where needed. */
export async function assignAcledIds(db: Kysely<Schema>, incidents: Incident[]): Promise<void> {
  if (incidents.length === 0) return;
  const members = incidents.flatMap((i) => i.members);
  const rows = await sql<AcledIdRow>`
    select id, iso3, seq, founder from acled_ids where founder = any(${members}::text[])`.execute(db);
  const founded = new Map(rows.rows.map((r) => [r.founder, r]));
  const counters = new Map<string, number>();
  const stored = await sql<{ iso3: string; next: number }>`select iso3, next from acled_sequences`.execute(db);
  for (const r of stored.rows) counters.set(r.iso3, r.next);
  const { ids, created } = chooseAcledIds(incidents, founded, (iso3) => {
    const n = counters.get(iso3) ?? 1;
    counters.set(iso3, n + 1);
    return n;
  });
  incidents.forEach((i, k) => {
    i.acledId = ids[k];
  });
  if (created.length === 0) return;
  await sql`
    insert into acled_ids (id, iso3, seq, founder)
    select * from unnest(${created.map((r) => r.id)}::text[], ${created.map((r) => r.iso3)}::text[],
      ${created.map((r) => r.seq)}::int4[], ${created.map((r) => r.founder)}::text[])`.execute(db);
  const used = [...new Set(created.map((r) => r.iso3))];
  await sql`
    insert into acled_sequences (iso3, next)
    select * from unnest(${used}::text[], ${used.map((c) => counters.get(c)!)}::int4[])
    on conflict (iso3) do update set next = excluded.next`.execute(db);
}
