/** Weapons named as what a site holds ("منشآت الأسلحة الكيميائية", "مخازن الصواريخ"), not what was used. */
import { ar } from '../lang/ar/index.js';
import type { Doc } from '../text/doc.js';
import type { WeaponWord } from './lexicons.js';
import type { Mention } from './mention.js';

/** Is one of the two words before the weapon, in its sentence, a site that holds it? */
export function isWeaponsSite(doc: Doc, w: Mention<WeaponWord>): boolean {
  const toks = doc.tokens;
  for (let k = w.first - 1; k >= Math.max(0, w.first - 2) && toks[k].sent === w.sent; k--) {
    if (ar.weaponSiteNouns.test(toks[k].norm)) return true;
  }
  return false;
}
