/**
 * Incidents as ACLED rows: ACLED's column names and order, its event and sub-event type names, disorder types and
 * actor type labels (the coding table's, src/events/taxonomy.ts), its time and geo precision codes, and a note in
 * English written from the fields.
 */
import { dataPath, readTsv } from '../data.js';
import { CODING, type Coding } from '../events/taxonomy.js';
import type { Incident } from '../fuse/types.js';
import type { Actor } from '../types.js';

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

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number>;

/** ACLED's actor type label of a category (inter1, inter2). */
const inter = (table: Coding, category: string) => table.category(category)?.acled ?? category;

interface Country {
  iso3: string;
  name: string;
  region: string;
}
let countries: Map<string, Country> | null = null;
function country(iso2: string): Country {
  if (!countries) {
    countries = new Map(
      readTsv(dataPath('gazetteer', 'countries.tsv')).map((r) => [
        r.iso2,
        { iso3: r.iso3, name: r.name, region: r.region },
      ]),
    );
  }
  return countries.get(iso2) ?? { iso3: iso2, name: iso2, region: '' };
}

const TIME_PRECISION = { day: 1, week: 2, month: 3 } as const;

/** ACLED writes "Military Forces of Iraq (2022-)" etc.; an unnamed perpetrator is "Unidentified Armed Group (Iraq)". */
function actorName(a: Actor | undefined, countryName: string, unnamed: string): string {
  if (!a) return unnamed ? `${unnamed} (${countryName})` : '';
  if (a.name === 'Civilians' || a.name === 'Protesters' || a.name === 'Rioters') return `${a.name} (${countryName})`;
  return a.name;
}

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
    if (d.field !== 'outcome' && d.field !== 'killed') continue;
    const said = d.values.map(
      (v) => `${v.value ?? 'unknown'} (${v.members.length} report${v.members.length > 1 ? 's' : ''})`,
    );
    parts.push(`Reports disagree on the ${d.field === 'killed' ? 'number killed' : 'outcome'}: ${said.join(' vs ')}.`);
  }
  const f = i.fatalities;
  if (f.killed !== null) parts.push(`${f.killed} reported killed${f.injured ? `, ${f.injured} injured` : ''}.`);
  return parts.join(' ');
}

/** A number for event_id_cnty, stable for the incident: its id's hash read as decimal. */
const serial = (id: string) => Number.parseInt(id.replace(/^inc-/, '').slice(0, 8), 16) % 10_000_000;

/** One incident as an ACLED row; types, sub-types and actor types named from `table`. */
export function acledRow(i: Incident, timestamp: number, table: Coding = CODING): AcledRow {
  const c = country(i.location?.country ?? '');
  const a1 = i.perpetrators[0];
  const a2 = i.targets[0];
  const inter1 = inter(table, a1 ? a1.category : i.type === 'protests' ? 'protesters' : 'political_militia');
  const inter2 = a2 ? inter(table, a2.category) : '';
  const sub = table.subType(i.subtype);
  return {
    event_id_cnty: `${c.iso3}${serial(i.id)}`,
    event_date: i.date.start,
    year: Number(i.date.start.slice(0, 4)),
    time_precision: TIME_PRECISION[i.date.precision] ?? 1,
    disorder_type: sub?.disorder ?? '',
    event_type: table.type(i.type)?.acled ?? i.type,
    sub_event_type: sub?.acled ?? i.subtype,
    actor1: actorName(a1, c.name, i.type === 'protests' ? '' : 'Unidentified Armed Group'),
    assoc_actor_1: i.perpetrators
      .slice(1)
      .map((a) => a.name)
      .join('; '),
    inter1,
    actor2: actorName(a2, c.name, ''),
    assoc_actor_2: i.targets
      .slice(1)
      .map((a) => a.name)
      .join('; '),
    inter2,
    interaction: inter2 ? `${inter1}-${inter2}` : `${inter1} only`,
    civilian_targeting: i.targets.some((t) => t.category === 'civilians') ? 'Civilian targeting' : '',
    iso: c.iso3,
    region: c.region,
    country: c.name,
    admin1: i.location?.admin1 ?? '',
    admin2: i.location?.admin2 ?? '',
    admin3: '',
    location: i.location?.name ?? '',
    latitude: i.location ? Number(i.location.lat.toFixed(4)) : '',
    longitude: i.location ? Number(i.location.lon.toFixed(4)) : '',
    geo_precision: i.location?.precision ?? '',
    source: i.sources.join('; '),
    source_scale: i.sources.length > 1 ? 'Multiple' : i.sources.length ? 'Other' : '',
    notes: incidentNote(i, table),
    fatalities: i.fatalities.killed ?? 0,
    tags: i.disagreements.length ? `disputed: ${i.disagreements.map((d) => d.field).join(', ')}` : '',
    timestamp,
  };
}

/**
 * A cell as RFC 4180 writes it. Text that a spreadsheet would run as a formula (OWASP's rule: it begins with =, +, -,
 * @, a tab or a carriage return; a source, an actor or a place name comes from the article) is kept as text by a
 * leading apostrophe; numbers stay numbers.
 */
const csvCell = (v: string | number) => {
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** ACLED CSV: a header row in ACLED's order, then one row per incident. */
export function acledCsv(
  incidents: Incident[],
  timestamp = Math.floor(Date.now() / 1000),
  table: Coding = CODING,
): string {
  const lines = [ACLED_COLUMNS.join(',')];
  for (const i of incidents) {
    const row = acledRow(i, timestamp, table);
    lines.push(ACLED_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}
