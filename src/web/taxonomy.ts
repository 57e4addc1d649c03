/** ACLED's event types and sub-event types: the record's codes, ACLED's names (what the API filters on), colours. */
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

export const ACLED_TYPE: Record<EventTypeCode, string> = {
  battles: 'Battles',
  explosions_remote_violence: 'Explosions/Remote violence',
  violence_against_civilians: 'Violence against civilians',
  protests: 'Protests',
  riots: 'Riots',
  strategic_developments: 'Strategic developments',
};

export const ACLED_SUBTYPE: Record<string, string> = {
  armed_clash: 'Armed clash',
  government_regains_territory: 'Government regains territory',
  non_state_actor_overtakes_territory: 'Non-state actor overtakes territory',
  chemical_weapon: 'Chemical weapon',
  air_drone_strike: 'Air/drone strike',
  suicide_bomb: 'Suicide bomb',
  shelling_artillery_missile_attack: 'Shelling/artillery/missile attack',
  remote_explosive_landmine_ied: 'Remote explosive/landmine/IED',
  grenade: 'Grenade',
  sexual_violence: 'Sexual violence',
  attack: 'Attack',
  abduction_forced_disappearance: 'Abduction/forced disappearance',
  peaceful_protest: 'Peaceful protest',
  protest_with_intervention: 'Protest with intervention',
  excessive_force_against_protesters: 'Excessive force against protesters',
  violent_demonstration: 'Violent demonstration',
  mob_violence: 'Mob violence',
  agreement: 'Agreement',
  arrests: 'Arrests',
  change_to_group_activity: 'Change to group/activity',
  disrupted_weapons_use: 'Disrupted weapons use',
  headquarters_or_base_established: 'Headquarters or base established',
  looting_property_destruction: 'Looting/property destruction',
  non_violent_transfer_of_territory: 'Non-violent transfer of territory',
  other: 'Other',
};

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
