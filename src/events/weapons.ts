/**
 * The weapons of an event, in the spec's vocabulary: the attacker's means. A weapon named in a motive clause ("ردا على
 * إطلاق صواريخ", "ردا على الهجوم الكيميائي") is the means of the act replied to, not of this one; rockets fired by
 * aircraft are the air strike itself. صاروخ said without its kind is a rocket when militias fire it (Gaza, the bases
 * of Iraq and Syria) and a missile when a state fires it, when the Houthis fire it across the border, when air
 * defences intercept it, or when nobody named fires it at a state's forces.
 */
import { normalizeString } from '../lang/ar/normalize.js';
import type { WeaponWord } from '../recognize/lexicons.js';
import type { Span, Weapon } from '../types.js';
import type { Candidate } from './candidates.js';
import { classify } from './classify.js';

const EXPLICIT = new Set<WeaponWord>(['rocket', 'missile', 'ballistic_missile']);
const AIRCRAFT = new Set<WeaponWord>(['airstrike', 'drone']);
/** "ردا على", "انتقاما ل": what follows in the clause is the motive (data/lang/ar/motive-words.txt) */
const MOTIVE = /(^|[\s"«(])[وف]?(ردا|رد|انتقاما)(\s|$)/;
/** the end of the clause before a word: punctuation that opens a new clause */
const CLAUSE_END = /[،,؛;:.!?؟]/g;

/** Is the weapon at `pos` inside a motive clause of the event's sentence? (read from the sentence's text) */
function inMotive(c: Candidate, pos: number): boolean {
  const sent = c.evidence.find((e) => e.start <= pos && pos < e.end);
  if (!sent) return false;
  // the answer depends on the sentence and the position only; classify and the weapons ask it many times per event
  let known = motiveAt.get(sent);
  if (!known) {
    known = new Map();
    motiveAt.set(sent, known);
  }
  let v = known.get(pos);
  if (v === undefined) {
    const before = sent.text.slice(0, pos - sent.start);
    let from = 0;
    for (const m of before.matchAll(CLAUSE_END)) if (m.index < before.length - 2) from = m.index + 1;
    v = MOTIVE.test(normalizeString(before.slice(from)));
    known.set(pos, v);
  }
  return v;
}
/** by sentence span (shared by the candidates a sentence gave and those they merged into), by position */
const motiveAt = new WeakMap<Span, Map<number, boolean>>();

/** The weapon words of the event's own act: not those of a motive clause, unless the event is the act replied to. */
export function usedWeapons(c: Candidate): Set<WeaponWord> {
  const out = new Set<WeaponWord>();
  const replied = c.triggers.some((t) => inMotive(c, t.span.start));
  for (const [w, span] of c.weapons) if (replied || !inMotive(c, span.start)) out.add(w);
  return out;
}

/** "قذيفة", "قذائف" said without their kind */
const SHELL = /^[وبل]?(ال)?(قذيف|قذائف)/;
/** "انتحاري": the bomber, read as a suicide vest unless he drove a car bomb */
const BOMBER = /انتحار/;
/** the adjective of a bombardment: صاروخي، صاروخية (after قصف, قصفا) */
const ROCKET_FIRE = /^[وف]?(ال)?صاروخي(ه)?$/;

export function eventWeapons(c: Candidate): Weapon[] {
  let words = [...usedWeapons(c)];
  const st = classify(c);
  // what an arrest seizes or foils is not used
  if (st === 'arrests') return [];
  if (words.length === 0 && (c.killed.length > 0 || c.injured.length > 0)) {
    if (st === 'attack' || st === 'excessive_force_against_protesters') return ['small_arms'];
  }

  // "قذائف … قذائف الهاون": shells said without their kind are the mortar rounds named beside them
  const shell = c.weapons.get('artillery')?.text.trim() ?? '';
  if (words.includes('mortar') && SHELL.test(normalizeString(shell)) && !shell.includes(' ')) {
    words = words.filter((w) => w !== 'artillery');
  }
  // "سيارة مفخخة يقودها انتحاري": the bomber's means is the car bomb
  if (words.includes('car_bomb') && BOMBER.test(c.weapons.get('suicide_vest')?.text ?? '')) {
    words = words.filter((w) => w !== 'suicide_vest');
  }
  if (!words.includes('projectile')) return words as Weapon[];
  // "قصف مدفعي وصاروخي": rocket fire named beside the guns as a kind of bombardment is rocket artillery, whatever
  // aircraft strike beside it
  if (words.includes('artillery') && ROCKET_FIRE.test(normalizeString(c.weapons.get('projectile')?.text ?? '')))
    return words.map((w) => (w === 'projectile' ? 'rocket' : w)) as Weapon[];
  // "طائرات حربية أطلقت صواريخ": an aircraft's rockets are its air strike
  if (words.some((w) => AIRCRAFT.has(w))) return words.filter((w) => w !== 'projectile') as Weapon[];
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
  words = words.map((w) => (w === 'projectile' ? kind : w));
  return words as Weapon[];
}
