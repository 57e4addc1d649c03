/** ACLED's event types and sub-event types: the record's codes, ACLED's names (what the API filters on), colours. */
import { EVENT_TYPE, SUB_EVENT_TYPE } from '../events/acled-names.js';
export const EVENT_TYPES = [
  'battles',
  'explosions_remote_violence',
  'violence_against_civilians',
  'protests',
  'riots',
  'strategic_developments',
] as const;
export type EventTypeCode = (typeof EVENT_TYPES)[number];

export const SUBTYPES: Record<EventTypeCode, string[]> = {
  battles: ['armed_clash', 'government_regains_territory', 'non_state_actor_overtakes_territory'],
  explosions_remote_violence: [
    'air_drone_strike',
    'shelling_artillery_missile_attack',
    'remote_explosive_landmine_ied',
    'suicide_bomb',
    'grenade',
    'chemical_weapon',
  ],
  violence_against_civilians: ['attack', 'abduction_forced_disappearance', 'sexual_violence'],
  protests: ['peaceful_protest', 'protest_with_intervention', 'excessive_force_against_protesters'],
  riots: ['violent_demonstration', 'mob_violence'],
  strategic_developments: [
    'agreement',
    'arrests',
    'change_to_group_activity',
    'disrupted_weapons_use',
    'headquarters_or_base_established',
    'looting_property_destruction',
    'non_violent_transfer_of_territory',
    'other',
  ],
};

export const ACLED_TYPE = EVENT_TYPE as Record<EventTypeCode, string>;
export const ACLED_SUBTYPE = SUB_EVENT_TYPE;

/** Distinct on a pale map and for the common colour-vision deficiencies (Okabe–Ito). */
export const TYPE_COLOR: Record<EventTypeCode, string> = {
  battles: '#d55e00',
  explosions_remote_violence: '#e69f00',
  violence_against_civilians: '#cc79a7',
  protests: '#0072b2',
  riots: '#009e73',
  strategic_developments: '#56b4e9',
};
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
