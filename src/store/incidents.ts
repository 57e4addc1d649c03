/**
 * Incidents kept up to date as events come and go. The fusion (src/fuse) joins compatible events from the
 * closest pair on, under limits (never two events of one document, ±1 day, 25 km), so an incident is not simply
 * a connected component and cannot be grown by merging neighbours' incidents. What is exact: events that are not
 * transitively compatible never influence each other. So around the changed events we gather everything
 * transitively compatible with them (the affected region), re-cluster that region with `clusterMembers` and
 * replace its incidents: the result is the one a batch fusion of the whole store would give, in any order.
 */
import { type Kysely, sql } from 'kysely';
import { clusterMembers, compatible, DAY_SLACK, dayOf, fuseIncident } from '../fuse/fuse.js';
import type { Incident, MemberEvent } from '../fuse/types.js';
import { assignAcledIds } from './acled-ids.js';
import { membersByKey, membersNear, unfusedMembers } from './members.js';
import { type IncidentColumns, incidentColumns } from './rows.js';
import type { Schema } from './schema.js';

/** An arbitrary constant naming the fusion's advisory lock. */
const FUSION_LOCK = 0x72617364;

export interface IncidentChange {
  removed: number;
  written: number;
}

/** The incidents that hold any of these event keys. */
export async function incidentsOf(db: Kysely<Schema>, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('incident_members')
    .select('incident_id')
    .distinct()
    .where('event_key', '=', sql<string>`any(${keys}::text[])`)
    .execute();
  return rows.map((r) => r.incident_id);
}

async function memberKeysOf(db: Kysely<Schema>, incidentIds: string[]): Promise<string[]> {
  if (incidentIds.length === 0) return [];
  const rows = await db
    .selectFrom('incident_members')
    .select('event_key')
    .where('incident_id', '=', sql<string>`any(${incidentIds}::text[])`)
    .execute();
  return rows.map((r) => r.event_key);
}

/**
 * Fuses every stored event not fused yet (new ones) into the incidents, with `changed` (fused events whose
 * incident must be cut again: reviewed, or left by removed members), dropping `staleIncidents` (incidents whose
 * members were removed). Call inside the transaction that changed them.
 */
export async function refreshIncidents(
  db: Kysely<Schema>,
  changed: MemberEvent[] = [],
  staleIncidents: string[] = [],
): Promise<IncidentChange> {
  // one fusion at a time per database (PostgreSQL may have several writers): the others wait for it to commit
  await sql`select pg_advisory_xact_lock(${FUSION_LOCK})`.execute(db);
  return applyRefresh(db, await planRefresh(db, changed, staleIncidents));
}

/**
 * refreshIncidents for a store that only this process writes (an embedded one), given its count of committed
 * writes (Store.writes): what the fusion reads (the affected region, which on a dense store can be thousands of
 * events found a few at a time) and its clustering are done outside any transaction, so other requests' queries
 * run between its reads instead of waiting for the store's one connection; only the writes are a transaction.
 * If any write committed in between, the region read may be out of date: then the whole fusion runs again inside
 * the transaction, as refreshIncidents does. Either way the incidents are the ones refreshIncidents would write.
 */
export async function refreshIncidentsAside(db: Kysely<Schema>, writes: () => number): Promise<IncidentChange> {
  const before = writes();
  const plan = await planRefresh(db, [], []);
  return db.transaction().execute(async (trx) => {
    // (in the transaction, the one connection is ours: nothing can commit between this check and the writes)
    if (writes() !== before) return refreshIncidents(trx);
    return applyRefresh(trx, plan);
  });
}

interface RefreshPlan {
  unfused: MemberEvent[];
  region: Map<string, MemberEvent>;
  dropped: Set<string>;
  left: Set<string>;
  incidents: Incident[];
}

/** What refreshIncidents reads and computes: the affected region, the incidents it held, its new incidents. */
async function planRefresh(db: Kysely<Schema>, changed: MemberEvent[], staleIncidents: string[]): Promise<RefreshPlan> {
  const region = new Map<string, MemberEvent>();
  const unfused = await unfusedMembers(db);
  for (const m of [...unfused, ...changed]) region.set(m.key, m);
  let frontier = [...region.values()];
  const dropped = new Set<string>();
  let stale = staleIncidents;
  // the members of the incidents dropped (some of which may be in none after: rejected, or gone)
  const left = new Set<string>();
  while (frontier.length > 0 || stale.length > 0) {
    const found: MemberEvent[] = [];
    const near = nearIndex(frontier);
    for (const c of await membersNear(db, frontier, new Set(region.keys()))) {
      if (near(c).some((f) => compatible(f, c))) {
        region.set(c.key, c);
        found.push(c);
      }
    }
    // every incident a region member was in is cut again, so its other members join the region
    const touched = [
      ...stale,
      ...(await incidentsOf(
        db,
        [...found, ...frontier].map((m) => m.key),
      )),
    ].filter((id) => !dropped.has(id));
    stale = [];
    for (const id of touched) dropped.add(id);
    const before = await memberKeysOf(db, touched);
    for (const k of before) left.add(k);
    const outside = before.filter((k) => !region.has(k));
    // (members that were removed are no events any more, and are not found)
    const more = await membersByKey(db, outside);
    for (const m of more) region.set(m.key, m);
    frontier = [...found, ...more];
  }
  // in key order: the fusion's pairing can depend on the order of its input, and this order is the store's
  const members = [...region.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const incidents = clusterMembers(members).map(fuseIncident);
  return { unfused, region, dropped, left, incidents };
}

/** The writes of refreshIncidents, from its plan. */
async function applyRefresh(db: Kysely<Schema>, plan: RefreshPlan): Promise<IncidentChange> {
  const { unfused, region, dropped, left, incidents } = plan;
  await assignAcledIds(db, incidents);
  if (dropped.size > 0) {
    await db
      .deleteFrom('incidents')
      .where('id', '=', sql<string>`any(${[...dropped]}::text[])`)
      .execute();
  }
  await insertIncidents(db, incidents);
  await keepEventMembers(db, [...left, ...region.keys()], incidents);
  // only the events read above: another writer may have committed new ones since, and they are not fused yet
  const fusedKeys = unfused.map((m) => m.key);
  if (fusedKeys.length > 0) {
    await db
      .updateTable('events')
      .set({ fused: true })
      .where('key', '=', sql<string>`any(${fusedKeys}::text[])`)
      .execute();
  }
  return { removed: dropped.size, written: incidents.length };
}

/**
 * The members of `list` that a candidate could possibly be compatible with (same country, dates within the
 * slack), found by cheap comparisons so `compatible` runs on few pairs.
 */
function nearIndex(list: MemberEvent[]): (c: MemberEvent) => MemberEvent[] {
  const byCountry = new Map<string, { m: MemberEvent; start: number; end: number }[]>();
  for (const m of list) {
    const l = m.event.location;
    if (!l || !m.event.date?.start) continue;
    const entry = { m, start: dayOf(m.event.date.start), end: dayOf(m.event.date.end ?? m.event.date.start) };
    const group = byCountry.get(l.country);
    if (group) group.push(entry);
    else byCountry.set(l.country, [entry]);
  }
  return (c) => {
    const l = c.event.location;
    if (!l || !c.event.date?.start) return [];
    const start = dayOf(c.event.date.start);
    const end = dayOf(c.event.date.end ?? c.event.date.start);
    return (byCountry.get(l.country) ?? [])
      .filter((x) => x.start <= end + DAY_SLACK && start <= x.end + DAY_SLACK)
      .map((x) => x.m);
  };
}

/** Incident rows (their columns and `fields`) and their members; the bench's bulk writes use it too. */
export async function insertIncidents(db: Kysely<Schema>, incidents: Incident[]): Promise<void> {
  if (incidents.length === 0) return;
  const cols = incidents.map(incidentColumns);
  const c = <K extends keyof IncidentColumns>(k: K) => cols.map((x) => x[k]);
  await sql`
    insert into incidents (id, type, subtype, date_start, date_end, lat, lon, country, admin1, killed, injured,
      members, names, actors, fields, acled_id)
    select * from unnest(${c('id')}::text[], ${c('type')}::text[], ${c('subtype')}::text[],
      ${c('date_start')}::date[], ${c('date_end')}::date[], ${c('lat')}::float8[], ${c('lon')}::float8[],
      ${c('country')}::text[], ${c('admin1')}::text[], ${c('killed')}::int4[], ${c('injured')}::int4[],
      ${c('members')}::int4[], ${c('names')}::text[], ${c('actors')}::text[],
      ${incidents.map((i) => JSON.stringify(i))}::jsonb[], ${c('acled_id')}::text[])
  `.execute(db);
  const members = incidents.flatMap((i) => i.members.map((key) => ({ id: i.id, key })));
  await sql`
    insert into incident_members (incident_id, event_key)
    select * from unnest(${members.map((m) => m.id)}::text[], ${members.map((m) => m.key)}::text[])
  `.execute(db);
}

/**
 * Sets the incident size kept on each of these events (events.members): the size of its incident among the ones
 * just written (every incident that held any of them before was dropped), else null.
 */
async function keepEventMembers(db: Kysely<Schema>, keys: string[], written: Incident[]): Promise<void> {
  const size = new Map<string, number | null>(keys.map((k) => [k, null]));
  for (const i of written) for (const k of i.members) size.set(k, i.members.length);
  if (size.size === 0) return;
  await sql`
    update events e set members = u.members
    from unnest(${[...size.keys()]}::text[], ${[...size.values()]}::int4[]) as u(key, members)
    where e.key = u.key and e.members is distinct from u.members
  `.execute(db);
}
