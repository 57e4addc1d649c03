/**
 * The weapons of an event, in the spec's vocabulary. صاروخ said without its kind is a rocket when militias fire it
 * (Gaza, the bases of Iraq and Syria) and a missile when a state fires it, when the Houthis fire it across the
 * border, when air defences intercept it, or when nobody named fires it at a state's forces.
 */
import type { WeaponWord } from '../recognize/lexicons.js';
import type { Weapon } from '../types.js';
import type { Candidate } from './candidates.js';

const EXPLICIT = new Set<WeaponWord>(['rocket', 'missile', 'ballistic_missile']);

export function eventWeapons(c: Candidate): Weapon[] {
  const words = [...c.weapons.keys()];
  if (!words.includes('projectile')) return words as Weapon[];
  const rest = words.filter((w) => w !== 'projectile') as Weapon[];
  if (rest.some((w) => EXPLICIT.has(w))) return rest;
  const state = c.perpetrators.some((p) => p.category === 'state_forces');
  const houthi = c.perpetrators.some((p) => /houthi/i.test(p.name));
  const intercepted = c.outcomes.has('intercepted');
  const militia = c.perpetrators.some((p) => p.category !== 'state_forces');
  // fired by no one named at a state's forces or bases: in this region, a state's missile strike (T4, Hama, Barzeh)
  const unclaimedOnState =
    c.perpetrators.length === 0 && c.targets.length > 0 && c.targets.every((t) => t.category === 'state_forces');
  const missile = state || houthi || (intercepted && !militia) || unclaimedOnState;
  const kind: Weapon = missile ? 'missile' : 'rocket';
  return [...words.map((w) => (w === 'projectile' ? kind : w))] as Weapon[];
}
