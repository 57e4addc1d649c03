/** A stored document with its latest extraction, and the store's counts. */
import type { Kysely } from 'kysely';
import type { EventRecord, ExtractionError, Statement, Statistic } from '../types.js';
import type { DocumentDetail } from './answers.js';
import type { Schema } from './schema.js';

export type { DocumentDetail };

export async function documentDetail(db: Kysely<Schema>, id: string): Promise<DocumentDetail | null> {
  const doc = await db
    .selectFrom('documents')
    .select(['id', 'title', 'source', 'url', 'published', 'text'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!doc) return null;
  const extraction = await db
    .selectFrom('extractions')
    .select(['statistics', 'statements', 'errors'])
    .where('document_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const events = await db
    .selectFrom('events as e')
    .leftJoin('incident_members as m', 'm.event_key', 'e.key')
    .select(['e.key', 'm.incident_id', 'e.record'])
    .where('e.document_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    ...doc,
    events: events.map((e) => ({ key: e.key, incidentId: e.incident_id, event: e.record as EventRecord })),
    statistics: (extraction?.statistics ?? []) as Statistic[],
    statements: (extraction?.statements ?? []) as Statement[],
    errors: (extraction?.errors ?? []) as ExtractionError[],
  };
}

export interface StoreCounts {
  documents: number;
  events: number;
  incidents: number;
}

export async function storeCounts(db: Kysely<Schema>): Promise<StoreCounts> {
  const count = async (table: 'documents' | 'events' | 'incidents') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { documents: await count('documents'), events: await count('events'), incidents: await count('incidents') };
}
