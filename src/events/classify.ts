/**
 * ACLED type and sub-type of an event from what its triggers report, its weapons, its actors and the outcome
 * claims: an attack intercepted and not claimed as a hit is a disrupted weapons use; RPG fire is shelling;
 * violence by armed actors against civilians is violence against civilians.
 */
import type { WeaponWord } from '../recognize/lexicons.js';
import type { EventType } from '../types.js';
import type { Candidate } from './candidates.js';

export interface Typed {
  type: EventType;
  subtype: string;
}

const SHELLING: WeaponWord[] = ['projectile', 'rocket', 'missile', 'ballistic_missile', 'artillery', 'mortar', 'rpg'];
const AIR: WeaponWord[] = ['airstrike', 'drone'];
const REMOTE: WeaponWord[] = ['ied', 'car_bomb', 'landmine'];

export function classify(c: Candidate): Typed {
  const classes = new Set(c.triggers.map((t) => t.value.cls));
  const w = new Set(c.weapons.keys());
  const has = (ws: WeaponWord[]) => ws.some((x) => w.has(x));
  const civilianTarget = c.targets.some((t) => t.category === 'civilians');
  const protesters =
    c.targets.some((t) => t.category === 'protesters') || c.perpetrators.some((p) => p.category === 'protesters');
  const claimedHit = c.outcomes.has('hit') || c.outcomes.has('fell_nearby');
  const intercepted = c.outcomes.has('intercepted') || classes.has('intercept');
  const violent = [
    'attack',
    'strike',
    'airstrike',
    'fire',
    'fall',
    'explosion',
    'suicide',
    'kill',
    'operation',
    'launch',
  ].some((k) => classes.has(k));

  if (classes.has('protest') && !violent) {
    if (classes.has('riot')) return { type: 'riots', subtype: 'violent_demonstration' };
    if (c.killed.length > 0 || has(['small_arms']))
      return { type: 'protests', subtype: 'excessive_force_against_protesters' };
    if (classes.has('arrest') || c.injured.length > 0)
      return { type: 'protests', subtype: 'protest_with_intervention' };
    return { type: 'protests', subtype: 'peaceful_protest' };
  }
  if (classes.has('riot')) return { type: 'riots', subtype: 'violent_demonstration' };
  if (classes.has('mob') && !has(SHELLING) && !has(AIR)) return { type: 'riots', subtype: 'mob_violence' };
  if (classes.has('sexual')) return { type: 'violence_against_civilians', subtype: 'sexual_violence' };
  if (intercepted && !claimedHit && (has(SHELLING) || has(AIR) || !violent)) {
    return { type: 'strategic_developments', subtype: 'disrupted_weapons_use' };
  }
  if (classes.has('suicide') || w.has('suicide_vest'))
    return { type: 'explosions_remote_violence', subtype: 'suicide_bomb' };
  if (classes.has('airstrike') || has(AIR)) return { type: 'explosions_remote_violence', subtype: 'air_drone_strike' };
  if (has(SHELLING)) return { type: 'explosions_remote_violence', subtype: 'shelling_artillery_missile_attack' };
  if (has(REMOTE) || classes.has('explosion'))
    return { type: 'explosions_remote_violence', subtype: 'remote_explosive_landmine_ied' };
  if (w.has('grenade')) return { type: 'explosions_remote_violence', subtype: 'grenade' };
  if (w.has('chemical')) return { type: 'explosions_remote_violence', subtype: 'chemical_weapon' };
  if (classes.has('strike'))
    return { type: 'explosions_remote_violence', subtype: 'shelling_artillery_missile_attack' };
  if (classes.has('clash')) return { type: 'battles', subtype: 'armed_clash' };
  if (classes.has('abduct')) return { type: 'violence_against_civilians', subtype: 'abduction_forced_disappearance' };
  if (classes.has('territory')) {
    const state = c.perpetrators.some((p) => p.category === 'state_forces');
    return { type: 'battles', subtype: state ? 'government_regains_territory' : 'non_state_actor_overtakes_territory' };
  }
  if (classes.has('arrest') && !violent) return { type: 'strategic_developments', subtype: 'arrests' };
  if (classes.has('destroy') && !violent)
    return { type: 'strategic_developments', subtype: 'looting_property_destruction' };
  if (classes.has('agreement') && !violent) return { type: 'strategic_developments', subtype: 'agreement' };
  if (classes.has('withdraw') && !violent)
    return { type: 'strategic_developments', subtype: 'non_violent_transfer_of_territory' };
  if (classes.has('base') && !violent)
    return { type: 'strategic_developments', subtype: 'headquarters_or_base_established' };
  if (classes.has('group') && !violent) return { type: 'strategic_developments', subtype: 'change_to_group_activity' };
  if (civilianTarget || classes.has('assassinate') || classes.has('execute') || protesters) {
    return { type: 'violence_against_civilians', subtype: 'attack' };
  }
  return { type: 'battles', subtype: 'armed_clash' };
}
