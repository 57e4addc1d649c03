/**
 * ACLED's event types and sub-event types as the app shows them: the coding table's codes (src/events/taxonomy.ts),
 * ACLED's names (what the API filters on) and the colours of the types.
 */
import { CODING, type Coding, EVENT_TYPES, type EventType } from '../events/taxonomy.js';

export { EVENT_TYPES };
export type EventTypeCode = EventType;

/** The sub-types of each type, in the table's order (the filter bar's and the review's lists). */
export function subTypesByType(table: Coding = CODING): Record<string, string[]> {
  return Object.fromEntries(table.types.map((t) => [t.code, table.subTypesOf(t.code).map((s) => s.code)]));
}

export const SUBTYPES = subTypesByType() as Record<EventTypeCode, string[]>;

export const ACLED_TYPE = Object.fromEntries(CODING.types.map((t) => [t.code, t.acled])) as Record<
  EventTypeCode,
  string
>;
export const ACLED_SUBTYPE: Record<string, string> = Object.fromEntries(CODING.subTypes.map((s) => [s.code, s.acled]));

export const TYPE_COLOR = Object.fromEntries(CODING.types.map((t) => [t.code, t.colour])) as Record<
  EventTypeCode,
  string
>;
const UNKNOWN_COLOR = '#777777';

/** A code from either spelling: 'Explosions/Remote violence' and 'explosions_remote_violence' give the same. */
export function toCode(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '');
}

export function typeColor(type: string): string {
  return TYPE_COLOR[toCode(type) as EventTypeCode] ?? UNKNOWN_COLOR;
}
