/** Incidents: the events of many documents that report one occurrence, fused (issue 5). */
import type { Actor, Claim, EventDate, EventRecord, Place, Weapon } from '../types.js';

/** One event of one stored document, as the fusion sees it. */
export interface MemberEvent {
  /** `${documentId}#${eventId}`: unique and stable across runs */
  key: string;
  documentId: string;
  /** the outlet that published the document (DocumentInput.source), if known */
  source: string | null;
  url: string | null;
  published: string | null;
  event: EventRecord;
}

/** Where the member events of an incident say different things; every value is kept with who said it. */
export interface Disagreement {
  field: 'outcome' | 'killed' | 'injured' | 'perpetrator' | 'type';
  values: { value: string | number | null; members: string[] }[];
}

export interface Incident {
  /** stable: derived from the smallest member key, so the same members give the same id in any order */
  id: string;
  type: EventRecord['type'];
  subtype: EventRecord['subtype'];
  /** the earliest date any member gives (ACLED practice) */
  date: EventDate;
  /** the most specific location among the members */
  location: Place | null;
  perpetrators: Actor[];
  targets: Actor[];
  weapons: Weapon[];
  /** the most conservative figures (the smallest any member reports), null when no member gives one */
  fatalities: { killed: number | null; injured: number | null };
  /** every claim of every member, with the member it came from */
  claims: (Claim & { member: string })[];
  /** every outlet and every source cited, deduplicated */
  sources: string[];
  /** member keys, sorted */
  members: string[];
  /**
   * ACLED's event_id_cnty for it, stable (src/store/acled-ids.ts): set by the store when it writes the incident;
   * absent from an incident fused in memory only
   */
  acledId?: string;
  disagreements: Disagreement[];
}
