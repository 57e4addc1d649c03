/** Reading incidents and statistics back out of the store, for exports, tallies and listings. */
import type { Kysely } from 'kysely';
import { filterIncidents, type IncidentFilter } from '../export/filter.js';
import type { Incident } from '../fuse/types.js';
import type { Statistic } from '../types.js';
import type { Schema } from './schema.js';

/** Incidents that pass the filter, in date order then id; date, country and type are narrowed in SQL first. */
export async function readIncidents(db: Kysely<Schema>, f: IncidentFilter = {}): Promise<Incident[]> {
  let q = db.selectFrom('incidents').select(['fields']);
  if (f.to) q = q.where('date_start', '<=', f.to);
  // an incident that starts a day before "from" may end on it: the date test proper is done in filterIncidents
  if (f.country) q = q.where('country', '=', f.country.toUpperCase());
  const rows = await q.orderBy('date_start').orderBy('id').execute();
  const incidents = rows.map((r) => (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) as Incident);
  return filterIncidents(incidents, f);
}

/** The statistics of every document's latest extraction. */
export async function readStatistics(db: Kysely<Schema>): Promise<{ document: string; statistic: Statistic }[]> {
  const rows = await db
    .selectFrom('extractions as x')
    .select(['x.document_id', 'x.statistics'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('extractions as y')
            .select('y.id')
            .whereRef('y.document_id', '=', 'x.document_id')
            .whereRef('y.id', '>', 'x.id'),
        ),
      ),
    )
    .orderBy('x.document_id')
    .execute();
  return rows.flatMap((r) => {
    const stats = (typeof r.statistics === 'string' ? JSON.parse(r.statistics) : r.statistics) as Statistic[];
    return stats.map((statistic) => ({ document: r.document_id, statistic }));
  });
}
