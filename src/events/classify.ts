/**
 * ACLED sub-type of an event from what its triggers report, its weapons, its actors and the outcome claims: an
 * attack intercepted and not claimed as a hit is a disrupted weapons use; RPG fire is shelling; violence by armed
 * actors against civilians is violence against civilians. The type is the sub-type's (eventTypeOf, taxonomy.ts).
 */
import { traitsOf, type WeaponWord } from '../recognize/lexicons.js';
import type { Candidate } from './candidates.js';
import type { SubType, TriggerClass } from './taxonomy.js';
import { usedWeapons } from './weapons.js';

const SHELLING: WeaponWord[] = ['projectile', 'rocket', 'missile', 'ballistic_missile', 'artillery', 'mortar', 'rpg'];
const AIR: WeaponWord[] = ['airstrike', 'drone'];
const REMOTE: WeaponWord[] = ['ied', 'car_bomb', 'landmine'];

export function classify(c: Candidate): SubType {
  const classes = new Set<TriggerClass>(c.triggers.map((t) => t.value.cls));
  const w = usedWeapons(c);
  const has = (ws: WeaponWord[]) => ws.some((x) => w.has(x));
  const civilianTarget = c.targets.some((t) => t.category === 'civilians');
  const protesters =
    c.targets.some((t) => t.category === 'protesters') || c.perpetrators.some((p) => p.category === 'protesters');
  const claimedHit = c.outcomes.has('hit') || c.outcomes.has('fell_nearby');
  const intercepted = c.outcomes.has('intercepted') || classes.has('intercept');
  const violent = [...classes].some((k) => traitsOf(k).violent);

  if (classes.has('protest') && !violent) {
    // "اعتقلت … وصادرت أحزمة ناسفة", "اعتقال شخص كان يخطط لعملية انتحارية": the weapons of an arrest are seized or
    // planned, not used
    if (classes.has('arrest') && !violent) return 'arrests';
    if (classes.has('riot')) return 'violent_demonstration';
    if (c.killed.length > 0 || has(['small_arms'])) return 'excessive_force_against_protesters';
    if (classes.has('arrest') || c.injured.length > 0) return 'protest_with_intervention';
    return 'peaceful_protest';
  }
  // "اعتقلت … وصادرت أحزمة ناسفة", "اعتقال شخص كان يخطط لعملية انتحارية": the weapons of an arrest are seized or
  // planned, not used
  if (classes.has('arrest') && !violent) return 'arrests';
  if (classes.has('riot')) return 'violent_demonstration';
  if (classes.has('mob') && !has(SHELLING) && !has(AIR)) return 'mob_violence';
  if (classes.has('sexual')) return 'sexual_violence';
  if (intercepted && !claimedHit && (has(SHELLING) || has(AIR) || !violent)) {
    return 'disrupted_weapons_use';
  }
  if (classes.has('suicide') || w.has('suicide_vest')) return 'suicide_bomb';
  if (classes.has('airstrike') || has(AIR)) return 'air_drone_strike';
  if (has(SHELLING)) return 'shelling_artillery_missile_attack';
  if (has(REMOTE) || classes.has('explosion')) return 'remote_explosive_landmine_ied';
  if (w.has('grenade')) return 'grenade';
  if (w.has('chemical')) return 'chemical_weapon';
  if (classes.has('strike')) return 'shelling_artillery_missile_attack';
  if (classes.has('clash')) return 'armed_clash';
  if (classes.has('abduct')) return 'abduction_forced_disappearance';
  if (classes.has('territory')) {
    const state = c.perpetrators.some((p) => p.category === 'state_forces');
    return state ? 'government_regains_territory' : 'non_state_actor_overtakes_territory';
  }
  if (classes.has('arrest') && !violent) return 'arrests';
  if (classes.has('destroy') && !violent) return 'looting_property_destruction';
  if (classes.has('agreement') && !violent) return 'agreement';
  if (classes.has('withdraw') && !violent) return 'non_violent_transfer_of_territory';
  if (classes.has('base') && !violent) return 'headquarters_or_base_established';
  if (classes.has('group') && !violent) return 'change_to_group_activity';
  if (civilianTarget || classes.has('assassinate') || classes.has('execute') || protesters) {
    return 'attack';
  }
  return 'armed_clash';
}
