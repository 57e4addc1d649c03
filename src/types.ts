/** The output contract (docs/event-record.md): field names fixed, extra fields allowed. */
import type { ActorCategory, EventType, SubType, Weapon } from './events/taxonomy.js';
import type { Span } from './text/span.js';

/** The closed vocabularies of types, sub-types and actor categories are the coding table's (events/taxonomy.ts). */
export type { ActorCategory, EventType, Span, SubType, Weapon };

export type Precision = 'day' | 'week' | 'month';

export interface EventDate {
  start: string;
  end: string;
  precision: Precision;
  evidence?: Span;
}

export interface Place {
  name: string;
  name_ar: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  /** the second-level unit (district, qada) where the gazetteer knows it */
  admin2?: string | null;
  feature: string;
  gazetteer_id: string;
  precision: 1 | 2 | 3;
  evidence: Span;
}

export interface Actor {
  role: 'perpetrator' | 'target';
  name: string;
  name_ar: string;
  category: ActorCategory;
  country: string | null;
  evidence: Span;
}

export type Outcome = 'hit' | 'intercepted' | 'missed' | 'fell_nearby' | 'no_damage';

export interface Claim {
  kind: 'responsibility' | 'outcome' | 'denial';
  by: string;
  by_ar?: string;
  outcome: Outcome | null;
  evidence: Span;
}

export interface Fatalities {
  killed: number | null;
  injured: number | null;
  evidence: Span[];
}

export interface EventRecord {
  id: string;
  type: EventType;
  subtype: SubType;
  date: EventDate;
  location: Place | null;
  actors: Actor[];
  weapons: Weapon[];
  fatalities: Fatalities;
  claims: Claim[];
  sources: string[];
  evidence: Span[];
  confidence: number;
}

export interface Statistic {
  what: 'attacks' | 'killed' | 'injured' | 'troops' | 'other';
  value: number;
  qualifier: 'at_least' | 'exact' | 'about';
  subject: string | null;
  area: string | null;
  period: { start: string; end: string } | null;
  by: string | null;
  evidence: Span;
}

export interface Statement {
  speaker: string;
  speaker_ar: string;
  role: string | null;
  quote: Span;
  date: string | null;
  evidence?: Span;
}

export interface DocumentInput {
  id?: string;
  text?: string;
  html?: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
  language?: string;
}

export interface ExtractionError {
  code: string;
  message: string;
}

export interface ExtractionResult {
  schema: 'rasd.extraction/1';
  document: {
    id: string;
    published: string | null;
    language: string;
    source: string | null;
    title?: string;
    url?: string;
    text?: string;
  };
  events: EventRecord[];
  statistics: Statistic[];
  statements: Statement[];
  errors: ExtractionError[];
}
