/**
 * One page of a filtered, sorted listing: the keys of its rows and the number of matches.
 *
 * Without a text search, the matches are counted first (up to a cap). PostgreSQL guesses how many rows a box or a
 * trigram LIKE matches badly (a box is always 0.1% of the table), so for a broad filter it reads every match and
 * sorts them, where walking the sort's index and keeping the matching rows would stop after a few pages of them.
 * With the count in hand (and, past the cap, the share of a sample of the table that matches) the choice is ours
 * (wayFor): walk the sort's index, with sorts off for that one query, or find the matches and sort them, with the
 * order written so that no index serves it.
 *
 * With a text search, the rows that hold its rarest word are found once through the trigram indexes and the rest
 * is done on those (hitsPage): the count is then exact at no extra cost.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isIndexedSort, type SortKey } from './answers.js';
import {
  and,
  filterConditions,
  type ListFilter,
  orderBy,
  type Page,
  searchWords,
  textCheck,
  textConditions,
  textHits,
} from './listing-filter.js';
import type { Schema } from './schema.js';
import { containsPattern } from './search-text.js';

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
  alias: 'e' | 'i';
  /** the filter's conditions other than its words */
  filter: RawBuilder<unknown>[];
  /** the words of the text search, longest first */
  words: string[];
  /** the key column, e.g. e.key */
  key: RawBuilder<unknown>;
  /** the page's order, as ORDER BY terms an index of the table serves */
  order: RawBuilder<unknown>;
  /** the same order written so that no index serves it (listing-filter.ts orderBy with byIndex false) */
  sortedOrder: RawBuilder<unknown>;
  /**
   * true when the matches lie together in the sort's order (a date range sorted by date): a walk would read every
   * row before them, and counting tells nothing of where they start, so they are sorted
   */
  clustered: boolean;
  /** the order is by a key no index serves: it reads the record and more columns (listing-filter.ts sortColumn) */
  recordSort: boolean;
}

/** The page query of the incidents (alias i) or events (alias e) listing filtered by `f`, in `page`'s order. */
export function listingQuery(table: 'incidents' | 'events', f: ListFilter, page: Page): PageQuery {
  const [alias, key] = table === 'incidents' ? (['i', 'i.id'] as const) : (['e', 'e.key'] as const);
  const recordSort = !isIndexedSort(page.sort.replace('-', '') as SortKey);
  return {
    table,
    alias,
    filter: filterConditions(alias, f),
    words: searchWords(f.q),
    key: sql.ref(key),
    order: orderBy(page.sort, alias, `${alias}.members`),
    sortedOrder: orderBy(page.sort, alias, `${alias}.members`, false),
    // (a key no index serves is sorted too: a walk would read the whole table in another order)
    clustered: (page.sort.endsWith('date') && !!(f.from || f.to)) || recordSort,
    recordSort,
  };
}

/** The columns a sort no index serves reads (listing-filter.ts sortColumn), beyond those of the indexed ones. */
const readsOfRecordSorts = (t: 'e' | 'i') =>
  sql`, ${sql.ref(`${t}.injured`)}, ${sql.ref(`${t}.type`)}, ${sql.ref(`${t}.subtype`)}, ${sql.ref(`${t}.country`)}, ${sql.ref(t === 'i' ? 'i.fields' : 'e.record')}`;

/** `from <table> <alias> where …`: every condition, the first word leading through the trigram indexes */
const fromWhere = (q: PageQuery) =>
  sql`from ${sql.table(q.table)} ${sql.raw(q.alias)} where ${and([...q.filter, ...textConditions(q.alias, q.words)])}`;

/**
 * walk: the sort's index, keeping the matching rows; sort: find the matches, then sort them; planner: its choice;
 * hits: a text search's candidates (the rows that hold its rarest word) once, then the other conditions on them.
 */
export type Way = 'walk' | 'sort' | 'planner' | 'hits';

/** The rows of a sample of the table's pages that the share of matching rows is judged from. */
const SAMPLE_ROWS = 1_000;

/**
 * The share of the table's rows that match (no text search), judged from a sample of its pages (the same pages
 * each time, so the same query is planned the same way).
 */
async function sampledShare(db: Kysely<Schema>, q: PageQuery, rows: number): Promise<number> {
  if (q.filter.length === 0) return 1;
  const percent = Math.min(100, (100 * SAMPLE_ROWS) / Math.max(rows, 1));
  const r = await sql<{ hit: number; n: number }>`
    select count(*) filter (where ${and(q.filter)})::int as hit, count(*)::int as n
    from ${sql.table(q.table)} ${sql.raw(q.alias)} tablesample system (${sql.lit(Number(percent.toFixed(4)))})
      repeatable (7)`.execute(db);
  const { hit, n } = r.rows[0];
  return n ? hit / n : 0;
}

/**
 * How to take the page, from the count: walk the sort's index when that reads few rows (about wanted × rows /
 * matches); sort the matches when they are few and a walk would read many rows past them; else let the planner
 * choose. When counting stopped at the cap, the matches are judged from a sample of the table.
 */
async function wayFor(db: Kysely<Schema>, counted: Counted, wanted: number, q: PageQuery): Promise<Way> {
  if (q.clustered) return 'sort';
  const rows = await tableRows(db, q.table);
  let reads = (wanted * rows) / counted.total;
  if (!counted.totalExact && reads > WALK_MAX) {
    const share = Math.max(counted.total / rows, await sampledShare(db, q, rows));
    reads = wanted / share;
  }
  if (reads <= WALK_MAX && (reads < counted.total || !counted.totalExact)) return 'walk';
  return counted.totalExact ? 'sort' : 'planner';
}

/** How many documents a word is first looked for in (see textLead). */
const PROBE_CAP = 1_000;
/** The most documents a word is looked for in, when every word is found up to the cap again and again. */
const PROBE_MAX = 100_000;

/**
 * The word a text search starts from, and the words left to test on each row it finds. Each word is looked for in
 * up to PROBE_CAP documents (the trigram index finds those fast) and the one found least leads. When several are
 * found as often as the cap lets (all common), those are looked for again in ten times as many documents, up to
 * PROBE_MAX; words found as often after that lead longest first. A word of one or two letters holds no trigram: it
 * is not looked for (that would read every document) and leads only when every word is that short.
 */
export async function textLead(
  db: Kysely<Schema>,
  q: PageQuery,
  probeCap: number,
): Promise<{ lead: string; rest: string[] }> {
  const indexed = q.words.filter((w) => [...w].length >= 3);
  // (words in their order, longest first: a stable sort keeps ties so)
  let tied = indexed;
  for (let cap = probeCap; tied.length > 1; cap *= 10) {
    const probes = tied.map(
      (w) =>
        sql`(select count(*) from (select 1 from documents d where d.search like ${containsPattern(w)} limit ${cap}) c)`,
    );
    const found = (await sql<{ n: number[] }>`select array[${sql.join(probes)}]::int[] as n`.execute(db)).rows[0].n;
    const least = Math.min(...found);
    tied = tied.filter((_, n) => found[n] === least);
    if (least < cap || cap >= PROBE_MAX) break;
  }
  const lead = tied[0] ?? q.words[0];
  return { lead, rest: q.words.filter((w) => w !== lead) };
}

/**
 * A text search's page: the rows it starts from are found once (unions of trigram index scans), joined to the
 * table by id, the other conditions tested on those, and the matches counted and a page of them sorted in one
 * statement (the count comes even for a page past the last match).
 */
async function hitsPage(
  db: Kysely<Schema>,
  q: PageQuery,
  page: Page,
  probeCap: number,
): Promise<Counted & { keys: string[] }> {
  const { lead, rest } = await textLead(db, q, probeCap);
  const t = q.alias;
  // the matches with the columns a sort reads, under the table's alias so that the order's terms name them
  const r = await sql<{ n: number; keys: string[] }>`
    with hits as materialized (${textHits(t, lead)}),
    matched as materialized (
      select ${q.key}, ${sql.raw(t)}.date_start, ${sql.raw(t)}.killed, ${sql.raw(t)}.members ${q.recordSort ? readsOfRecordSorts(t) : sql``}
      from hits h join ${sql.table(q.table)} ${sql.raw(t)} on ${sql.ref(`${t}.id`)} = h.id
      where ${and([...q.filter, ...rest.map((w) => textCheck(t, w))])})
    select (select count(*) from matched)::int as n,
      array(select ${q.key} from matched ${sql.raw(t)} order by ${q.sortedOrder}
        limit ${page.limit} offset ${page.offset}) as keys`.execute(db);
  return { total: r.rows[0].n, totalExact: true, keys: r.rows[0].keys };
}

/** `way` forces the way, and `probeCap` a text search's start (for tests: every way gives the same page). */
export async function pageKeys(
  db: Kysely<Schema>,
  q: PageQuery,
  page: Page,
  way?: Way,
  probeCap = PROBE_CAP,
): Promise<Counted & { keys: string[] }> {
  if (q.words.length && (way === 'hits' || way === undefined)) return hitsPage(db, q, page, probeCap);
  const from = fromWhere(q);
  const counted = await cappedCount(db, from, Math.max(COUNT_CAP, page.offset + page.limit));
  if (counted.total <= page.offset) return { ...counted, keys: [] };
  const chosen = way ?? (await wayFor(db, counted, page.offset + page.limit, q));
  const select = sql<{ key: string }>`
    select ${q.key} as key ${from} order by ${chosen === 'sort' ? q.sortedOrder : q.order}
    limit ${page.limit} offset ${page.offset}`;
  const rows =
    chosen === 'walk'
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
