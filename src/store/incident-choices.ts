/**
 * What the filter pickers suggest (GET /api/incidents/choices): the countries the store's incidents are in and the
 * actors they name, the most frequent first.
 */
import { type Kysely, sql } from 'kysely';
import { countryNames } from '../geo/country-names.js';
import type { IncidentChoices } from './answers.js';
import type { Schema } from './schema.js';

export type { IncidentChoices };

/** The most actors suggested. */
export const CHOICE_ACTORS = 300;

export async function incidentChoices(db: Kysely<Schema>): Promise<IncidentChoices> {
  const countries = await sql<{ code: string; incidents: number }>`
    select i.country as code, count(*)::int as incidents from incidents i
    where i.country is not null group by 1 order by 2 desc, 1
  `.execute(db);
  const actors = await sql<{ name: string; nameAr: string | null; incidents: number }>`
    select a.name, max(a.name_ar) as "nameAr", count(distinct i.id)::int as incidents
    from incidents i
      cross join lateral jsonb_to_recordset((i.fields->'perpetrators') || (i.fields->'targets')) as a(name text, name_ar text)
    where a.name is not null
    group by 1 order by 3 desc, 1 limit ${CHOICE_ACTORS}
  `.execute(db);
  return {
    countries: countries.rows.map((c) => ({ ...c, names: countryNames(c.code) })),
    actors: actors.rows,
  };
}
