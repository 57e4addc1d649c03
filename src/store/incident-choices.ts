/**
 * What the filter pickers suggest (GET /api/incidents/choices): the countries and first-level areas the store's
 * incidents are in and the actors they name, the most frequent first.
 */
import { type Kysely, sql } from 'kysely';
import { admin1Area } from '../geo/admin1-names.js';
import { countryNames } from '../geo/country-names.js';
import type { IncidentChoices } from './answers.js';
import type { Schema } from './schema.js';

export type { IncidentChoices };

/** The most actors suggested. */
export const CHOICE_ACTORS = 300;
/** The most first-level areas suggested. */
export const CHOICE_ADMIN1 = 300;

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
  const areas = await sql<{ country: string; name: string; incidents: number }>`
    select i.country, i.admin1 as name, count(*)::int as incidents from incidents i
    where i.country is not null and i.admin1 is not null and i.admin1 <> ''
    group by 1, 2 order by 3 desc, 1, 2 limit ${CHOICE_ADMIN1}
  `.execute(db);
  return {
    countries: countries.rows.map((c) => ({ ...c, names: countryNames(c.code) })),
    admin1: areas.rows.map((a) => ({ ...a, namesAr: admin1Area(a.country, a.name)?.namesAr ?? [] })),
    actors: actors.rows,
  };
}
