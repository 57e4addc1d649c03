/**
 * One page of a filtered, sorted listing: the keys of its rows and the number of matches.
 *
 * The matches are counted first (up to a cap). PostgreSQL guesses how many rows a box, a trigram LIKE or a text
 * search matches badly (a box is always 0.1% of the table), so for a broad filter it reads every match and sorts
 * them, where walking the sort's index and keeping the matching rows would stop after a few pages of them. With
 * the count in hand the choice is ours (wayFor): walk the sort's index, with sorts off for that one query, or find
 * the matches and sort them, with the order written so that no index serves it.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { eventWhere, incidentWhere, type ListFilter, orderBy, type Page } from './listing-filter.js';
import type { Schema } from './schema.js';

/**
 * Matches are counted exactly up to this many (or up to the end of the page asked for, if further): past it a
 * count reads every matching row, which is what makes a listing slow on a large store.
 */
export const COUNT_CAP = 1_000;

/** The most rows a walk of the sort's index is let read (expected, from the count). */
const WALK_MAX = 20_000;

export interface Counted {
  /** the number of matches; when `totalExact` is false, a lower bound (counting stopped there) */
  total: number;
  totalExact: boolean;
}

/** The number of rows of `from` (a FROM … WHERE … clause): exact up to `cap`, else `cap` and `totalExact: false`. */
export async function cappedCount(db: Kysely<Schema>, from: RawBuilder<unknown>, cap: number): Promise<Counted> {
  const r = await sql<{ n: number }>`select count(*)::int as n from (select 1 ${from} limit ${cap + 1}) c`.execute(db);
  const n = r.rows[0].n;
  return n > cap ? { total: cap, totalExact: false } : { total: n, totalExact: true };
}

/** The planner's idea of a table's size (it scales the last ANALYZE to the table's pages now): no scan. */
async function tableRows(db: Kysely<Schema>, table: 'events' | 'incidents'): Promise<number> {
  const plan = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`
    explain (format json) select 1 from ${sql.table(table)}`.execute(db);
  return plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows'];
}

export interface PageQuery {
  table: 'events' | 'incidents';
  /** `from <table> <alias> where …` */
  from: RawBuilder<unknown>;
  /** the key column, e.g. e.key */
  key: RawBuilder<unknown>;
  /** the page's order, as ORDER BY terms an index of the table serves */
  order: RawBuilder<unknown>;
  /** the same order written so that no index serves it (listing-filter.ts orderBy with byIndex false) */
  sortedOrder: RawBuilder<unknown>;
  /**
   * false when the filter holds a text search: walked row by row, its IN (…) over the trigram indexes may be
   * planned as a subquery run again for every row
   */
  walkable: boolean;
  /**
   * true when the matches lie together in the sort's order (a date range sorted by date): a walk would read every
   * row before them, and counting tells nothing of where they start, so they are sorted
   */
  clustered: boolean;
}

/** The page query of the incidents (alias i) or events (alias e) listing filtered by `f`, in `page`'s order. */
export function listingQuery(table: 'incidents' | 'events', f: ListFilter, page: Page): PageQuery {
  const [t, key, where] =
    table === 'incidents' ? (['i', 'i.id', incidentWhere(f)] as const) : (['e', 'e.key', eventWhere(f)] as const);
  return {
    table,
    from: sql`from ${sql.table(table)} ${sql.raw(t)} where ${where}`,
    key: sql.ref(key),
    order: orderBy(page.sort, t, `${t}.members`),
    sortedOrder: orderBy(page.sort, t, `${t}.members`, false),
    walkable: !f.q?.trim(),
    clustered: page.sort.endsWith('date') && !!(f.from || f.to),
  };
}

type Way = 'walk' | 'sort' | 'planner';

/**
 * How to take the page, from the count: walk the sort's index when that reads few rows (about wanted × rows /
 * matches); sort the matches when they are few and a walk would read many rows past them; else let the planner
 * choose (counting stopped, so the matches may be many and a sort of all of them dear).
 */
function wayFor(counted: Counted, wanted: number, rows: number, q: PageQuery): Way {
  if (q.clustered) return 'sort';
  const reads = (wanted * rows) / counted.total;
  if (q.walkable && reads <= WALK_MAX && (reads < counted.total || !counted.totalExact)) return 'walk';
  return counted.totalExact ? 'sort' : 'planner';
}

/** `walk` forces the choice (for tests: both ways give the same page): true walks, false sorts. */
export async function pageKeys(
  db: Kysely<Schema>,
  q: PageQuery,
  page: Page,
  walk?: boolean,
): Promise<Counted & { keys: string[] }> {
  const counted = await cappedCount(db, q.from, Math.max(COUNT_CAP, page.offset + page.limit));
  if (counted.total <= page.offset) return { ...counted, keys: [] };
  const way: Way =
    walk === undefined
      ? wayFor(counted, page.offset + page.limit, await tableRows(db, q.table), q)
      : walk
        ? 'walk'
        : 'sort';
  const select = sql<{ key: string }>`
    select ${q.key} as key ${q.from} order by ${way === 'sort' ? q.sortedOrder : q.order}
    limit ${page.limit} offset ${page.offset}`;
  const rows =
    way === 'walk'
      ? await db.transaction().execute(async (trx) => {
          // (bitmap scans stay on: a text search's trigram indexes are read by them alone)
          await sql`set local enable_sort = off`.execute(trx);
          return (await select.execute(trx)).rows;
        })
      : (await select.execute(db)).rows;
  return { ...counted, keys: rows.map((r) => r.key) };
}

/** Rows in the order of `ids` (what a page query found), leaving out any not found. */
export function inOrder<T>(ids: string[], rows: T[], id: (r: T) => string): T[] {
  const by = new Map(rows.map((r) => [id(r), r]));
  return ids.flatMap((k) => {
    const r = by.get(k);
    return r === undefined ? [] : [r];
  });
}
