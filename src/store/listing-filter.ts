/** The filters of the API's listings, as SQL conditions over the incidents and events tables. */
import { type RawBuilder, sql } from 'kysely';
import { actorPatterns } from './actor-aliases.js';
import { type IndexedSortKey, isIndexedSort, type ReviewStatus, SORTS, type Sort, type SortKey } from './answers.js';
import { containsPattern, queryWords } from './search-text.js';

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface ListFilter {
  /** YYYY-MM-DD, inclusive: what overlaps [from, to] */
  from?: string;
  to?: string;
  /** ISO2, upper case */
  country?: string;
  /** first-level areas as the store names them ("Al Anbar"): any of them */
  admin1?: string[];
  bbox?: BBox;
  /** spec names: 'explosions_remote_violence', 'air_drone_strike' */
  type?: string;
  subtype?: string;
  /** any of an actor's names in the lexicon (that actor), else any part of an actor's English or Arabic name */
  actor?: string;
  /** words, each found in a document's text or in the names */
  q?: string;
  /** the least precise place kept: 1 exact, 2 near a place or a district, 3 a province or a country (what has no
   * place is left out by any of them) */
  precision?: 1 | 2 | 3;
  /** events only */
  review?: ReviewStatus;
}

export { SORTS, type Sort };

export interface Page {
  limit: number;
  offset: number;
  sort: Sort;
}

export const and = (conds: RawBuilder<unknown>[]) => (conds.length ? sql.join(conds, sql` and `) : sql`true`);

/** The conditions both tables share; `t` is the table's alias, whose columns have the same names in both. */
function common(t: 'i' | 'e', f: ListFilter): RawBuilder<unknown>[] {
  const c = (col: string) => sql.ref(`${t}.${col}`);
  const out: RawBuilder<unknown>[] = [];
  if (f.from && f.to && f.from > f.to) out.push(sql`false`);
  else if (f.from || f.to) {
    // the days overlap [from, to]: a range, so that the planner reads the range index and knows how few match
    const days = sql`daterange(${c('date_start')}, greatest(${c('date_end')}, ${c('date_start')}), '[]')`;
    out.push(sql`${days} && daterange(${f.from ?? null}::date, ${f.to ?? null}::date, '[]')`);
    // implied, but it bounds a scan of a date index: without it the planner may walk that index from the other end
    // of time and filter row after row (it takes the matches to be spread evenly along it)
    if (f.to) out.push(sql`${c('date_start')} <= ${f.to}::date`);
  }
  if (f.country) out.push(sql`${c('country')} = ${f.country}`);
  if (f.admin1?.length) {
    const names = f.admin1.map((a) => sql`${a.toLowerCase()}`);
    out.push(sql`lower(${c('admin1')}) in (${sql.join(names)})`);
  }
  if (f.type) out.push(sql`${c('type')} = ${f.type}`);
  if (f.subtype) out.push(sql`${c('subtype')} = ${f.subtype}`);
  if (f.actor) {
    // any name of one actor finds that actor (src/store/actor-aliases.ts)
    const likes = actorPatterns(f.actor).map((p) => sql`${c('actors')} like ${containsPattern(p)}`);
    out.push(likes.length === 1 ? likes[0] : sql`(${sql.join(likes, sql` or `)})`);
  }
  if (f.precision) {
    const geo = t === 'i' ? sql`(i.fields->'location'->>'precision')::int` : sql.ref('e.location_precision');
    out.push(sql`coalesce(${geo}, 4) <= ${f.precision}`);
  }
  const b = f.bbox;
  if (b && b.west <= b.east) {
    out.push(sql`point(${c('lon')}, ${c('lat')}) <@ box(point(${b.west}, ${b.south}), point(${b.east}, ${b.north}))`);
  } else if (b) {
    // across the antimeridian
    out.push(
      sql`${c('lat')} between ${b.south} and ${b.north} and (${c('lon')} >= ${b.west} or ${c('lon')} <= ${b.east})`,
    );
  }
  return out;
}

/**
 * The ids of table `t` (events.id or incidents.id) whose names or documents hold `word`: a union (not
 * an OR) so that both sides are trigram index scans, not a scan of the table.
 */
export function textHits(t: 'i' | 'e', word: string): RawBuilder<unknown> {
  const p = containsPattern(word);
  return t === 'i'
    ? sql`select x.id from incidents x where x.names like ${p}
      union
      select m.incident_id from documents d join events e on e.document_id = d.id
        join incident_members m on m.event_key = e.key
      where d.search like ${p}`
    : sql`select x.id from events x where x.names like ${p}
      union
      select x.id from documents d join events x on x.document_id = d.id where d.search like ${p}`;
}

/** The same test as textHits, made on the row of alias `t`. */
export function textCheck(t: 'i' | 'e', word: string): RawBuilder<unknown> {
  const p = containsPattern(word);
  return t === 'i'
    ? sql`(i.names like ${p} or exists (
      select 1 from incident_members m join events e on e.key = m.event_key join documents d on d.id = e.document_id
      where m.incident_id = i.id and d.search like ${p}))`
    : sql`(e.names like ${p} or exists (select 1 from documents d where d.id = e.document_id and d.search like ${p}))`;
}

/**
 * One condition per word, in the words' order: the first picks the candidates through the trigram indexes and the
 * others are tested on those.
 */
export function textConditions(t: 'i' | 'e', words: string[]): RawBuilder<unknown>[] {
  const id = sql.ref(`${t}.id`);
  return words.map((w, n) => (n === 0 ? sql`${id} in (${textHits(t, w)})` : textCheck(t, w)));
}

/**
 * q's words, longest first: the longest is usually the rarest (a short word is one or two trigrams, found in many
 * texts).
 */
export const searchWords = (q: string | undefined): string[] => queryWords(q ?? '').sort((a, b) => b.length - a.length);

/** The conditions of `f` other than its words (`q`), over incidents (alias i) or events (alias e). */
export function filterConditions(t: 'i' | 'e', f: ListFilter): RawBuilder<unknown>[] {
  const out = common(t, f);
  if (t === 'e' && f.review) out.push(sql`e.review = ${f.review}`);
  return out;
}

/** Incidents (alias i): each word of `q` is in the incident's names or in the text of a member's document. */
export const incidentWhere = (f: ListFilter): RawBuilder<unknown> =>
  and([...filterConditions('i', f), ...textConditions('i', searchWords(f.q))]);

/**
 * ORDER BY for a sort over alias `t`, where `members` is the column of the incident's member count. The tie-breaker
 * runs the same way as the key, and figures that are not known come last, so an index serves either direction.
 * With `byIndex` false the same order is written so that no index can give it (`+ 0`, `|| ''`): the matches are
 * found first and then sorted, where the planner would walk the sort's index past rows that do not match.
 */
export function orderBy(sort: Sort, t: 'i' | 'e', members: string, byIndex = true): RawBuilder<unknown> {
  const desc = sort.startsWith('-');
  const key = sort.replace('-', '') as SortKey;
  const tieRef = t === 'i' ? sql.ref('i.id') : sql.ref('e.key');
  if (!isIndexedSort(key)) {
    // no index serves these: the matches are sorted (page-keys.ts), unknown values last either way
    const col = sortColumn(key, t);
    return desc ? sql`${col} desc nulls last, ${tieRef} desc` : sql`${col} asc nulls last, ${tieRef} asc`;
  }
  const ref =
    key === 'date' ? sql.ref(`${t}.date_start`) : key === 'killed' ? sql.ref(`${t}.killed`) : sql.ref(members);
  const col = byIndex ? ref : sql`(${ref} + 0)`;
  const tie = byIndex ? tieRef : sql`(${tieRef} || '')`;
  // (dates and member counts are never null: without a NULLS clause the plain indexes serve them)
  if (key !== 'killed') return desc ? sql`${col} desc, ${tie} desc` : sql`${col} asc, ${tie} asc`;
  return desc ? sql`${col} desc nulls last, ${tie} desc` : sql`${col} asc nulls last, ${tie} asc`;
}

/** The value a key no index serves sorts by, over the incident's record (i.fields) or the event's (e.record). */
function sortColumn(key: Exclude<SortKey, IndexedSortKey>, t: 'i' | 'e'): RawBuilder<unknown> {
  const record = t === 'i' ? sql.ref('i.fields') : sql.ref('e.record');
  const location = sql`${record}->'location'`;
  // an incident's first perpetrator; an event's first actor (its record keeps them in one list)
  const actor = t === 'i' ? sql`${record}->'perpetrators'->0` : sql`${record}->'actors'->0`;
  switch (key) {
    case 'injured':
      return sql.ref(`${t}.injured`);
    case 'type':
      return sql`${sql.ref(`${t}.type`)} || '/' || ${sql.ref(`${t}.subtype`)}`;
    case 'country':
      return sql.ref(`${t}.country`);
    case 'place':
      return sql`${location}->>'name'`;
    case 'place_ar':
      return sql`coalesce(nullif(${location}->>'name_ar', ''), ${location}->>'name')`;
    case 'precision':
      return sql`(${location}->>'precision')::int`;
    case 'actor':
      return sql`${actor}->>'name'`;
    case 'actor_ar':
      return sql`coalesce(nullif(${actor}->>'name_ar', ''), ${actor}->>'name')`;
    case 'flags':
      return sql`jsonb_array_length(coalesce(${record}->'disagreements', '[]'::jsonb))`;
  }
}
