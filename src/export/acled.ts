/**
 * Incidents as ACLED rows: ACLED's column names and order, its event and sub-event type names, disorder types and
 * actor type labels (the coding table's, src/events/taxonomy.ts), its time and geo precision codes, and a note in
 * English written from the fields.
 */
import { dataPath, readTsv } from '../data.js';
import { CODING, type Coding } from '../events/taxonomy.js';
import type { Incident } from '../fuse/types.js';
import { countryCodes } from '../geo/country-codes.js';
import { acledSides } from './acled-sides.js';
import { csvText } from './csv-cells.js';
import { checkText, incidentChecks, RASD_CHECK, type RecordChecks } from './record-checks.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string | number>;

/** The columns of Rasd's ACLED CSV: ACLED's, then Rasd's own (src/export/record-checks.ts). */
export const EXPORT_COLUMNS = [...ACLED_COLUMNS, RASD_CHECK] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** ACLED's actor type label of a category (inter1, inter2). */
const inter = (table: Coding, category: string) => table.category(category)?.acled ?? category;

const country = countryCodes;

interface Outlet {
  name: string;
  scale: string;
}
let outlets: Map<string, Outlet> | null = null;
/** An outlet a document came from (data/lexicons/outlets.tsv), by its slug; undefined for a source it cites. */
function outlet(slug: string): Outlet | undefined {
  outlets ??= new Map(
    readTsv(dataPath('lexicons', 'outlets.tsv')).map((r) => [r.slug.toLowerCase(), { name: r.name, scale: r.scale }]),
  );
  return outlets.get(slug.toLowerCase());
}

/** ACLED's source scales, from the nearest to the widest: a pair is written nearest first ("National-International") */
const SCALES = ['Local partner', 'Subnational', 'National', 'Regional', 'International', 'New media', 'Other'];

/** source, source_scale and the cited sources of an incident: its outlets by name, their scale, the rest cited. */
function sourcesOf(i: Incident): { source: string; scale: string; cited: string[] } {
  const names: string[] = [];
  const scales = new Set<string>();
  const cited: string[] = [];
  for (const s of i.sources) {
    const o = outlet(s);
    if (o) {
      if (!names.includes(o.name)) names.push(o.name);
      scales.add(o.scale);
    } else if (s.toLowerCase() !== 'unknown') cited.push(s);
  }
  const ordered = SCALES.filter((x) => scales.has(x));
  // no outlet known (a document given without one): ACLED's catch-all
  const scale = ordered.length <= 1 ? (ordered[0] ?? 'Other') : `${ordered[0]}-${ordered[ordered.length - 1]}`;
  return { source: names.join('; '), scale, cited };
}

/** ACLED's interaction: the two actor types, the lower inter code first ("State forces-Political militia"). */
function interaction(table: Coding, c1: string, c2: string | null): string {
  const label = (c: string) => inter(table, c);
  if (!c2) return `${label(c1)} only`;
  const rank = (c: string) => {
    const k = table.categories.findIndex((r) => r.code === c);
    return k < 0 ? table.categories.length : k;
  };
  const [a, b] = rank(c1) <= rank(c2) ? [c1, c2] : [c2, c1];
  return `${label(a)}-${label(b)}`;
}

const TIME_PRECISION = { day: 1, week: 2, month: 3 } as const;

const DATE_WORDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** One or two sentences in English from the fields, as ACLED's notes read. */
export function incidentNote(i: Incident, table: Coding = CODING): string {
  const when = DATE_WORDS.format(new Date(`${i.date.start}T00:00:00Z`));
  const where = i.location
    ? `${i.location.name}${i.location.admin1 ? ` (${i.location.admin1})` : ''}`
    : 'an unknown place';
  const by = i.perpetrators.map((a) => a.name).join(' and ') || 'an unidentified armed group';
  const on = i.targets.map((a) => a.name).join(' and ');
  const what = (table.subType(i.subtype)?.acled ?? i.subtype).toLowerCase();
  const weapons = i.weapons.length ? ` using ${i.weapons.map((w) => w.replace(/_/g, ' ')).join(', ')}` : '';
  const parts = [
    `On ${when}, ${by} carried out ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}${on ? ` on ${on}` : ''} in ${where}${weapons}.`,
  ];
  const claimed = [...new Set(i.claims.filter((c) => c.kind === 'responsibility').map((c) => c.by))];
  if (claimed.length) parts.push(`${claimed.join(' and ')} claimed responsibility.`);
  for (const d of i.disagreements) {
    if (d.field !== 'outcome' && d.field !== 'killed' && d.field !== 'perpetrator') continue;
    const said = d.values.map(
      (v) => `${v.value ?? 'unknown'} (${v.members.length} report${v.members.length > 1 ? 's' : ''})`,
    );
    const topic = d.field === 'killed' ? 'number killed' : d.field;
    parts.push(`Reports disagree on the ${topic}: ${said.join(' vs ')}.`);
  }
  const f = i.fatalities;
  if (f.killed !== null) parts.push(`${f.killed} reported killed${f.injured ? `, ${f.injured} injured` : ''}.`);
  return parts.join(' ');
}

/** event_id_cnty of an incident fused in memory only (the store gives each a stable one): its id's hash as decimal */
const serial = (id: string) => Number.parseInt(id.replace(/^inc-/, '').slice(0, 8), 16) % 10_000_000;

/** An attacker nobody names, as ACLED writes it: "Unidentified Armed Group (Iraq)". */
const unnamedAttacker = (iso2: string | null) =>
  iso2 ? `Unidentified Armed Group (${country(iso2).name})` : 'Unidentified Armed Group';

/** When an incident last changed (its row's `timestamp`): one time for all, or each incident's own. */
export type Timestamps = number | ((i: Incident) => number);

/** One incident as an ACLED row; types, sub-types and actor types named from `table`. */
export function acledRow(i: Incident, timestamp: Timestamps, table: Coding = CODING): AcledRow {
  const iso2 = i.location?.country ?? null;
  const c = country(iso2 ?? '');
  const vac = i.type === 'violence_against_civilians';
  const { a1, a2, ...actors } = acledSides(i, iso2);
  const c1 = a1 ? a1.category : i.type === 'protests' ? 'protesters' : 'political_militia';
  const inter1 = inter(table, c1);
  const inter2 = a2 ? inter(table, a2.category) : '';
  const sub = table.subType(i.subtype);
  const { source, scale, cited } = sourcesOf(i);
  const note = incidentNote(i, table);
  return {
    event_id_cnty: i.acledId ?? `${c.iso3}${serial(i.id)}`,
    event_date: i.date.start,
    year: Number(i.date.start.slice(0, 4)),
    time_precision: TIME_PRECISION[i.date.precision] ?? 1,
    disorder_type: sub?.disorder ?? '',
    event_type: table.type(i.type)?.acled ?? i.type,
    sub_event_type: sub?.acled ?? i.subtype,
    actor1: a1 || i.type === 'protests' ? actors.actor1 : unnamedAttacker(iso2),
    assoc_actor_1: actors.assoc_actor_1,
    inter1,
    actor2: actors.actor2,
    assoc_actor_2: actors.assoc_actor_2,
    inter2,
    interaction: interaction(table, c1, a2 ? a2.category : null),
    civilian_targeting: vac || i.targets.some((t) => t.category === 'civilians') ? 'Civilian targeting' : '',
    iso: c.numeric === '' ? '' : Number(c.numeric),
    region: c.region,
    country: c.name,
    admin1: i.location?.admin1 ?? '',
    admin2: i.location?.admin2 ?? '',
    admin3: '',
    location: i.location?.name ?? '',
    latitude: i.location ? Number(i.location.lat.toFixed(4)) : '',
    longitude: i.location ? Number(i.location.lon.toFixed(4)) : '',
    geo_precision: i.location?.precision ?? '',
    source,
    source_scale: scale,
    notes: cited.length ? `${note} Sources cited: ${cited.join('; ')}.` : note,
    fatalities: i.fatalities.killed ?? 0,
    tags: i.disagreements.length ? `disputed: ${i.disagreements.map((d) => d.field).join(', ')}` : '',
    timestamp: typeof timestamp === 'number' ? timestamp : timestamp(i),
  };
}

export interface AcledCsvOptions {
  table?: Coding;
  /** a UTF-8 byte order mark first, so that Excel reads the names (Ḩajjah, Türkiye) right */
  bom?: boolean;
  /** these columns only, in this order (ACLED's API `fields`) */
  columns?: readonly ExportColumn[];
  /** why each incident is worth a look (the `rasd_check` column); by default what the incident alone tells */
  checks?: RecordChecks;
}

/** The CSV's rows of some incidents, each its cells in the order of `columns`. */
export function acledCsvRows(
  incidents: Incident[],
  timestamp: Timestamps,
  { table = CODING, columns = EXPORT_COLUMNS, checks = incidentChecks }: Omit<AcledCsvOptions, 'bom'> = {},
): (string | number)[][] {
  return incidents.map((i) => {
    const row = { ...acledRow(i, timestamp, table), [RASD_CHECK]: checkText(checks, i) };
    return columns.map((c) => row[c]);
  });
}

/** ACLED CSV: a header row in ACLED's order (then Rasd's `rasd_check`), then one row per incident. */
export function acledCsv(
  incidents: Incident[],
  timestamp: Timestamps = Math.floor(Date.now() / 1000),
  { bom = false, columns = EXPORT_COLUMNS, ...rest }: AcledCsvOptions = {},
): string {
  return csvText(acledCsvRows(incidents, timestamp, { columns, ...rest }), columns, bom);
}
