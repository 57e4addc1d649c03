/**
 * What the filtered incidents add up to (GET /api/incidents/totals): how many, the killed and injured (sums of the
 * figures known, with how many incidents give one), and counts by type, country and perpetrator.
 */
import { type Kysely, sql } from 'kysely';
import type { IncidentTotals, TotalsRow } from './answers.js';
import { incidentWhere, type ListFilter } from './listing-filter.js';
import type { Schema } from './schema.js';

export type { IncidentTotals, TotalsRow };

/** The most rows of each breakdown (the largest first). */
export const TOTALS_ROWS = 10;

export async function incidentTotals(db: Kysely<Schema>, f: ListFilter): Promise<IncidentTotals> {
  const where = incidentWhere(f);
  const sums = await sql<{
    incidents: number;
    killed: number;
    injured: number;
    killedKnown: number;
    injuredKnown: number;
  }>`
    select count(*)::int as incidents, coalesce(sum(i.killed), 0)::int as killed,
      coalesce(sum(i.injured), 0)::int as injured, count(i.killed)::int as "killedKnown",
      count(i.injured)::int as "injuredKnown"
    from incidents i where ${where}
  `.execute(db);
  const by = async (key: ReturnType<typeof sql>) =>
    (
      await sql<TotalsRow>`
        select ${key} as key, count(*)::int as incidents, coalesce(sum(i.killed), 0)::int as killed
        from incidents i where ${where} and ${key} is not null
        group by 1 order by 2 desc, 1 limit ${TOTALS_ROWS}
      `.execute(db)
    ).rows;
  // an incident counts once for each perpetrator it names, under the actor's English name (its Arabic one beside)
  const actors = await sql<TotalsRow>`
    select a.name as key, max(a.name_ar) as "nameAr", count(distinct i.id)::int as incidents,
      coalesce(sum(i.killed), 0)::int as killed
    from incidents i
      cross join lateral jsonb_to_recordset(i.fields->'perpetrators') as a(name text, name_ar text)
    where ${where} and a.name is not null
    group by 1 order by 3 desc, 1 limit ${TOTALS_ROWS}
  `.execute(db);
  return {
    ...sums.rows[0],
    byType: await by(sql`i.type`),
    byCountry: await by(sql`i.country`),
    byActor: actors.rows,
  };
}
