/** Review actions read back: an event's history and status, and the newest actions of all. */
import { type Kysely, sql } from 'kysely';
import type { ReviewAction, ReviewState } from './answers.js';
import type { Schema } from './schema.js';

export type { ReviewAction, ReviewState };

function reviewQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('review_actions')
    .select(['id', 'who', 'at', 'target', 'field', 'before', 'after', 'status', 'note']);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['execute']>>[number];

const toAction = (r: ActionRow): ReviewAction => ({
  id: String(r.id),
  who: r.who,
  at: new Date(r.at).toISOString(),
  target: r.target,
  field: r.field,
  before: r.before ?? null,
  after: r.after ?? null,
  status: r.status,
  note: r.note,
});

/** Every action on these events, oldest first, by key. */
export async function actionsByKey(db: Kysely<Schema>, keys: string[]): Promise<Map<string, ReviewAction[]>> {
  const out = new Map<string, ReviewAction[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return out;
  const rows = await reviewQuery(db).where('target', '=', sql<string>`any(${keys}::text[])`).orderBy('id').execute();
  for (const r of rows) out.get(r.target)?.push(toAction(r));
  return out;
}

/** The newest actions first. */
export async function listReviews(
  db: Kysely<Schema>,
  limit: number,
  offset: number,
): Promise<{ total: number; items: ReviewAction[] }> {
  const { n } = await db
    .selectFrom('review_actions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await reviewQuery(db).orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { total: Number(n), items: rows.map(toAction) };
}
